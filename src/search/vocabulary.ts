// The vocabulary of the published entries, built at build time (src/integrations/search-index.ts)
// and fetched by the search page with the first query: folded words by frequency (typo correction),
// how many entries hold each word (document frequency, for weighing query words), the accented forms
// (a Telex reading must be a word of the bank as spelt) and the two-word terms of the questions,
// aliases and synonyms ("hành lang", "giấy phép": adjacent query words forming one count as a phrase).
import { fold, foldedWords, normalizeTonePlacement } from './fold.ts';

export const TYPO_MIN_LENGTH = 5;

/**
 * `foldedWords` and `formOf` remembered per distinct word as written, for building a vocabulary from
 * many texts. Folding a text word by word gives its `foldedWords` (tests/unit/search-lib.test.ts
 * checks the two agree on hostile text): folding works within a word and its marks, never across the
 * spaces and punctuation between words.
 */
export interface WordToken {
  fold: string;
  folded: string[];
  form: string;
  digits: boolean;
  dStroke: boolean;
}

export class WordTokens {
  private seen = new Map<string, WordToken>();

  /**
   * A word as written (a run of letters, marks and digits): `fold(raw)`, its folded words, its form,
   * whether it holds a digit or a đ/Đ.
   */
  word(raw: string): WordToken {
    let t = this.seen.get(raw);
    if (!t) {
      const folded = fold(raw);
      t = { fold: folded, folded: folded.split(NON_LETTER).filter(Boolean), form: formOf(raw), digits: /\d/.test(raw), dStroke: /[đĐ]/.test(raw) };
      this.seen.set(raw, t);
    }
    return t;
  }

  /** Each word of a text as written, in order. */
  words(text: string): WordToken[] {
    const out: WordToken[] = [];
    for (const raw of text.split(NON_WORD)) if (raw) out.push(this.word(raw));
    return out;
  }

  /** The same as `foldedWords(text)`. */
  folded(text: string): string[] {
    const out: string[] = [];
    for (const t of this.words(text)) out.push(...t.folded);
    return out;
  }

  /** The same as `formOf(word)`. */
  form(word: string): string {
    return this.word(word).form;
  }
}

const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u;
/** What `foldedWords` splits folded text on. */
const NON_LETTER = /[^\p{L}\p{N}]+/u;

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
export function lowerBound(sorted: string[], word: string): number {
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
  /** Published entries the statistics come from (0: no statistics, every word weighs the same). */
  docs: number;
  /** Folded word → number of entries holding it. */
  df: Map<string, number>;
  /** Words as spelt (lowercase, old-style tone placement) → number of entries holding them. */
  forms: Map<string, number>;
  /** Folded two-word terms → number of entries holding them. */
  terms: Map<string, number>;
  /** Folded words found in some question, alias or synonym: the words officers ask with. */
  head: Set<string>;
}

/** The file the build writes (search/vocabulary.json). */
export interface VocabularyData {
  docs: number;
  /** Folded words, most frequent first. */
  words: string[];
  /** Document frequency of each word of `words`, same order. */
  df: number[];
  /** Words as spelt → document frequency. */
  forms: Record<string, number>;
  terms: Record<string, number>;
  /** Folded words of the questions, aliases and synonyms, space-separated. */
  head: string;
}

export function makeVocabulary(list: string[], extra: Partial<Pick<Vocabulary, 'docs' | 'df' | 'forms' | 'terms' | 'head'>> = {}): Vocabulary {
  return { list, known: new Set(list), sorted: [...list].sort(), docs: 0, df: new Map(), forms: new Map(), terms: new Map(), head: new Set(), ...extra };
}

/** Reads the vocabulary file; an older plain word list still works (without statistics). */
export function parseVocabulary(data: unknown): Vocabulary {
  if (Array.isArray(data)) return makeVocabulary(data as string[]);
  const d = data as VocabularyData;
  return makeVocabulary(d.words, {
    docs: d.docs,
    df: new Map(d.words.map((w, i) => [w, d.df[i] ?? 0])),
    forms: new Map(Object.entries(d.forms)),
    terms: new Map(Object.entries(d.terms)),
    head: new Set(d.head.split(' ').filter(Boolean)),
  });
}

/**
 * The local vocabulary widened with other banks' (federated search): counts add up as if the banks were
 * one, so a word only a partner holds is known, with its spellings, terms and weight.
 */
export function mergeVocabularies(local: Vocabulary, others: readonly Vocabulary[]): Vocabulary {
  if (others.length === 0) return local;
  const add = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
  };
  const df = new Map(local.df);
  const forms = new Map(local.forms);
  const terms = new Map(local.terms);
  const head = new Set(local.head);
  let docs = local.docs;
  for (const o of others) {
    docs += o.docs;
    add(df, o.df);
    add(forms, o.forms);
    add(terms, o.terms);
    for (const w of o.head) head.add(w);
  }
  // Most frequent first across the banks, each bank's own order breaking ties.
  const list = [...new Set([local, ...others].flatMap((v) => v.list))].sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0));
  return makeVocabulary(list, { docs, df, forms, terms, head });
}

/** The accented spelling used for comparisons: NFC, lowercase, old-style tone placement. */
export const formOf = (word: string) => normalizeTonePlacement(word.normalize('NFC').toLowerCase());

/** True when the bank holds this word as spelt, accents included (without statistics: its letters). */
export function isKnownForm(word: string, vocabulary: Vocabulary): boolean {
  return vocabulary.docs === 0 ? vocabulary.known.has(fold(word)) : vocabulary.forms.has(formOf(word));
}

const LINE_BREAKS = /[\n.,;:!?()"“”]+/;
/** Share of the entries holding the rarer word of a pair that hold the pair, for it to be a term. */
const TERM_COHESION = 0.5;
/** Most terms shipped. */
const MAX_TERMS = 5000;

/**
 * Builds the vocabulary file from the published entries (each entry's full text and its question and
 * aliases) and the synonym groups.
 */
export function buildSearchVocabulary(entries: { text: string; head: string }[], synonyms: string[][]): VocabularyData {
  // A bank of 10,000 entries has millions of words but a few thousand distinct ones: each entry's text
  // is read once, and each distinct word folded and spelt once (folding every text whole, four times
  // over, cost 14 s of CPU at 10,000 entries).
  const tokens = new WordTokens();
  const foldedWords = (text: string) => tokens.folded(text);
  const df = new Map<string, number>();
  const forms = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const pairsOf = (text: string, into: Set<string>) => {
    for (const line of text.split(LINE_BREAKS)) {
      const ws = foldedWords(line);
      for (let i = 0; i + 1 < ws.length; i++) into.add(`${ws[i]} ${ws[i + 1]}`);
    }
  };
  // Terms: adjacent words of the questions, aliases and synonyms that recur as a pair in the entries.
  const candidates = new Set<string>();
  const synonymPairs = new Set<string>();
  for (const e of entries) pairsOf(e.head, candidates);
  const head = new Set<string>();
  for (const e of entries) for (const w of foldedWords(e.head)) head.add(w);
  for (const g of synonyms) {
    for (const w of foldedWords(g.join(' '))) occurrences.set(w, (occurrences.get(w) ?? 0) + 1);
    for (const t of g) {
      pairsOf(t, synonymPairs);
      for (const w of foldedWords(t)) head.add(w);
      for (const raw of t.split(NON_WORD)) {
        const spelling = raw ? tokens.word(raw) : undefined;
        if (spelling && !spelling.digits && !forms.has(spelling.form)) forms.set(spelling.form, 0);
      }
    }
  }
  const pairStarts = new Map<string, Set<string>>();
  for (const pair of [...candidates, ...synonymPairs]) {
    const [a, b] = pair.split(' ');
    pairStarts.set(a, (pairStarts.get(a) ?? new Set()).add(b));
  }
  const pairCounts = new Map<string, number>();
  for (const e of entries) {
    const held = new Set<string>();
    const spelt = new Set<string>();
    const pairs = new Set<string>();
    for (const line of e.text.split(LINE_BREAKS)) {
      let previous = '';
      for (const raw of line.split(NON_WORD)) {
        if (!raw) continue;
        const t = tokens.word(raw);
        if (!t.digits) spelt.add(t.form);
        for (const w of t.folded) {
          occurrences.set(w, (occurrences.get(w) ?? 0) + 1);
          held.add(w);
          // Only pairs that can become terms are built as strings (most adjacent words are not).
          if (previous && pairStarts.get(previous)?.has(w)) pairs.add(`${previous} ${w}`);
          previous = w;
        }
      }
    }
    for (const w of held) df.set(w, (df.get(w) ?? 0) + 1);
    for (const f of spelt) forms.set(f, (forms.get(f) ?? 0) + 1);
    for (const p of pairs) pairCounts.set(p, (pairCounts.get(p) ?? 0) + 1);
  }
  const words = [...occurrences.entries()].filter(([w]) => w.length >= 2 && !/^\d+$/.test(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  // A pair is a term when it recurs and its words mostly occur together ("hành lang", "lực lượng"),
  // not when two common words happen to meet twice ("dân báo").
  const kept: { pair: string; n: number; cohesion: number }[] = [];
  for (const [pair, n] of pairCounts) {
    const [a, b] = pair.split(' ');
    const cohesion = synonymPairs.has(pair) ? 2 : n / Math.max(1, Math.min(df.get(a) ?? 0, df.get(b) ?? 0));
    if (cohesion >= 2 || (n >= 2 && cohesion >= TERM_COHESION)) kept.push({ pair, n, cohesion });
  }
  // A large bank has many recurring pairs: ship the most cohesive (the file loads with the first query).
  kept.sort((x, y) => y.cohesion - x.cohesion || y.n - x.n || (x.pair < y.pair ? -1 : 1));
  const terms = Object.fromEntries(
    kept
      .slice(0, MAX_TERMS)
      .sort((x, y) => (x.pair < y.pair ? -1 : 1))
      .map((t) => [t.pair, t.n]),
  );
  const sortedForms = Object.fromEntries([...forms].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { docs: entries.length, words, df: words.map((w) => df.get(w) ?? 0), forms: sortedForms, terms, head: [...head].sort().join(' ') };
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
