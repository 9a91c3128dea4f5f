// Building blocks shared by every schema of the content contract.
// This module must not import from `astro:*`: the CLI tools run it under plain Node.
import { z } from 'astro/zod';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Lowercase ASCII slug, the form of every id in the contract. */
export const slug = () =>
  z.string().regex(SLUG_PATTERN, { message: 'must be a lowercase ASCII slug like "hanh-lang-an-toan" (a-z, 0-9 and single hyphens)' });

/**
 * Ids that would collide with a fixed page of the site, per collection: `fields/all.yaml` would take
 * the URL of /feeds/all.xml. tests/unit/reserved-routes.test.ts checks this list against src/pages.
 */
export const RESERVED_IDS: Record<CollectionName, readonly string[]> = {
  // feeds/all.xml and feeds/questions.xml sit next to feeds/[field].xml.
  fields: ['all', 'questions'],
  units: [],
  documents: [],
  entries: [],
};

/** The message for an id in RESERVED_IDS, or undefined. */
export function reservedIdMessage(collection: CollectionName, id: string): string | undefined {
  return RESERVED_IDS[collection].includes(id)
    ? `the id "${id}" is reserved: a page of the site already uses that address (reserved ${collection} ids: ${RESERVED_IDS[collection].join(', ')})`
    : undefined;
}

/** Word's soft line breaks (U+000B manual line break, form feed, Unicode line/paragraph separators). */
const SOFT_BREAKS = /[\u000B\u000C\u2028\u2029]/g;
/** C0/C1 controls other than tab and newline, bidi embeddings/overrides/isolates, noncharacters, lone surrogates. */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;

/**
 * Non-empty text, normalised to Unicode NFC, line endings to LF and Word's soft line breaks to a
 * space; control characters (other than tab and newline), bidi overrides and NUL are rejected. The
 * content reader (src/content/files.ts) applies the same rules to every string it parses; here
 * they hold for any other caller of the schemas too.
 */
export const text = () =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').replace(SOFT_BREAKS, ' ').normalize('NFC'))
    .refine((s) => !FORBIDDEN_IN_TEXT.test(s), {
      message: 'must not contain control characters (other than tab and newline), bidirectional overrides or NUL',
    })
    .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

/** Absolute http(s) URL; `javascript:`, `data:` and relative URLs are rejected. */
export const httpUrl = () =>
  z.string().refine(
    (s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'must be an absolute http:// or https:// URL' },
  );

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isRealIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date, output as a `YYYY-MM-DD` string. Accepts the string form (our CLI reads YAML 1.2,
 * where dates stay strings) and a Date at UTC midnight (Astro's YAML parser turns dates into Date
 * objects). Impossible dates such as 2025-02-30 are rejected, not rolled over.
 */
export const isoDate = () =>
  z.union([z.string(), z.date()]).transform((value, ctx) => {
    if (value instanceof Date) {
      const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString();
      if (!iso.endsWith('T00:00:00.000Z')) {
        ctx.addIssue({ code: 'custom', message: 'must be a real date written YYYY-MM-DD' });
        return z.NEVER;
      }
      return iso.slice(0, 10);
    }
    if (!isRealIsoDate(value)) {
      ctx.addIssue({ code: 'custom', message: `must be a real date written YYYY-MM-DD (got "${value}")` });
      return z.NEVER;
    }
    return value;
  });

export const LEVELS = ['commune', 'province', 'ministry'] as const;
export type Level = (typeof LEVELS)[number];
export const level = () => z.enum(LEVELS, { message: 'must be one of: commune, province, ministry' });

/** Review interval in months. */
export const reviewMonths = () => z.number().int().min(1).max(120);

export type CollectionName = 'fields' | 'units' | 'entries' | 'documents';

/**
 * How a schema refers to another collection. The CLI passes `plainRef` (a slug); the Astro site
 * passes a function that pipes the slug into Astro's `reference()`, so both validate the same way.
 * Typed as producing the id string: the site flattens Astro's `{ id, collection }` back to ids.
 */
export type RefFactory = (collection: CollectionName) => z.ZodType<string>;
export const plainRef: RefFactory = () => slug();
