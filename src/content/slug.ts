import { fold } from '../search/fold.ts';
import { SLUG_PATTERN } from '../schema/common.ts';

export const SLUG_MAX_LENGTH = 80;

/** Vietnamese-aware slug: "Cấp phép bán lẻ rượu?" → "cap-phep-ban-le-ruou" (đ → d, marks removed). */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const full = fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (full.length <= maxLength) return full;
  const cut = full.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : full.slice(0, maxLength)).replace(/-+$/, '');
}

/** A slug from `text` that `taken` does not hold yet: adds -2, -3 ... when needed. */
export function uniqueSlug(text: string, taken: (id: string) => boolean, fallback = 'cau-hoi'): string {
  const base = slugify(text) || fallback;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

export const isSlug = (s: string) => SLUG_PATTERN.test(s);
