// The search in two stages (docs/search.md, "Two stages"), shared by the search page and the Node
// relevance harness: the small first-stage index first, Pagefind's full text only when the first stage
// cannot answer with confidence, cannot load, or the query needs what only the full text has.
import { runSearch, type Pagefind, type SearchOutcome } from './engine.ts';
import { acceptFirstStage, completeAnswersOnly } from './first-stage-search.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Filters the first stage can apply (document ranges); any other sends the query to the full text. */
const FIRST_STAGE_FILTERS = new Set(['field']);

export interface StagedOutcome {
  outcome: SearchOutcome;
  /** Which stage the outcome comes from. */
  stage: 'first' | 'full';
  /** Why the first stage was not used (for tests and diagnostics). */
  reason?: 'unavailable' | 'asked' | 'filter' | 'no-words' | 'failed' | 'not-confident';
}

export interface StagedSearch {
  /** The first stage, or undefined where there is none (a partner bank federated: they are only in Pagefind). */
  first?: Pagefind;
  /** Pagefind, loaded on first use. */
  fullText: () => Promise<Pagefind>;
  loadVocabulary: () => Promise<Vocabulary | undefined>;
  /** The reader asked for the full text. */
  fullTextOnly?: boolean;
  /** Called when the first stage failed to load or search (offline, files missing). */
  onFirstStageError?: (err: unknown) => void;
}

export async function searchInStages(s: StagedSearch, q: string, filters: Record<string, string>): Promise<StagedOutcome> {
  const full = async (reason: StagedOutcome['reason']): Promise<StagedOutcome> => ({
    outcome: await runSearch(await s.fullText(), s.loadVocabulary, q, filters),
    stage: 'full',
    reason,
  });
  if (!s.first) return full('unavailable');
  if (s.fullTextOnly) return full('asked');
  if (Object.keys(filters).some((f) => !FIRST_STAGE_FILTERS.has(f))) return full('filter');
  // Browsing a field without words is Pagefind's listing, kept as it was.
  if (!q.trim()) return full('no-words');
  let outcome: SearchOutcome;
  try {
    outcome = await runSearch(s.first, s.loadVocabulary, q, filters);
  } catch (err) {
    s.onFirstStageError?.(err);
    return full('failed');
  }
  return acceptFirstStage(outcome) ? { outcome: completeAnswersOnly(outcome), stage: 'first' } : full('not-confident');
}
