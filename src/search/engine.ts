// One search, as the search page runs it, shared with the Node tests:
// 1. prepare the query against the vocabulary (NFC, Telex/VNI readings, corrections, unknown words
//    dropped, a weight for each word);
// 2. Pagefind with every word (it requires all of them) and the filters;
// 3. when that finds fewer than three pages, add pages matching the weightiest words (one search per
//    word), ranked by the weight of the words they hold, so filler in a chatty question cannot win;
// 4. re-rank the first page of results with the question, aliases and summary (src/search/rerank.ts);
// 5. decide whether the best result is an answer at all (src/search/weights.ts): when it is not,
//    the page says no answer matched and shows the results only as possibly related.
import { fold } from './fold.ts';
import { rerank } from './rerank.ts';
import { prepareQuery, queryWords, type PreparedQuery, type QueryWord } from './query.ts';
import { isConfident, MISSING_WEIGHT, termWeight, type Evidence } from './weights.ts';
import { formOf, type Vocabulary } from './vocabulary.ts';

export interface ResultData {
  url: string;
  meta: Record<string, string>;
  /** The indexed text of the page (Pagefind fragments carry it). */
  content?: string;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/** Results shown (and re-ranked) first: each costs a fragment download on a slow connection. */
export const FIRST_PAGE = 10;
const MIN_RESULTS = 3;
const MAX_FALLBACK_WORDS = 12;
/** Pages loaded and checked word by word when the words were searched one by one. */
const FALLBACK_PAGES = 20;
/** Words lighter than this are not searched one by one (they are still used to re-rank). */
const FALLBACK_MIN_WEIGHT = 0.1;

export interface SearchOutcome {
  /** The first page, re-ranked, with data loaded. */
  first: ResultData[];
  /** Further results in Pagefind's order; load their data on demand. */
  rest: PagefindResult[];
  total: number;
  corrections: PreparedQuery['corrections'];
  dropped: string[];
  /** Words to highlight. */
  words: string[];
  /** False when the best result is no believable answer: show results as "possibly related" only. */
  confident: boolean;
  /** Why: the query weight the best result holds and misses. */
  evidence?: Evidence;
  /** True when the every-word search was not enough and the words were also searched one by one. */
  widened?: boolean;
}

interface Candidate {
  result: PagefindResult;
  /** Query word index → how well the page matched it (Pagefind's score for that word, scaled to 0.5..1). */
  matched: Map<number, number>;
}

/** Pages holding the weightiest words: one search per word. */
async function anyWordSearch(pagefind: Pagefind, prepared: PreparedQuery, filters: Record<string, string>, into: Map<string, Candidate>): Promise<number[]> {
  const byWeight = prepared.terms
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.folded.length >= 2)
    .sort((a, b) => b.t.weight - a.t.weight);
  let picked = byWeight.filter(({ t }) => t.weight >= FALLBACK_MIN_WEIGHT);
  if (picked.length === 0) picked = byWeight.slice(0, 3);
  picked = picked.slice(0, MAX_FALLBACK_WORDS);
  // One search per word, in parallel (Pagefind queues them itself). Quoted, Pagefind matches the whole
  // word only ("trọ" would otherwise find "trong"); words kept as a beginning stay unquoted.
  const answers = await Promise.all(picked.map(({ t }) => pagefind.search(t.prefix ? t.text : `"${t.text}"`, { filters })));
  picked.forEach(({ i }, k) => {
    const max = Math.max(0, ...answers[k].results.map((r) => r.score)) || 1;
    for (const result of answers[k].results) {
      const c = into.get(result.id) ?? { result, matched: new Map<number, number>() };
      c.matched.set(i, 0.5 + 0.5 * (result.score / max));
      into.set(result.id, c);
    }
  });
  return picked.map(({ i }) => i);
}

interface PageWords {
  folded: Set<string>;
  forms: Set<string>;
  /** Adjacent folded word pairs, "a b". */
  pairs: Set<string>;
  /**
   * The service worker's stand-in for a page it could not fetch (offline): its text is unknown, so the
   * page is taken to hold what Pagefind's index matched rather than judged on text it does not have.
   */
  unverified?: boolean;
}

// Pages are read word by word for every query that loads them: remember what was read (pages do not
// change while the search page is open), and the spelling of each distinct word.
const PAGE_CACHE = 500;
const pageCache = new Map<string, PageWords>();
const spellings = new Map<string, { form: string; folded: string }>();
function spelling(word: string): { form: string; folded: string } {
  let s = spellings.get(word);
  if (!s) {
    const form = formOf(word);
    s = { form, folded: fold(form) };
    if (spellings.size > 50_000) spellings.clear();
    spellings.set(word, s);
  }
  return s;
}

/** The words of a loaded page, folded and as spelt: question, aliases, hidden search terms and text. */
function pageWords(data: ResultData): PageWords {
  if (data.meta.unsaved === '1') return { folded: new Set(), forms: new Set(), pairs: new Set(), unverified: true };
  // The first stage's data has no body (src/search/first-stage-search.ts): never read for the full text's.
  const key = data.content === undefined ? `${data.url}#head` : data.url;
  const cached = pageCache.get(key);
  if (cached) return cached;
  const pairs = new Set<string>();
  const forms = new Set<string>();
  const folded = new Set<string>();
  for (const part of [data.meta.title, data.meta.aliases, data.meta.terms, data.meta.summary, data.content]) {
    if (!part) continue;
    for (const piece of part.split(/[\n.,;:!?()"“”]+/)) {
      let previous = '';
      for (const word of piece.split(/[^\p{L}\p{M}\p{N}]+/u)) {
        if (!word) continue;
        const s = spelling(word);
        forms.add(s.form);
        folded.add(s.folded);
        if (previous) pairs.add(`${previous} ${s.folded}`);
        previous = s.folded;
      }
    }
  }
  const page = { forms, folded, pairs };
  if (pageCache.size >= PAGE_CACHE) pageCache.delete(pageCache.keys().next().value!);
  pageCache.set(key, page);
  return page;
}

/** Whether a page holds a query word: as spelt for exact accented words, else by its letters. */
function holds(page: PageWords, t: QueryWord, accented: boolean): boolean {
  if (accented && t.exact ? page.forms.has(formOf(t.text)) : page.folded.has(t.folded)) return true;
  // A word kept as a beginning: unfinished ("giay phe") or cut short ("duon").
  return t.prefix === true && [...page.folded].some((w) => w.startsWith(t.folded));
}

export async function runSearch(
  pagefind: Pagefind,
  loadVocabulary: () => Promise<Vocabulary | undefined>,
  q: string,
  filters: Record<string, string> = {},
): Promise<SearchOutcome> {
  const typed = queryWords(q);
  const vocabulary = typed.length ? await loadVocabulary() : undefined;
  const prepared = prepareQuery(q, vocabulary);
  const none: SearchOutcome = { first: [], rest: [], total: 0, corrections: prepared.corrections, dropped: prepared.dropped, words: [], confident: false };
  if (typed.length > 0 && prepared.words.length === 0) return none;

  const words = prepared.words;
  const terms = prepared.terms;
  const all = [...words.keys()];
  const candidates = new Map<string, Candidate>();
  const andResults = (await pagefind.search(words.length ? words.join(' ') : null, { filters })).results;
  for (const result of andResults) candidates.set(result.id, { result, matched: new Map(all.map((i) => [i, 1])) });
  let searched = all;
  let fallback = false;
  const widen = async () => {
    fallback = true;
    searched = await anyWordSearch(pagefind, prepared, filters, candidates);
  };
  if (words.length > 1 && andResults.length < MIN_RESULTS) await widen();

  // What each loaded page holds of the query, weighed: the exact spelling counts when typed with
  // accents, and words typed next to each other count again when the page has them next to each other.
  const pairs = terms.flatMap((t, i) => (i + 1 < terms.length && terms[i + 1].at === (t.at ?? -2) + 1 ? [{ i, weight: Math.min(t.weight, terms[i + 1].weight) }] : []));
  const totalWeight = terms.reduce((s, t) => s + t.weight, 0) + pairs.reduce((s, p) => s + p.weight, 0) || 1;
  const pairHeld = (page: PageWords, held: boolean[], i: number) =>
    held[i] && held[i + 1] && (page.unverified === true || page.pairs.has(`${terms[i].folded} ${terms[i + 1].folded}`));
  const loadedPages = new Map<string, { data: ResultData; page: PageWords; held: boolean[]; heldWeight: number }>();
  const rank = async () => {
    // Pagefind matched letters, not spellings: weigh its matches by the words' letters.
    const letters = (i: number) => terms[i].weight;
    const weightOf = (matched: Map<number, number>) => [...matched].reduce((s, [i, m]) => s + (searched.includes(i) ? letters(i) * m : 0), 0);
    const searchedWeight = searched.reduce((s, i) => s + letters(i), 0) || 1;
    const maxScore = Math.max(0, ...[...candidates.values()].map((c) => c.result.score)) || 1;
    const ranked = [...candidates.values()]
      .map((c) => ({ c, body: weightOf(c.matched) / searchedWeight, score: c.result.score / maxScore }))
      .sort((a, b) => b.body - a.body || b.score - a.score);
    // Pagefind ignores accents and matches "công" for "cổng": when words were searched one by one,
    // load more pages, so the exact check below sees the page that holds the words as typed.
    const loaded = fallback ? FALLBACK_PAGES : FIRST_PAGE;
    const head = ranked.slice(0, loaded);
    await Promise.all(
      head
        .filter((r) => !loadedPages.has(r.c.result.id))
        .map(async (r) => {
          const data = await r.c.result.data();
          const page = pageWords(data);
          const everyWord = all.every((i) => r.c.matched.has(i));
          const held = terms.map((t) => (page.unverified ? everyWord : holds(page, t, prepared.accented)));
          const heldWeight = terms.reduce((s, t, k) => s + (held[k] ? t.weight : 0), 0) + pairs.reduce((s, p) => s + (pairHeld(page, held, p.i) ? p.weight : 0), 0);
          loadedPages.set(r.c.result.id, { data, page, held, heldWeight });
        }),
    );
    return { ranked, loaded, head };
  };
  let { ranked, loaded, head } = await rank();
  // Pagefind's every-word search matches words by their beginning and without accents ("trọ" finds
  // "trong"): when no page it found holds every word, search the words one by one as well.
  if (!fallback && words.length > 1 && !head.some((r) => loadedPages.get(r.c.result.id)!.held.every(Boolean))) {
    await widen();
    ({ ranked, loaded, head } = await rank());
  }
  const docs = head.map((r) => {
    const p = loadedPages.get(r.c.result.id)!;
    return {
      data: p.data,
      page: p.page,
      held: p.held,
      score: p.heldWeight / totalWeight + 0.2 * r.score,
      title: p.data.meta.title ?? '',
      aliases: p.data.meta.aliases ?? '',
      summary: p.data.meta.summary ?? '',
    };
  });
  const pairWeight = vocabulary && vocabulary.terms.size > 0 ? (pair: string) => termWeight(pair, vocabulary) : undefined;
  const order = words.length ? rerank(terms, docs, { pairWeight, scaleByBase: true }) : docs;

  let confident = words.length === 0 || !vocabulary;
  let evidence: Evidence | undefined;
  const best = order[0];
  if (!confident && best) {
    let matched = 0;
    let unmatched = prepared.missing;
    terms.forEach((t, i) => {
      if (!t.exact) unmatched += Math.max(t.weight, MISSING_WEIGHT);
      else if (best.held[i]) matched += t.weight;
      else unmatched += t.weight;
    });
    // Words typed next to each other are a phrase: "xe máy" is not asked by a page holding "xe" and "máy" apart.
    for (const p of pairs) {
      if (terms[p.i].exact && terms[p.i + 1].exact && pairHeld(best.page, best.held, p.i)) matched += p.weight;
      else unmatched += p.weight;
    }
    const complete = prepared.missing === 0 && prepared.dropped.length === 0 && terms.every((t, i) => t.exact && best.held[i]);
    evidence = { matched, unmatched, complete };
    confident = isConfident(evidence);
  }
  const rest = ranked.slice(loaded).map((r) => r.c.result);
  return { ...none, first: order.map((d) => d.data), rest, total: candidates.size, words, confident, evidence, widened: fallback };
}
