// How much each query word says about which entry is meant, from how many published entries hold
// it (document frequency, computed at build time into the vocabulary). A word found in every entry
// ("xã", "có", "thế nào") weighs almost nothing; a word found in one entry ("trọ", "amoniac") weighs
// most. When the officer types accents, the spelling counts ("cỗ" is rare even though "có" is
// everywhere). Words never used in a question, alias or synonym weigh less: chat ("vậy", "ơi") lives
// in bodies if anywhere. Adjacent words forming a known term weigh as much as the term is specific.
// No stop list: "không", "được", "phải" keep the weight their spread gives them.
import { formOf, type Vocabulary } from './vocabulary.ts';

/** Weight of a query word the bank does not hold at all: it may be filler ("ạ", "ơi") or the subject. */
export const MISSING_WEIGHT = 0.6;
/** Weight of a kept word without statistics (a number, an unfinished last word). */
const UNRATED_WEIGHT = 0.5;
/** Below this many entries, spread says little: weights move towards 1 (all words count). */
const TRUSTED_DOCS = 20;
/** Smallest weight a word gets, so a query of common words still ranks by them. */
export const WEIGHT_FLOOR = 0.02;

/** Inverse document frequency scaled to 0..1, shrunk towards 1 for small banks. */
export function spreadWeight(df: number, docs: number): number {
  if (docs <= 0) return 1;
  const w = Math.log((docs + 2) / (df + 1)) / Math.log(docs + 2);
  const trust = Math.min(1, docs / TRUSTED_DOCS);
  return Math.max(WEIGHT_FLOOR, 1 - (1 - Math.max(0, w)) * trust);
}

/** Words never found in a question, alias or synonym count this much of their spread weight. */
const BODY_ONLY_FACTOR = 0.5;

/**
 * Weight of a kept query word: by the entries holding it as spelt when the query is typed with
 * accents (and the bank holds that spelling), else by its folded letters.
 */
export function wordWeight(word: string, folded: string, vocabulary: Vocabulary, accented: boolean): number {
  if (vocabulary.docs <= 0) return 1;
  const df = (accented ? vocabulary.forms.get(formOf(word)) : undefined) ?? vocabulary.df.get(folded);
  if (df === undefined) return UNRATED_WEIGHT;
  const w = spreadWeight(df, vocabulary.docs);
  return vocabulary.head.size > 0 && !vocabulary.head.has(folded) ? Math.max(WEIGHT_FLOOR, w * BODY_ONLY_FACTOR) : w;
}

/** Weight of a known two-word term ("hành lang"), or 0 when the pair is no term of the bank. */
export function termWeight(pair: string, vocabulary: Vocabulary): number {
  const df = vocabulary.terms.get(pair);
  return df === undefined ? 0 : spreadWeight(df, vocabulary.docs);
}

export interface Evidence {
  /** Weight of the query words the entry holds. */
  matched: number;
  /** Weight of the query words it does not hold, plus words the bank does not hold at all. */
  unmatched: number;
  /** Every word asked is in the entry (as spelt when typed with accents), nothing was dropped. */
  complete?: boolean;
}

/** Least weight an answer must match: one fairly specific word, or several common ones. */
export const MIN_EVIDENCE = 0.5;
/** Evidence that settles it whatever else was asked: many specific words of a long, chatty question. */
export const STRONG_EVIDENCE = 2;
/** How much more of the query an answer must hold than miss. */
export const MARGIN = 1.25;

/**
 * True when an entry is a believable answer: it holds clearly more of the query's weight than it
 * misses, and either at least MIN_EVIDENCE of it or every word asked (a query of common words such as
 * "điện" or "kiem tra cho" is a way to browse). One common word ("giá", "nay") beside words the bank lacks ("vàng", "hôm") is no answer;
 * a chatty question whose specific words all match is, however much chat surrounds them.
 */
export function isConfident(e: Evidence): boolean {
  if (e.matched >= STRONG_EVIDENCE) return true;
  return e.matched > 0 && e.matched >= MARGIN * e.unmatched && (e.matched >= MIN_EVIDENCE || e.complete === true);
}
