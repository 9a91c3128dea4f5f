// A field's list of answers cut into pages, so that a field of thousands of answers is not one
// megabyte of HTML on a commune officer's phone. Pure: the field pages (src/pages/linh-vuc/) render
// what these functions return.
import type { TopicGroup } from './catalog.ts';
import { slugify } from './slug.ts';

/** Answers per field page unless HOIDAP_FIELD_PAGE_SIZE says otherwise: about 90 KB of HTML. */
export const DEFAULT_FIELD_PAGE_SIZE = 100;

export function fieldPageSize(env: Record<string, string | undefined> = process.env): number {
  const value = env.HOIDAP_FIELD_PAGE_SIZE;
  if (value === undefined || value === '') return DEFAULT_FIELD_PAGE_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HOIDAP_FIELD_PAGE_SIZE must be a positive whole number, got "${value}"`);
  return n;
}

export interface PageGroup<T> extends TopicGroup<T> {
  /** The topic began on an earlier page. */
  continued: boolean;
}

export interface ListingPage<T> {
  /** 1-based. */
  number: number;
  groups: PageGroup<T>[];
}

/**
 * Cuts topic groups into pages of at most `size` entries, keeping their order; a topic cut by a page
 * break goes on at the top of the next page, marked `continued`. No groups give one empty page.
 */
export function paginateGroups<T>(groups: TopicGroup<T>[], size: number): ListingPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive whole number, got ${size}`);
  const pages: ListingPage<T>[] = [{ number: 1, groups: [] }];
  let room = size;
  for (const group of groups) {
    let rest = group.entries;
    let continued = false;
    while (rest.length > 0) {
      if (room === 0) {
        pages.push({ number: pages.length + 1, groups: [] });
        room = size;
      }
      const part = rest.slice(0, room);
      pages.at(-1)!.groups.push({ topic: group.topic, entries: part, continued });
      room -= part.length;
      rest = rest.slice(part.length);
      continued = true;
    }
  }
  return pages;
}

/** The page on which each topic starts (the topic's first entries), by topic; undefined is "no topic". */
export function topicStartPages<T>(pages: ListingPage<T>[]): Map<string | undefined, number> {
  const start = new Map<string | undefined, number>();
  for (const page of pages) for (const g of page.groups) if (!g.continued) start.set(g.topic, page.number);
  return start;
}

/**
 * The page numbers a pagination bar shows: the first, the last, and two either side of the current
 * one, with 'gap' where numbers are left out (GOV.UK's pagination pattern).
 */
export function pageLinks(current: number, total: number): (number | 'gap')[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, total])].filter((n) => n >= 1 && n <= total).sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const n of shown) {
    const last = out.at(-1);
    if (typeof last === 'number' && n - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && n - last > 2) out.push('gap');
    out.push(n);
  }
  return out;
}

/**
 * The id of each topic's heading on a field's pages: `chu-de-<slug>`, `chu-de-khac` for answers with no
 * topic, and -2, -3... when two topics would get the same id ("Khác" and no topic, "Điện" and "Diện").
 */
export function topicAnchors(topics: (string | undefined)[]): Map<string | undefined, string> {
  const taken = new Set<string>();
  const anchors = new Map<string | undefined, string>();
  for (const topic of topics) {
    const base = `chu-de-${(topic && slugify(topic)) || 'khac'}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    anchors.set(topic, id);
  }
  return anchors;
}
