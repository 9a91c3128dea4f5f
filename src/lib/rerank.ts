// Re-ranks the first page of Pagefind results with what Pagefind cannot see: whether the query's
// words (folded) appear in the question and aliases, next to each other, or with the exact accents.
import { fold, foldedWords } from './fold.ts';

export interface RankableDoc {
  /** Pagefind's score, any scale. */
  score: number;
  title: string;
  aliases: string;
  summary: string;
}

const WEIGHTS = { base: 1, title: 2, summary: 0.75, phrase: 1, exact: 0.5 };

const exactWords = (text: string) => text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** True when a folded query word matches a folded text word (the last query word may be a prefix: still typing). */
function wordMatches(q: string, w: string, isLast: boolean): boolean {
  return q === w || (isLast && q.length >= 2 && w.startsWith(q));
}

function coverage(qs: string[], words: string[]): number {
  if (qs.length === 0) return 0;
  return qs.filter((q, i) => words.some((w) => wordMatches(q, w, i === qs.length - 1))).length / qs.length;
}

function phraseRatio(qs: string[], words: string[]): number {
  if (qs.length < 2) return 0;
  let pairs = 0;
  for (let i = 0; i + 1 < qs.length; i++) {
    for (let j = 0; j + 1 < words.length; j++) {
      if (words[j] === qs[i] && wordMatches(qs[i + 1], words[j + 1], i + 1 === qs.length - 1)) {
        pairs++;
        break;
      }
    }
  }
  return pairs / (qs.length - 1);
}

/** A relevance score for one document; higher is better. */
export function relevance(query: string[], doc: RankableDoc, maxScore: number): number {
  const qs = query.map(fold);
  const head = foldedWords(`${doc.title} ${doc.aliases}`);
  const summary = foldedWords(doc.summary);
  const typedAccents = query.some((w) => fold(w) !== w.normalize('NFC').toLowerCase());
  let exact = 0;
  if (typedAccents) {
    const words = new Set(exactWords(`${doc.title} ${doc.aliases} ${doc.summary}`));
    exact = query.filter((w) => words.has(w.normalize('NFC').toLowerCase())).length / query.length;
  }
  return (
    WEIGHTS.base * (maxScore > 0 ? doc.score / maxScore : 0) +
    WEIGHTS.title * coverage(qs, head) +
    WEIGHTS.summary * coverage(qs, summary) +
    WEIGHTS.phrase * phraseRatio(qs, head) +
    WEIGHTS.exact * exact
  );
}

/** Sorts documents by relevance (stable for ties: Pagefind's order). */
export function rerank<T extends RankableDoc>(query: string[], docs: T[]): T[] {
  const max = Math.max(0, ...docs.map((d) => d.score));
  return docs
    .map((doc, i) => ({ doc, i, r: relevance(query, doc, max) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((x) => x.doc);
}
