// Pure logic of the printable handbook (issue 5): which entries a handbook holds and in what order, its
// table of contents, the --level and --since filters of `npm run handbook`, the change list printed
// for --since, and the bookkeeping of the two-pass page numbering. Used by the handbook pages (build
// time) and by src/handbook/ (print time); no I/O here.
import { LEVELS, isRealIsoDate, SLUG_PATTERN, type Level } from '../schema/common.ts';
import { groupByTopic, isListed, type CatalogEntry } from './catalog.ts';
import { formatDateVi } from './dates.ts';
import { slugify } from './slug.ts';

/** The positional argument of the CLI that selects the whole handbook. */
export const ALL_FIELDS = 'all';

/** Site path of a handbook: `so-tay/` (every field) or `so-tay/<field-id>/`. */
export const handbookPath = (field?: string) => (field && field !== ALL_FIELDS ? `so-tay/${field}/` : 'so-tay/');

/** Anchors inside a handbook page. Entry ids and field ids are slugs, so these are valid and unique. */
export const entryAnchor = (id: string) => `q-${id}`;
export const fieldAnchor = (id: string) => `f-${id}`;
export const topicAnchor = (field: string, topic: string | undefined) => `t-${field}-${topic ? slugify(topic) || 'x' : 'khac'}`;

// ---------------------------------------------------------------------------------------------------
// Selection and order

export interface HandbookTopic<T> {
  /** undefined: entries without a topic, listed last. */
  topic: string | undefined;
  anchor: string;
  entries: T[];
}

export interface HandbookSection<T> {
  field: string;
  anchor: string;
  topics: HandbookTopic<T>[];
  count: number;
}

/**
 * The entries of a handbook: published only (never drafts or superseded entries), one section per
 * field in the order given, topics in Vietnamese alphabetical order (no topic last), questions sorted
 * inside each topic, exactly as on the field pages. One pass over the entries.
 */
export function handbookSections<T extends CatalogEntry>(entries: Iterable<T>, fieldIds: readonly string[]): HandbookSection<T>[] {
  const byField = new Map<string, T[]>(fieldIds.map((f) => [f, []]));
  for (const e of entries) {
    if (!isListed(e)) continue;
    byField.get(e.data.field)?.push(e);
  }
  return fieldIds.map((field) => {
    const list = byField.get(field)!;
    return {
      field,
      anchor: fieldAnchor(field),
      count: list.length,
      topics: groupByTopic(list).map((g) => ({ topic: g.topic, anchor: topicAnchor(field, g.topic), entries: g.entries })),
    };
  });
}

/** Distinct owners of the entries of the sections, most entries first, then by id. */
export function ownersOf<T extends CatalogEntry>(sections: HandbookSection<T>[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sections) for (const g of s.topics) for (const e of g.entries) counts.set(e.data.owner, (counts.get(e.data.owner) ?? 0) + 1);
  return [...counts.entries()].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------------
// Table of contents

export interface TocItem {
  /** Entry id. */
  id: string;
  /** Anchor the item links to: also the named destination the PDF tool reads its page from. */
  target: string;
  label: string;
}
export interface TocGroup {
  target: string;
  label: string;
  items: TocItem[];
}
export interface TocSection {
  field: string;
  target: string;
  label: string;
  groups: TocGroup[];
}

/** The table of contents of a handbook: field > topic > question, linked to the anchors above. */
export function tocModel<T extends CatalogEntry>(
  sections: HandbookSection<T>[],
  fieldName: (id: string) => string,
  otherTopic: string,
): TocSection[] {
  return sections.map((s) => ({
    field: s.field,
    target: s.anchor,
    label: fieldName(s.field),
    groups: s.topics.map((g) => ({
      target: g.anchor,
      label: g.topic ?? otherTopic,
      items: g.entries.map((e) => ({ id: e.id, target: entryAnchor(e.id), label: e.data.question })),
    })),
  }));
}

/** Every anchor a table of contents links to, in reading order. */
export function tocTargets(toc: TocSection[]): string[] {
  const out: string[] = [];
  for (const s of toc) {
    out.push(s.target);
    for (const g of s.groups) {
      out.push(g.target);
      for (const i of g.items) out.push(i.target);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// --level and --since

/** What the PDF tool filters on, from the build's data (src/handbook/build-data.ts). */
export interface FilterItem {
  id: string;
  levels: readonly string[];
  answered: string;
  reviewed: string;
  /** Public change notes (`changes`), any order. */
  changes?: readonly { date: string; note: string }[];
}

/** A superseded entry of the handbook's fields, listed (never printed) on the change page. */
export interface SupersededItem extends FilterItem {
  successor: string;
  /** When the successor was answered, if known. */
  successorAnswered?: string;
}

export interface HandbookFilter {
  level?: Level;
  /** YYYY-MM-DD: keep entries answered or reviewed strictly after this date. */
  since?: string;
}

export const matchesLevel = (item: Pick<FilterItem, 'levels'>, level?: string) => level === undefined || item.levels.includes(level);

/** Change notes dated strictly after `since`, newest first. */
export const notesSince = (item: Pick<FilterItem, 'changes'>, since: string) =>
  (item.changes ?? []).filter((c) => c.date > since).sort((a, b) => b.date.localeCompare(a.date));

/** Answered, reviewed or changed (a change note) strictly after `since` (always true without `since`). */
export const changedSince = (item: Pick<FilterItem, 'answered' | 'reviewed' | 'changes'>, since?: string) =>
  since === undefined || item.answered > since || item.reviewed > since || notesSince(item, since).length > 0;

/**
 * A superseded entry counts as superseded after `since` when its owner touched it after that date
 * (its `reviewed` date, set when it was marked superseded) or its successor was answered after it.
 * The contract records no date of supersession, so these are the two dates that witness it.
 */
export const supersededSince = (item: SupersededItem, since: string) =>
  item.reviewed > since || (item.successorAnswered !== undefined && item.successorAnswered > since);

/** The entries a filtered handbook prints, in their original order. */
export function selectEntries<T extends FilterItem>(items: readonly T[], filter: HandbookFilter): T[] {
  return items.filter((i) => matchesLevel(i, filter.level) && changedSince(i, filter.since));
}

export interface ChangeList<T, S> {
  /** New answers: answered after the date. */
  added: T[];
  /** Answered before, changed (a change note) or reviewed (confirmed) after the date. */
  changed: T[];
  superseded: S[];
}

/** What the first page of a `--since` handbook lists. Order is the handbook's order. */
export function changeList<T extends FilterItem, S extends SupersededItem>(
  published: readonly T[],
  superseded: readonly S[],
  filter: HandbookFilter & { since: string },
): ChangeList<T, S> {
  const { since, level } = filter;
  const inLevel = published.filter((i) => matchesLevel(i, level));
  return {
    added: inLevel.filter((i) => i.answered > since),
    changed: inLevel.filter((i) => i.answered <= since && (i.reviewed > since || notesSince(i, since).length > 0)),
    superseded: superseded.filter((i) => matchesLevel(i, level) && supersededSince(i, since)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Page numbers (two passes)

/**
 * Named destinations and their pages from `pdfinfo -dests`. Chromium writes one named destination for
 * every element that a link of the document targets, so each table-of-contents anchor is there.
 * Lines look like: `  13 [ XYZ    6  313 null      ] "q-some-id"`.
 */
export function parseDests(output: string): Map<string, number> {
  const pages = new Map<string, number>();
  for (const line of output.split('\n')) {
    const m = /^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"\s*$/.exec(line);
    if (m && !pages.has(m[2])) pages.set(m[2], Number(m[1]));
  }
  return pages;
}

/** Width, in digits, of the page-number column of the table of contents (at least 3). */
export const pageDigits = (totalPages: number) => Math.max(3, String(Math.max(1, Math.floor(totalPages))).length);

/**
 * Page-number width to start the first pass with, from the number of entries: an entry rarely takes
 * more than three pages, so this is seldom too narrow (which costs a pass) and a wider column costs
 * nothing but a few millimetres.
 */
export const initialPageDigits = (entries: number) => pageDigits(entries * 3 + 20);

/** Placeholder of the first pass: as many digits as the column holds, so the layout does not move. */
export const pagePlaceholder = (digits: number) => '0'.repeat(digits);

/** Pages of the targets, and the targets that have no destination in the PDF. */
export function pagesOf(targets: readonly string[], dests: Map<string, number>): { pages: Map<string, number>; missing: string[] } {
  const pages = new Map<string, number>();
  const missing: string[] = [];
  for (const t of targets) {
    const p = dests.get(t);
    if (p === undefined) missing.push(t);
    else pages.set(t, p);
  }
  return { pages, missing };
}

/** True when every target is on the page the table of contents says. */
export function tocMatches(written: Map<string, number>, actual: Map<string, number>): boolean {
  for (const [t, p] of written) if (actual.get(t) !== p) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Command line

export interface HandbookOptions {
  /** A field id, or `all`. */
  field: string;
  level?: Level;
  since?: string;
  /** Output file (relative paths are resolved by the caller). */
  out: string;
  dist?: string;
}

/** `handbook-<field>[-<level>][-since-<date>].pdf` */
export function defaultOutName(field: string, level?: string, since?: string): string {
  return `handbook-${field}${level ? `-${level}` : ''}${since ? `-since-${since}` : ''}.pdf`;
}

export const HANDBOOK_USAGE =
  'usage: npm run handbook -- <field-id>|all [--level commune|province|ministry] [--since YYYY-MM-DD] [--out file.pdf] [--dist dir]';

/** Validates the command line; `today` (YYYY-MM-DD) bounds --since. */
export function parseHandbookOptions(
  positionals: readonly string[],
  values: { level?: string; since?: string; out?: string; dist?: string },
  today: string,
): { ok: true; options: HandbookOptions } | { ok: false; error: string } {
  if (positionals.length !== 1) return { ok: false, error: positionals.length ? 'give exactly one field id, or "all"' : 'missing the field id (or "all")' };
  const field = positionals[0];
  if (field !== ALL_FIELDS && !SLUG_PATTERN.test(field)) return { ok: false, error: `"${field}" is not a field id (lowercase slug) or "all"` };
  const level = values.level;
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
    return { ok: false, error: `--level must be one of ${LEVELS.join(', ')} (got "${level}")` };
  }
  const since = values.since;
  if (since !== undefined) {
    if (!isRealIsoDate(since)) return { ok: false, error: `--since must be a real date written YYYY-MM-DD (got "${since}")` };
    if (since > today) return { ok: false, error: `--since ${since} is after today (${today})` };
  }
  if (values.out !== undefined && !values.out.trim()) return { ok: false, error: '--out needs a file name' };
  return {
    ok: true,
    options: {
      field,
      level: level as Level | undefined,
      since,
      out: values.out ?? defaultOutName(field, level, since),
      dist: values.dist,
    },
  };
}

/** Above this many published entries the whole handbook (/so-tay/) is not built as one page. */
export const DEFAULT_HANDBOOK_MAX_ENTRIES = 5000;

/**
 * `HOIDAP_HANDBOOK_MAX`: the most entries the whole handbook prints as one page. Its HTML grows by about
 * 9 KB an entry and Chromium prints about ten pages a second, so a corpus of tens of thousands of
 * entries is printed field by field instead.
 */
export function handbookMaxEntries(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HOIDAP_HANDBOOK_MAX?.trim();
  if (!raw) return DEFAULT_HANDBOOK_MAX_ENTRIES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HOIDAP_HANDBOOK_MAX must be a positive whole number, got "${raw}"`);
  return n;
}

/** Above this many published entries the field handbook pages are built on demand only. */
export const DEFAULT_HANDBOOK_PAGES_MAX = 5000;

/**
 * Whether this build writes the field handbook pages (/so-tay/<field>/). Each renders every entry of
 * its field a second time with a QR code: at 10,000 entries a third of the static generation, for
 * pages of several MB that are printed, not read on a phone (BENCHMARKS.md, Scale). So above
 * `HOIDAP_HANDBOOK_PAGES_MAX` published entries (default 5,000) the site's build leaves them out and
 * `npm run handbook` builds them for the copy it prints; `HOIDAP_HANDBOOK_PAGES=always` publishes them
 * whatever the size, `HOIDAP_HANDBOOK_PAGES=auto` (the default) applies the threshold.
 */
export function fieldHandbooksBuilt(published: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = env.HOIDAP_HANDBOOK_PAGES?.trim() || 'auto';
  if (mode === 'always') return true;
  if (mode !== 'auto') throw new Error(`HOIDAP_HANDBOOK_PAGES must be "auto" or "always", got "${mode}"`);
  const raw = env.HOIDAP_HANDBOOK_PAGES_MAX?.trim();
  const max = raw ? Number(raw) : DEFAULT_HANDBOOK_PAGES_MAX;
  if (!Number.isInteger(max) || max < 0) throw new Error(`HOIDAP_HANDBOOK_PAGES_MAX must be a whole number, got "${raw}"`);
  return published <= max;
}

/** The content version printed on the cover: build date and, when known, the short commit hash. */
export function contentVersion(buildDateIso: string, commit?: string): string {
  return commit ? `${formatDateVi(buildDateIso)} · ${commit}` : formatDateVi(buildDateIso);
}
