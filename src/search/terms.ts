// Extra words indexed with each entry so Pagefind finds what officers type:
// - folded forms of words with đ/Đ (Pagefind folds tone and vowel marks itself, but not đ → d);
// - every term of a synonym group whose other term appears in the entry (index-side expansion, so
//   "QLTT", "sổ đỏ" or "GCN QSDĐ" find the entries that spell the long form, and the reverse).
import type { SynonymGroups } from '../schema/index.ts';
import { foldedWords } from './fold.ts';
import { WordTokens, type WordToken } from './vocabulary.ts';

// Every entry page of a build asks for its terms: fold each distinct word once for all of them.
const tokens = new WordTokens();

/** Folded forms of the words that contain đ/Đ: "Đăng ký đất đai" → ["dang", "dat", "dai"]. */
export function dStrokeFolds(text: string): string[] {
  return dStrokeFoldsOf(tokens.words(text));
}

function dStrokeFoldsOf(words: WordToken[]): string[] {
  const out = new Set<string>();
  for (const t of words) if (t.dStroke) out.add(t.fold);
  return [...out];
}

/** A matcher for whole folded words/phrases inside folded text. */
function containsPhrase(foldedText: string, foldedPhrase: string): boolean {
  if (!foldedPhrase) return false;
  let from = 0;
  for (;;) {
    const at = foldedText.indexOf(foldedPhrase, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : foldedText[at - 1];
    const after = foldedText[at + foldedPhrase.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}

export interface PreparedSynonyms {
  groups: { terms: string[]; folded: string[] }[];
}

export function prepareSynonyms(groups: SynonymGroups): PreparedSynonyms {
  return { groups: groups.map((terms) => ({ terms, folded: terms.map((t) => foldedWords(t).join(' ')) })) };
}

/** Synonym terms to add for a text: all terms of each group with a member present in the text. */
export function synonymExpansions(text: string, synonyms: PreparedSynonyms): string[] {
  return expansionsOf(tokens.words(text), synonyms);
}

function expansionsOf(words: WordToken[], synonyms: PreparedSynonyms): string[] {
  const folded = words.flatMap((t) => t.folded).join(' ');
  const out: string[] = [];
  for (const group of synonyms.groups) {
    if (group.folded.some((f) => containsPhrase(folded, f))) out.push(...group.terms);
  }
  return out;
}

/** The hidden search terms of one entry, as one space-separated string. */
export function searchTerms(text: string, synonyms: PreparedSynonyms): string {
  // Every entry page asks: split its text into words once, for both kinds of terms.
  const words = tokens.words(text);
  const expansions = expansionsOf(words, synonyms);
  const terms = new Set<string>([...dStrokeFoldsOf(words), ...expansions, ...dStrokeFolds(expansions.join(' '))]);
  return [...terms].join(' ');
}
