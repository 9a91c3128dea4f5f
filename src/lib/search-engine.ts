// One search, as the search page runs it: prepare the query (NFC, typo correction with the
// vocabulary when needed), then ask Pagefind with the filters. Shared by the page and the Node tests.
import { needsVocabulary, prepareQuery, queryWords, type PreparedQuery } from './search-query.ts';

export interface PagefindResult {
  id: string;
  score?: number;
  data(): Promise<{ url: string; meta: Record<string, string> }>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
export interface Vocabulary {
  list: string[];
  known: Set<string>;
}

export interface SearchOutcome {
  results: PagefindResult[];
  corrections: PreparedQuery['corrections'];
  /** Words to highlight in results. */
  words: string[];
}

export async function runSearch(
  pagefind: Pagefind,
  loadVocabulary: () => Promise<Vocabulary | undefined>,
  q: string,
  filters: Record<string, string> = {},
): Promise<SearchOutcome> {
  const vocabulary = needsVocabulary(q) ? await loadVocabulary() : undefined;
  const query = prepareQuery(q, vocabulary);
  const found = await pagefind.search(query.text || null, { filters });
  return { results: found.results, corrections: query.corrections, words: queryWords(query.text) };
}
