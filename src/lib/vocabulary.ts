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

export interface Correction {
  from: string;
  to: string;
}

/**
 * Corrects one folded query word against the vocabulary (most frequent first). Leaves it alone when
 * it is known, is the prefix of a known word (the officer is still typing), or is shorter than five
 * letters, except for the i/y spelling variants ("quan li" → "ly") which are tried at any length.
 */
export function correctWord(word: string, vocabulary: string[], known: Set<string>): string {
  if (known.has(word) || /\d/.test(word)) return word;
  const iy = word.endsWith('i') ? `${word.slice(0, -1)}y` : word.endsWith('y') ? `${word.slice(0, -1)}i` : undefined;
  if (iy && known.has(iy)) return iy;
  if (word.length < TYPO_MIN_LENGTH) return word;
  if (vocabulary.some((v) => v.startsWith(word))) return word;
  return vocabulary.find((v) => v.length >= TYPO_MIN_LENGTH - 1 && withinOneEdit(word, v)) ?? word;
}
