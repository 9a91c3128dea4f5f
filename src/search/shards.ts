// The search index in shards (docs/scale.md): Pagefind holds the whole text of every page it indexes
// in memory, about 200 KB per entry page (9.8 GB at 50,000 entries), so a large bank is indexed in
// several runs, one after another, each over a group of whole fields. The search page merges the
// shards with Pagefind's `mergeIndex`, or loads only the shards of the field a filter names.
// Shared by the build (which runs Pagefind once per shard) and the browser (which loads them): no node:.

/** One Pagefind bundle: its folder under the site base and the fields whose entries it holds. */
export interface SearchShard {
  dir: string;
  fields: string[];
}

/** A shard with the ids of the entries it indexes (build side only). */
export interface PlannedShard extends SearchShard {
  ids: string[];
}

/** The first shard is where a bank of any size has its index: what partners and the service worker know. */
export const MAIN_SHARD_DIR = 'pagefind/';
/** The folder name of a further shard inside `pagefind/`, as `planShards` names them (`shard-1` …). */
export const SHARD_FOLDER = /^shard-\d+$/;
/** Published entries per shard, by default: Pagefind peaks at about 3 GB over 15,000 entry pages. */
export const DEFAULT_SHARD_ENTRIES = 15_000;

/**
 * Groups the published entries, field by field, into shards of at most `max` entries: one shard when
 * the bank fits (the index is then exactly what it was before shards), else whole fields packed largest
 * first, a field larger than `max` split over shards of its own. Deterministic for the same entries.
 */
export function planShards(groups: { field: string; ids: string[] }[], max: number): PlannedShard[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`shard size must be a positive whole number, got ${max}`);
  const nonEmpty = groups.filter((g) => g.ids.length > 0);
  const total = nonEmpty.reduce((n, g) => n + g.ids.length, 0);
  if (total <= max) {
    return [{ dir: MAIN_SHARD_DIR, fields: nonEmpty.map((g) => g.field), ids: nonEmpty.flatMap((g) => g.ids) }];
  }
  const pieces = nonEmpty
    .flatMap((g) => {
      const ids = [...g.ids].sort();
      const parts = Math.ceil(ids.length / max);
      const cut = (k: number) => Math.floor((k * ids.length) / parts);
      return Array.from({ length: parts }, (_, k) => ({ field: g.field, ids: ids.slice(cut(k), cut(k + 1)) }));
    })
    .sort((a, b) => b.ids.length - a.ids.length || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  const bins: { fields: string[]; ids: string[] }[] = [];
  for (const piece of pieces) {
    const bin = bins.find((b) => b.ids.length + piece.ids.length <= max && !b.fields.includes(piece.field));
    if (bin) {
      bin.fields.push(piece.field);
      bin.ids.push(...piece.ids);
    } else bins.push({ fields: [piece.field], ids: [...piece.ids] });
  }
  return bins.map((b, i) => ({ dir: i === 0 ? MAIN_SHARD_DIR : `${MAIN_SHARD_DIR}shard-${i}/`, fields: b.fields, ids: b.ids }));
}

/** The shards a search loads: those holding the filtered field, else all of them. */
export function shardsToLoad(shards: SearchShard[], field?: string): SearchShard[] {
  if (!field) return shards;
  const holding = shards.filter((s) => s.fields.includes(field));
  // A field no shard holds (a partner bank's field, for one) is searched everywhere: merged partner
  // indexes answer it, the local shards find nothing.
  return holding.length ? holding : shards;
}

/** The shard size set by `HOIDAP_SEARCH_SHARD_ENTRIES` (default 15,000 published entries). */
export function shardEntries(raw: string | undefined): number {
  const value = raw?.trim();
  if (!value) return DEFAULT_SHARD_ENTRIES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HOIDAP_SEARCH_SHARD_ENTRIES must be a positive whole number, got "${value}"`);
  return n;
}

/** The shards of a bank's published entries (drafts, superseded and withdrawn entries are not indexed). */
export function shardsOfEntries(entries: Iterable<{ id: string; data: { field: string; status: string } }>, max: number): PlannedShard[] {
  const byField = new Map<string, string[]>();
  for (const e of entries) {
    if (e.data.status !== 'published') continue;
    const ids = byField.get(e.data.field) ?? [];
    ids.push(e.id);
    byField.set(e.data.field, ids);
  }
  return planShards([...byField].map(([field, ids]) => ({ field, ids })), max);
}
