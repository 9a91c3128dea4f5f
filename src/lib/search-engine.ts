// One search, as the search page runs it, shared with the Node tests:
// 1. prepare the query against the vocabulary (NFC, corrections, unknown words dropped);
// 2. Pagefind with every word (it requires all of them) and the filters;
// 3. when that finds fewer than three pages, add pages matching most of the words (any-word search);
// 4. re-rank the first page of results with the question, aliases and summary (src/lib/rerank.ts).
import { rerank } from './rerank.ts';
import { prepareQuery, queryWords, type PreparedQuery } from './search-query.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface ResultData {
  url: string;
  meta: Record<string, string>;
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
const MAX_FALLBACK_WORDS = 8;

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
}

/** Pages matching most of the words: one search per word, pages ranked by words matched, then score. */
async function anyWordSearch(pagefind: Pagefind, words: string[], filters: Record<string, string>): Promise<PagefindResult[]> {
  const hits = new Map<string, { result: PagefindResult; count: number; score: number }>();
  for (const word of words.filter((w) => w.length >= 2).slice(0, MAX_FALLBACK_WORDS)) {
    for (const result of (await pagefind.search(word, { filters })).results) {
      const hit = hits.get(result.id) ?? { result, count: 0, score: 0 };
      hit.count += 1;
      hit.score += result.score;
      hits.set(result.id, hit);
    }
  }
  return [...hits.values()].sort((a, b) => b.count - a.count || b.score - a.score).map((h) => h.result);
}

export async function runSearch(
  pagefind: Pagefind,
  loadVocabulary: () => Promise<Vocabulary | undefined>,
  q: string,
  filters: Record<string, string> = {},
): Promise<SearchOutcome> {
  const typed = queryWords(q);
  const prepared = prepareQuery(q, typed.length ? await loadVocabulary() : undefined);
  const none: SearchOutcome = { first: [], rest: [], total: 0, corrections: prepared.corrections, dropped: prepared.dropped, words: [] };
  if (typed.length > 0 && prepared.words.length === 0) return none;

  const words = prepared.words;
  let results = (await pagefind.search(words.length ? words.join(' ') : null, { filters })).results;
  if (words.length > 1 && results.length < MIN_RESULTS) {
    const seen = new Set(results.map((r) => r.id));
    results = [...results, ...(await anyWordSearch(pagefind, words, filters)).filter((r) => !seen.has(r.id))];
  }
  const head = results.slice(0, FIRST_PAGE);
  const data = await Promise.all(head.map((r) => r.data()));
  const docs = head.map((r, i) => ({
    data: data[i],
    score: r.score,
    title: data[i].meta.title ?? '',
    aliases: data[i].meta.aliases ?? '',
    summary: data[i].meta.summary ?? '',
  }));
  const first = (words.length ? rerank(words, docs) : docs).map((d) => d.data);
  return { ...none, first, rest: results.slice(FIRST_PAGE), total: results.length, words };
}
