// Typo correction against the vocabulary of the published entries (folded words). The vocabulary is
// built at build time and fetched by the search page only when a query word is unknown.
import { foldedWords } from './fold.ts';

export const TYPO_MIN_LENGTH = 5;

/** Folded words of 2+ letters, sorted by frequency (most frequent first). Numbers are left out. */
export function buildVocabulary(texts: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const w of foldedWords(text)) {
      if (w.length >= 2 && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** True when a and b are within one edit: insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Index of the first word in `sorted` that is >= `word`. */
function lowerBound(sorted: string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Vocabulary {
  /** Words by frequency, most frequent first (corrections prefer frequent words). */
  list: string[];
  known: Set<string>;
  /** The same words in code-point order, for prefix look-ups. */
  sorted: string[];
}

export function makeVocabulary(list: string[]): Vocabulary {
  return { list, known: new Set(list), sorted: [...list].sort() };
}

/** True when some vocabulary word starts with `prefix`. */
export function isPrefixOfKnown(prefix: string, vocabulary: Vocabulary): boolean {
  const at = lowerBound(vocabulary.sorted, prefix);
  return at < vocabulary.sorted.length && vocabulary.sorted[at].startsWith(prefix);
}

/**
 * A correction for an unknown folded word, or undefined. Tries the i/y spelling variants first
 * ("quan li" → "ly", any length), then one edit (insertion, deletion, substitution, swap) for words of
 * five letters or more, preferring the most frequent vocabulary word.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
  const iy = word.endsWith('i') ? `${word.slice(0, -1)}y` : word.endsWith('y') ? `${word.slice(0, -1)}i` : undefined;
  if (iy && vocabulary.known.has(iy)) return iy;
  if (word.length < TYPO_MIN_LENGTH) return undefined;
  return vocabulary.list.find((v) => v.length >= TYPO_MIN_LENGTH - 1 && withinOneEdit(word, v));
}
