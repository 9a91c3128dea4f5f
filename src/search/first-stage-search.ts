// The first stage of the search page (docs/search.md, "Two stages"): the engine's `Pagefind` interface
// over the small first-stage index (src/search/first-stage-index.ts), so src/search/engine.ts runs
// unchanged over questions, aliases, summaries, tags and cited document numbers. The full text stays
// in Pagefind, loaded only when this stage cannot answer (acceptFirstStage) or the reader asks for it.
//
// Semantics follow Pagefind's where the engine relies on them: every word is required; a quoted word
// matches whole; an unquoted word the bank does not hold whole (an unfinished "ph") also matches the
// words it begins, the most frequent first (at most PREFIX_CAP, each a shard to fetch). A word the
// bank holds whole matches whole only: the engine credits a beginning only to words it keeps as one
// (src/search/query.ts), and each extra word would cost a file. `filters.field` is a range of
// document numbers; other filters are not supported here (the page sends those queries to Pagefind).
import { paths, withBase } from '../publish/urls.ts';
import type { Pagefind, PagefindResult, ResultData, SearchOutcome } from './engine.ts';
import { queryWords } from './query.ts';
import { foldedWords } from './fold.ts';
import { bucketFile, decodePostings, FIRST_STAGE_MANIFEST, FIRST_STAGE_VERSION, foldWord, PLACE, shardFile, shardOf, type BucketRow, type FirstStageManifest } from './first-stage-index.ts';
import { lowerBound, type Vocabulary } from './vocabulary.ts';

/** Words an unfinished word expands to (one shard each at most). */
export const PREFIX_CAP = 6;
/** How much a word found only as a beginning counts, against the word itself. */
const PREFIX_FACTOR = 0.5;
/** Where the word occurs: the question says most what the entry is about. */
const PLACE_WEIGHT: [number, number][] = [
  [PLACE.question, 3],
  [PLACE.aliases, 2.5],
  [PLACE.summary, 1.5],
  [PLACE.other, 1],
];

export class UnsupportedFilterError extends Error {}

export interface FirstStageOptions {
  /** Site base path, `/` or `/hoi-dap/`. */
  base: string;
  /** The page's vocabulary (already loaded for the query): prefix expansion. */
  vocabulary: () => Promise<Vocabulary | undefined>;
  fetch?: typeof fetch;
}

function placeWeight(mask: number): number {
  let best = 0;
  let places = 0;
  for (const [bit, w] of PLACE_WEIGHT) {
    if (mask & bit) {
      places++;
      best = Math.max(best, w);
    }
  }
  return best + 0.25 * Math.max(0, places - 1);
}

/** Splits a Pagefind-style term into words, each quoted (whole) or not. */
export function parseTerm(term: string): { folded: string; quoted: boolean }[] {
  const out: { folded: string; quoted: boolean }[] = [];
  term.split('"').forEach((part, i) => {
    const quoted = i % 2 === 1;
    for (const w of queryWords(part)) out.push({ folded: foldWord(w), quoted });
  });
  return out;
}

/** Vocabulary words beginning with `prefix` (not the prefix itself), most frequent first. */
export function expansions(prefix: string, vocabulary: Vocabulary | undefined, cap = PREFIX_CAP): string[] {
  if (!vocabulary || vocabulary.known.has(prefix)) return [];
  const sorted = vocabulary.sorted;
  const found: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) if (sorted[i] !== prefix) found.push(sorted[i]);
  return found.sort((a, b) => (vocabulary.df.get(b) ?? 0) - (vocabulary.df.get(a) ?? 0)).slice(0, cap);
}

export interface FirstStage extends Pagefind {
  /** Resolves to the manifest, or rejects when the index cannot be had (offline, not built). */
  manifest(): Promise<FirstStageManifest>;
}

export function firstStageSearch(options: FirstStageOptions): FirstStage {
  const get = options.fetch ?? ((input: string) => fetch(input));
  const json = async <T>(file: string): Promise<T> => {
    const response = await get(withBase(options.base, file));
    if (!response.ok) throw new Error(`first-stage index: ${file}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  let manifest: Promise<FirstStageManifest> | undefined;
  const loadManifest = () =>
    (manifest ??= json<FirstStageManifest>(FIRST_STAGE_MANIFEST).then((m) => {
      if (m.version !== FIRST_STAGE_VERSION) throw new Error(`first-stage index: version ${m.version}, expected ${FIRST_STAGE_VERSION}`);
      return m;
    })).catch((err: unknown) => {
      manifest = undefined; // try again next time (back online)
      throw err;
    });
  const shards = new Map<number, Promise<Record<string, string>>>();
  const buckets = new Map<number, Promise<BucketRow[]>>();
  const cached = <T>(map: Map<number, Promise<T>>, n: number, load: () => Promise<T>) => {
    let p = map.get(n);
    if (!p) {
      p = load();
      map.set(n, p);
      p.catch(() => map.delete(n));
    }
    return p;
  };
  const shard = (m: FirstStageManifest, n: number) => cached(shards, n, () => json<Record<string, string>>(shardFile(m, n)));
  const bucket = (m: FirstStageManifest, n: number) => cached(buckets, n, () => json<BucketRow[]>(bucketFile(m, n)));

  const dataOf = async (m: FirstStageManifest, doc: number): Promise<ResultData> => {
    const rows = await bucket(m, Math.floor(doc / m.bucketSize));
    const row = rows[doc % m.bucketSize];
    if (!row) throw new Error(`first-stage index: document ${doc} missing from its bucket`);
    const [id, title, aliases, terms, summary, field, owner, reviewed, overdue] = row;
    return { url: withBase(options.base, paths.entry(id)), meta: { id, title, aliases, terms, summary, field, owner, reviewed, overdue: String(overdue) } };
  };
  const result = (m: FirstStageManifest, doc: number, score: number): PagefindResult => ({ id: String(doc), score, data: () => dataOf(m, doc) });

  return {
    manifest: loadManifest,
    async options() {},
    async search(term, o = {}) {
      const m = await loadManifest();
      const filters = o.filters ?? {};
      for (const name of Object.keys(filters)) if (name !== 'field' && filters[name]) throw new UnsupportedFilterError(`first-stage index: no "${name}" filter`);
      const [from, to] = filters.field ? (m.fields[filters.field] ?? [0, 0]) : [0, m.docs];
      const words = term ? parseTerm(term) : [];
      if (words.length === 0) {
        // Browsing a field: every document of the range, in number order.
        return { results: Array.from({ length: to - from }, (_, i) => result(m, from + i, 1)) };
      }
      const vocabulary = words.some((w) => !w.quoted) ? await options.vocabulary() : undefined;
      const variants = words.map((w) => [w.folded, ...(w.quoted ? [] : expansions(w.folded, vocabulary))]);
      const needed = [...new Set(variants.flat().map((v) => shardOf(v, m.shards)))];
      const loaded = new Map(await Promise.all(needed.map(async (n) => [n, await shard(m, n)] as const)));
      // Per query word: document → best score of the word or a word it begins (BM25-like idf × place).
      let scores: Map<number, number> | undefined;
      for (const forms of variants) {
        const found = new Map<number, number>();
        forms.forEach((form, k) => {
          const encoded = loaded.get(shardOf(form, m.shards))![form];
          if (!encoded) return;
          const { docs, masks } = decodePostings(encoded);
          const idf = Math.log(1 + (m.docs - docs.length + 0.5) / (docs.length + 0.5));
          const factor = k === 0 ? 1 : PREFIX_FACTOR;
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i];
            if (doc < from || doc >= to) continue;
            if (scores && !scores.has(doc)) continue;
            const s = idf * placeWeight(masks[i]) * factor;
            if (s > (found.get(doc) ?? 0)) found.set(doc, s);
          }
        });
        if (scores) for (const [doc, s] of found) found.set(doc, s + scores.get(doc)!);
        scores = found;
        if (scores.size === 0) break;
      }
      const ranked = [...(scores ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return { results: ranked.map(([doc, score]) => result(m, doc, score)) };
    },
  };
}

/**
 * Whether the first stage's outcome may be shown without the full text: a confident answer whose best
 * result holds every word asked (as spelt, nothing dropped: `evidence.complete`), and holds each in its
 * question, aliases or their tags, cited document numbers and synonyms, not only in its summary. Anything
 * less (a word only a body may hold, a chatty question, a summary-only match) goes to the full text,
 * where the bodies can change the ranking. Measured on the sample queries (docs/search.md): with
 * `complete` alone, one query lost its expected answer from the top 3; with this rule none did.
 */
export function acceptFirstStage(outcome: SearchOutcome): boolean {
  if (!(outcome.confident && outcome.total > 0 && outcome.words.length > 0 && outcome.evidence?.complete === true)) return false;
  const best = outcome.first[0]?.meta;
  return best !== undefined && holdsEveryWord([best.title, best.aliases, best.terms], outcome.words);
}

/** Whether these texts hold every query word; the last may be unfinished ("giay phe"), as the engine counts it. */
function holdsEveryWord(texts: (string | undefined)[], words: string[]): boolean {
  const held = new Set(foldedWords(texts.join(' ')));
  const last = words.length - 1;
  return words.every((w, i) => {
    const folded = foldWord(w);
    return held.has(folded) || (i === last && [...held].some((h) => h.startsWith(folded)));
  });
}

/**
 * An accepted first-stage outcome, kept to the answers that hold every query word. When no entry's
 * question holds them all, the engine widens to entries holding some (one search per word): in the
 * full text the bodies then decide, but the first stage only sees questions, aliases and summaries,
 * and would list every entry sharing one common word ("an toàn", "điện") after the answer. Those are
 * left to the full-text button.
 */
export function completeAnswersOnly(outcome: SearchOutcome): SearchOutcome {
  if (!outcome.widened) return outcome;
  const first = outcome.first.filter((d) => holdsEveryWord([d.meta.title, d.meta.aliases, d.meta.terms, d.meta.summary], outcome.words));
  return { ...outcome, first, rest: [], total: first.length };
}
