// Vietnamese text folding: the one function the project uses wherever it compares text loosely
// (search index fields, slugs, duplicate detection, typo correction).

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323'; // huyền, sắc, ngã, hỏi, nặng
const COMBINING = /[\u0300-\u036f]/g;

// Old ("hòa", "khỏe", "thủy") and new ("hoà", "khoẻ", "thuỷ") tone placement differ only in open
// syllables ending in oa, oe or uy (not after q: "quý" is the same in both). The canonical form here
// is the old style, the one most official documents use. Patterns work on NFD text.
const NEW_STYLE_OA_OE = new RegExp(`([oO])([aAeE])([${TONE_MARKS}])(?![\\p{L}\\p{M}])`, 'gu');
const NEW_STYLE_UY = new RegExp(`(?<![qQ])([uU])([yY])([${TONE_MARKS}])(?![\\p{L}\\p{M}])`, 'gu');

/** Rewrites new-style tone placement to the old style and returns NFC: "hoà" → "hòa", "thuỷ" → "thủy". */
export function normalizeTonePlacement(text: string): string {
  return text.normalize('NFD').replace(NEW_STYLE_OA_OE, '$1$3$2').replace(NEW_STYLE_UY, '$1$3$2').normalize('NFC');
}

/**
 * Folds Vietnamese text for loose comparison: NFC/NFD-insensitive, lowercase, tone and vowel marks
 * removed, đ/Đ → d. "Đất đai", "dat dai" and "ĐẤT ĐAI" all fold to "dat dai"; either tone placement
 * folds to the same letters. Whitespace is kept as it is.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Folded words (letters and digits only), for similarity and vocabulary work. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
