// The build's data about the entries a handbook prints: read from the JSON export the same build wrote
// (`data/entries.json`, validated with its schema), never from the handbook page. Questions, dates,
// levels, owners and the URL under each QR code come from here, so nothing an entry's body does to
// the page can change what is printed about another entry.
import fs from 'node:fs';
import path from 'node:path';
import { ALL_FIELDS, type FilterItem, type SupersededItem } from './model.ts';
import { paths } from '../publish/urls.ts';
import { exportSchema, type ExportEntry } from '../schema/export.ts';
import { fail } from './errors.ts';

export interface PrintedEntry extends FilterItem {
  question: string;
  url: string;
  owner: string;
}
export interface SupersededEntry extends SupersededItem {
  question: string;
  successorQuestion?: string;
  successorUrl?: string;
}
export interface HandbookData {
  /** Published entries of the handbook's fields, by id. */
  published: Map<string, PrintedEntry>;
  /** Superseded entries of the handbook's fields (listed on the change page only). */
  superseded: SupersededEntry[];
}

/** Reads and validates `data/entries.json` of a built site. */
export function readExport(dist: string): ExportEntry[] {
  const file = path.join(dist, paths.dataEntries());
  if (!fs.existsSync(file)) return fail(`${file} is missing: the printer takes entry data from the build's JSON export`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) return fail(`${file} does not match the export schema: ${parsed.error.issues[0]?.message}`);
  return parsed.data.entries;
}

/** The entries of the handbook of `field` (a field id or `all`). */
export function handbookData(entries: readonly ExportEntry[], field: string): HandbookData {
  const inScope = (e: ExportEntry) => field === ALL_FIELDS || e.field === field;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const published = new Map<string, PrintedEntry>();
  const superseded: SupersededEntry[] = [];
  for (const e of entries) {
    if (!inScope(e)) continue;
    const item = { id: e.id, levels: e.levels, answered: e.answered, reviewed: e.reviewed, changes: e.changes };
    if (e.status === 'published') published.set(e.id, { ...item, question: e.question, url: e.url, owner: e.owner });
    else if (e.supersededBy) {
      const successor = byId.get(e.supersededBy);
      superseded.push({
        ...item,
        question: e.question,
        successor: e.supersededBy,
        successorAnswered: successor?.answered,
        successorQuestion: successor?.question,
        successorUrl: successor?.url,
      });
    }
  }
  return { published, superseded };
}

/**
 * Problems when the page's entry articles are not exactly the published entries of the build's data,
 * once each: content markup that added, hid or duplicated an entry. Empty when they agree.
 */
export function pageDataMismatch(pageIds: readonly string[], anyArticles: number, data: HandbookData): string[] {
  const problems: string[] = [];
  if (anyArticles !== pageIds.length) {
    problems.push(`the page holds ${anyArticles} entry articles, ${pageIds.length} of them where the handbook template puts them`);
  }
  const seen = new Set<string>();
  for (const id of pageIds) {
    if (seen.has(id)) problems.push(`entry ${id} appears twice`);
    seen.add(id);
    if (!data.published.has(id)) problems.push(`entry ${id} is not a published entry of this handbook in data/entries.json`);
  }
  for (const id of data.published.keys()) if (!seen.has(id)) problems.push(`published entry ${id} is missing from the page`);
  return problems;
}
