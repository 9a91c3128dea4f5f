// Near-duplicate questions: folded-text similarity (Dice coefficient on word bigrams, plus single
// words for short questions). Candidate pairs come from an inverted index over the bigrams, so a
// national bank does not need n² comparisons; very common bigrams are skipped as candidates.
import { foldedWords } from '../search/fold.ts';

export const DEFAULT_SIMILARITY = 0.75;
const MAX_POSTINGS = 500;

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
}

/** Shingles of a question: word bigrams, or words when there are fewer than three. */
export function shingles(text: string): Set<string> {
  const words = foldedWords(text);
  if (words.length < 3) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Pairs of items whose texts are at least `threshold` similar, most similar first. */
export function findNearDuplicates(items: { id: string; text: string }[], threshold = DEFAULT_SIMILARITY): DuplicatePair[] {
  const sets = items.map((i) => shingles(i.text));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = postings.get(s) ?? [];
      list.push(i);
      postings.set(s, list);
    }
  });
  const seen = new Set<number>();
  const pairs: DuplicatePair[] = [];
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTINGS) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x] * items.length + list[y];
        if (seen.has(key)) continue;
        seen.add(key);
        const score = similarity(sets[list[x]], sets[list[y]]);
        if (score >= threshold) pairs.push({ a: items[list[x]].id, b: items[list[y]].id, score: Math.round(score * 1000) / 1000 });
      }
    }
  }
  return pairs.sort((p, q) => q.score - p.score || p.a.localeCompare(q.a));
}
