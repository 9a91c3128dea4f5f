// Query preparation for the search page: Unicode NFC (so NFD input matches), typo correction against
// the vocabulary. Accents typed by the officer are kept: Pagefind ranks exact-accent matches first.
import { fold } from './fold.ts';
import { correctWord } from './vocabulary.ts';

export interface PreparedQuery {
  /** The query to send to Pagefind. */
  text: string;
  /** Words that were corrected, to tell the reader. */
  corrections: { from: string; to: string }[];
}

export const queryWords = (q: string) => q.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** Words that need the vocabulary: unknown words are only known once it is loaded. */
export function needsVocabulary(q: string): boolean {
  return queryWords(q).some((w) => !/\d/.test(w));
}

export function prepareQuery(q: string, vocabulary?: { list: string[]; known: Set<string> }): PreparedQuery {
  const nfc = q.normalize('NFC').trim();
  if (!vocabulary) return { text: nfc, corrections: [] };
  const corrections: PreparedQuery['corrections'] = [];
  const words = queryWords(nfc).map((w) => {
    const folded = fold(w);
    const fixed = correctWord(folded, vocabulary.list, vocabulary.known);
    if (fixed === folded) return w;
    corrections.push({ from: w, to: fixed });
    return fixed;
  });
  return { text: corrections.length ? words.join(' ') : nfc, corrections };
}
