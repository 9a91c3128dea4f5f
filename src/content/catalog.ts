// Pure queries over the published catalogue, used by the pages.
import type { EntryData } from '../schema/index.ts';

export interface CatalogEntry {
  id: string;
  data: EntryData;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const compareVi = (a: string, b: string) => collator.compare(a, b);

/** Entries readers can find in lists: published only (superseded and drafts are excluded). */
export const isListed = (e: CatalogEntry) => e.data.status === 'published';

export const byQuestion = (a: CatalogEntry, b: CatalogEntry) => compareVi(a.data.question, b.data.question);

/** Last time the answer changed in a way readers care about: the latest of answered, reviewed and change notes. */
export const lastUpdated = (e: CatalogEntry) =>
  (e.data.changes ?? []).reduce((max, c) => (c.date > max ? c.date : max), e.data.reviewed > e.data.answered ? e.data.reviewed : e.data.answered);

export function recentlyUpdated<T extends CatalogEntry>(entries: T[], limit: number): T[] {
  return entries
    .filter(isListed)
    .sort((a, b) => lastUpdated(b).localeCompare(lastUpdated(a)) || byQuestion(a, b))
    .slice(0, limit);
}

export interface TopicGroup<T> {
  /** undefined for entries without a topic, listed last. */
  topic: string | undefined;
  entries: T[];
}

/** Groups entries by topic, topics in Vietnamese alphabetical order, questions sorted inside each. */
export function groupByTopic<T extends CatalogEntry>(entries: T[]): TopicGroup<T>[] {
  const groups = new Map<string | undefined, T[]>();
  for (const e of entries) {
    const key = e.data.topic?.trim() || undefined;
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : compareVi(a, b)))
    .map(([topic, list]) => ({ topic, entries: list.sort(byQuestion) }));
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
