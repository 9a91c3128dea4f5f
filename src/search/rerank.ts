// Re-ranks the first page of Pagefind results with what Pagefind cannot see: whether the query's
// words (folded) appear in the question and aliases, next to each other, or with the exact accents,
// each word counted by its weight (src/search/weights.ts), so the words that carry the question
// decide and filler does not.
import { fold, foldedWords } from './fold.ts';
import { WEIGHT_FLOOR } from './weights.ts';

export interface RankableDoc {
  /** How well the body matched (Pagefind's score or the weighted share of words found), any scale. */
  score: number;
  title: string;
  aliases: string;
  summary: string;
}

/** A query word and its weight; plain strings weigh 1. */
export interface WeightedWord {
  text: string;
  weight: number;
}

/** Options: the weight of adjacent query words as a known term ("hành lang"); without it every pair counts 1. */
export interface RerankOptions {
  pairWeight?: (foldedPair: string) => number;
  /** Scale the question/summary signals by the document's score (a share of the query it holds). */
  scaleByBase?: boolean;
}

const WEIGHTS = { base: 1.5, title: 2, summary: 0.75, phrase: 1, exact: 0.5 };

const exactWords = (text: string) => text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** True when a folded query word matches a folded text word (the last query word may be a prefix: still typing). */
function wordMatches(q: string, w: string, isLast: boolean): boolean {
  return q === w || (isLast && q.length >= 2 && w.startsWith(q));
}

interface Q {
  folded: string;
  text: string;
  weight: number;
}

function coverage(qs: Q[], words: string[]): number {
  const total = qs.reduce((s, q) => s + q.weight, 0);
  if (total === 0) return 0;
  const found = qs.filter((q, i) => words.some((w) => wordMatches(q.folded, w, i === qs.length - 1))).reduce((s, q) => s + q.weight, 0);
  return found / total;
}

function phraseRatio(qs: Q[], words: string[], pairWeight: (pair: string) => number): number {
  let total = 0;
  let found = 0;
  for (let i = 0; i + 1 < qs.length; i++) {
    const weight = pairWeight(`${qs[i].folded} ${qs[i + 1].folded}`);
    if (weight <= 0) continue;
    total += weight;
    for (let j = 0; j + 1 < words.length; j++) {
      if (words[j] === qs[i].folded && wordMatches(qs[i + 1].folded, words[j + 1], i + 1 === qs.length - 1)) {
        found += weight;
        break;
      }
    }
  }
  return total > 0 ? found / total : 0;
}

const toQ = (w: string | WeightedWord): Q =>
  typeof w === 'string' ? { text: w, folded: fold(w), weight: 1 } : { text: w.text, folded: fold(w.text), weight: Math.max(WEIGHT_FLOOR, w.weight) };

/** A relevance score for one document; higher is better. */
export function relevance(query: (string | WeightedWord)[], doc: RankableDoc, maxScore: number, options: RerankOptions = {}): number {
  const qs = query.map(toQ);
  const head = foldedWords(`${doc.title} ${doc.aliases}`);
  const summary = foldedWords(doc.summary);
  const typedAccents = qs.some((q) => q.folded !== q.text.normalize('NFC').toLowerCase());
  let exact = 0;
  if (typedAccents) {
    const words = new Set(exactWords(`${doc.title} ${doc.aliases} ${doc.summary}`));
    const total = qs.reduce((s, q) => s + q.weight, 0);
    exact = qs.filter((q) => words.has(q.text.normalize('NFC').toLowerCase())).reduce((s, q) => s + q.weight, 0) / total;
  }
  const base = maxScore > 0 ? doc.score / maxScore : 0;
  const shown =
    WEIGHTS.title * coverage(qs, head) +
    WEIGHTS.summary * coverage(qs, summary) +
    WEIGHTS.phrase * phraseRatio(qs, head, options.pairWeight ?? (() => 1)) +
    WEIGHTS.exact * exact;
  // What the question and summary show counts in proportion to how much of the query the page holds
  // at all: a title sharing two common words cannot lift a page that misses the rest.
  return WEIGHTS.base * base + (options.scaleByBase ? base : 1) * shown;
}

/** Sorts documents by relevance (stable for ties: Pagefind's order). */
export function rerank<T extends RankableDoc>(query: (string | WeightedWord)[], docs: T[], options: RerankOptions = {}): T[] {
  const max = Math.max(0, ...docs.map((d) => d.score));
  return docs
    .map((doc, i) => ({ doc, i, r: relevance(query, doc, max, options) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((x) => x.doc);
}
