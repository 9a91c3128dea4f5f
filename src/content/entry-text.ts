import type { EntryData } from '../schema/index.ts';

/** The searchable text of an entry: what a reader sees of it, as one string. */
export function entryText(data: EntryData, body: string, extra: string[] = []): string {
  return [data.question, ...(data.aliases ?? []), data.summary, data.topic ?? '', ...(data.can ?? []), ...(data.cannot ?? []), ...(data.tags ?? []), body, ...extra].join('\n');
}
