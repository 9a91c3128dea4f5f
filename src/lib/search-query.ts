// Query preparation for the search page. Accents typed by the officer are kept (Pagefind ranks
// exact-accent matches first); the text is made NFC so NFD input matches. With the vocabulary of
// the published entries, each word is checked: known words stay, misspelt words are corrected,
// and words found nowhere are dropped, because Pagefind would otherwise shorten them to a prefix
// ("bitcoin" → "bi") and return noise.
import { fold } from './fold.ts';
import { correctWord, isPrefixOfKnown, type Vocabulary } from './vocabulary.ts';

export interface PreparedQuery {
  /** Words to search for, in order (typed form, or the correction). */
  words: string[];
  corrections: { from: string; to: string }[];
  /** Words that match nothing in the published entries. */
  dropped: string[];
}

export const queryWords = (q: string) => q.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

export function prepareQuery(q: string, vocabulary?: Vocabulary): PreparedQuery {
  const words = queryWords(q);
  if (!vocabulary) return { words, corrections: [], dropped: [] };
  const out: PreparedQuery = { words: [], corrections: [], dropped: [] };
  words.forEach((word, i) => {
    const folded = fold(word);
    const isLast = i === words.length - 1;
    if (/\d/.test(word) || vocabulary.known.has(folded)) {
      out.words.push(word);
      return;
    }
    // The last word may be unfinished: keep it while it starts a known word.
    if (isLast && folded.length >= 2 && isPrefixOfKnown(folded, vocabulary)) {
      out.words.push(word);
      return;
    }
    const corrected = correctWord(folded, vocabulary);
    if (corrected) {
      out.words.push(corrected);
      out.corrections.push({ from: word, to: corrected });
    } else if (folded.length >= 3 && isPrefixOfKnown(folded, vocabulary)) {
      out.words.push(word);
    } else {
      out.dropped.push(word);
    }
  });
  return out;
}
