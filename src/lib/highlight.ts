import { fold } from './fold.ts';

export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * Splits text into parts, marking the words a query matched. Matching is the search engine's:
 * a word matches when its folded form starts with a folded query word, so "dat" marks "đất".
 * The text itself is returned untouched (accents kept).
 */
export function highlightParts(text: string, queryWords: string[]): TextPart[] {
  const needles = queryWords.map(fold).filter((w) => w.length >= 2);
  const parts: TextPart[] = [];
  for (const piece of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    if (!piece) continue;
    const mark = /[\p{L}\p{N}]/u.test(piece) && needles.some((n) => fold(piece).startsWith(n));
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else parts.push({ text: piece, mark });
  }
  return parts;
}
