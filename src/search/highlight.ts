import { fold } from './fold.ts';

export interface TextPart {
  text: string;
  mark: boolean;
}

/**
 * Splits text into parts, marking the words a query matched, accent-insensitively: "dat" marks
 * "đất". Words match whole; the last query word (perhaps still being typed) also marks words it
 * begins, once it has three letters. The text itself is returned untouched (accents kept).
 */
export function highlightParts(text: string, queryWords: string[]): TextPart[] {
  const needles = queryWords.map(fold).filter((w) => w.length >= 2);
  const prefix = needles.length > 0 && needles[needles.length - 1].length >= 3 ? needles[needles.length - 1] : undefined;
  const parts: TextPart[] = [];
  for (const piece of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    if (!piece) continue;
    const folded = fold(piece);
    const mark = /[\p{L}\p{N}]/u.test(piece) && (needles.includes(folded) || (prefix !== undefined && folded.startsWith(prefix)));
    const previous = parts[parts.length - 1];
    if (previous && previous.mark === mark) previous.text += piece;
    else parts.push({ text: piece, mark });
  }
  return parts;
}
