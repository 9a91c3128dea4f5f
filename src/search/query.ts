// Query preparation for the search page. Accents typed by the officer are kept (Pagefind ranks
// exact-accent matches first); the text is made NFC so NFD input matches. With the vocabulary of
// the published entries, each word is checked: known words stay; words typed with the Vietnamese
// keyboard off are read as Telex or VNI when that reading is a word of the bank ("nhaanj" → "nhận",
// "d9ie65n" → "điện"); misspelt words are corrected; words found nowhere are dropped, because
// Pagefind would otherwise shorten them to a prefix ("bitcoin" → "bi") and return noise. Each word
// also gets a weight: what it says about which entry is meant (src/search/weights.ts).
import { fold } from './fold.ts';
import { typedReadings } from './telex.ts';
import { MISSING_WEIGHT, termWeight, wordWeight } from './weights.ts';
import { correctWord, isKnownForm, isPrefixOfKnown, withinOneEdit, type Vocabulary } from './vocabulary.ts';

export interface QueryWord {
  /** The word searched for (typed form, reading or correction). */
  text: string;
  folded: string;
  /** 0..1: how much finding this word says about the answer. */
  weight: number;
  /** The same by its letters alone: what a match from Pagefind (which ignores accents) says. */
  letterWeight?: number;
  /** Position of the typed word it comes from (adjacent typed words form phrases). */
  at?: number;
  /** Kept as the start of known words (unfinished or cut short): matches words it begins. */
  prefix?: boolean;
  /** False when the query is typed with accents and the bank holds the letters but not this spelling ("đô" where only "đồ" exists). */
  exact: boolean;
}

export interface PreparedQuery {
  /** Words to search for, in order (typed form, or the reading or correction). */
  words: string[];
  /** The same words with their weights. */
  terms: QueryWord[];
  corrections: { from: string; to: string }[];
  /** Words that match nothing in the published entries. */
  dropped: string[];
  /** Weight of what the officer asked that the bank does not hold (dropped words). */
  missing: number;
  /** Typed with accents (or read from Telex/VNI): the spelling of each word counts. */
  accented: boolean;
}

export const queryWords = (q: string) => q.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** A dropped word this close to a known word is more likely a slip of the finger than a new subject. */
const SLIP_WEIGHT = 0.2;

export function prepareQuery(q: string, vocabulary?: Vocabulary): PreparedQuery {
  const words = queryWords(q);
  if (!vocabulary) {
    return { words, terms: words.map((w) => ({ text: w, folded: fold(w), weight: 1, exact: true })), corrections: [], dropped: [], missing: 0, accented: false };
  }
  const out: PreparedQuery = { words: [], terms: [], corrections: [], dropped: [], missing: 0, accented: false };
  const kept: { text: string; spelt: boolean; at: number; prefix?: boolean }[] = [];
  let at = 0;
  const keep = (text: string, spelt = false, prefix = false) => {
    out.words.push(text);
    kept.push({ text, spelt, at, prefix });
  };
  words.forEach((word, i) => {
    at = i;
    const folded = fold(word);
    const isLast = i === words.length - 1;
    if (vocabulary.known.has(folded)) {
      keep(word);
      return;
    }
    // Typed with the keyboard off: the Telex or VNI reading, when it is a word of the bank as spelt.
    const reading = typedReadings(word).find((r) => isKnownForm(r, vocabulary));
    if (reading) {
      keep(reading, true);
      out.corrections.push({ from: word, to: reading });
      return;
    }
    if (/\d/.test(word)) {
      keep(word, true);
      return;
    }
    // The last word may be unfinished: keep it while it starts a known word.
    if (isLast && folded.length >= 2 && isPrefixOfKnown(folded, vocabulary)) {
      keep(word, true, true);
      return;
    }
    const corrected = correctWord(folded, vocabulary);
    if (corrected) {
      keep(corrected, true);
      out.corrections.push({ from: word, to: corrected });
    } else if (folded.length >= 3 && isPrefixOfKnown(folded, vocabulary)) {
      keep(word, true, true);
    } else {
      out.dropped.push(word);
      // One letter ("ạ", "a") says nothing either way.
      if (folded.length >= 4 && vocabulary.list.some((v) => withinOneEdit(folded, v))) out.missing += SLIP_WEIGHT;
      else if (folded.length >= 2) out.missing += MISSING_WEIGHT;
    }
  });
  // Typed with accents (or read from Telex/VNI): spelling counts, "mai" means "mai", not "mái". Only
  // tone and vowel marks tell: "TMĐT" or "QSDĐ" in an unaccented query do not.
  const marked = (w: string) => /[\u0300-\u036f]/.test(w.normalize('NFD'));
  const accented = (out.accented = words.some(marked) || out.corrections.some((c) => marked(c.to)));
  out.terms = kept.map(({ text, spelt, prefix, at }) => {
    const folded = fold(text);
    const exact = spelt || !accented || isKnownForm(text, vocabulary);
    return { text, folded, exact, prefix, at, weight: wordWeight(text, folded, vocabulary, accented && exact), letterWeight: wordWeight(text, folded, vocabulary, false) };
  });
  // Adjacent words forming a known term ("hành lang", "giấy phép") weigh as much as the term is specific.
  for (let i = 0; i + 1 < out.terms.length; i++) {
    if (kept[i + 1].at !== kept[i].at + 1) continue; // a dropped word between them
    const tw = termWeight(`${out.terms[i].folded} ${out.terms[i + 1].folded}`, vocabulary);
    if (tw > 0) {
      out.terms[i].weight = Math.max(out.terms[i].weight, tw);
      out.terms[i + 1].weight = Math.max(out.terms[i + 1].weight, tw);
    }
  }
  return out;
}
