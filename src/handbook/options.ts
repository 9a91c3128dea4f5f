// The handbook printer's command line (`npm run handbook`) and its environment setting
// (HOIDAP_HANDBOOK_MAX), apart from the pure handbook model (model.ts).
import { LEVELS, isRealIsoDate, SLUG_PATTERN, type Level } from '../schema/common.ts';
import { ALL_FIELDS } from './model.ts';
export interface HandbookOptions {
  /** A field id, or `all`. */
  field: string;
  level?: Level;
  since?: string;
  /** Output file (relative paths are resolved by the caller). */
  out: string;
  dist?: string;
}

/** `handbook-<field>[-<level>][-since-<date>].pdf` */
export function defaultOutName(field: string, level?: string, since?: string): string {
  return `handbook-${field}${level ? `-${level}` : ''}${since ? `-since-${since}` : ''}.pdf`;
}

export const HANDBOOK_USAGE =
  'usage: npm run handbook -- <field-id>|all [--level commune|province|ministry] [--since YYYY-MM-DD] [--out file.pdf] [--dist dir]';

/** Validates the command line; `today` (YYYY-MM-DD) bounds --since. */
export function parseHandbookOptions(
  positionals: readonly string[],
  values: { level?: string; since?: string; out?: string; dist?: string },
  today: string,
): { ok: true; options: HandbookOptions } | { ok: false; error: string } {
  if (positionals.length !== 1) return { ok: false, error: positionals.length ? 'give exactly one field id, or "all"' : 'missing the field id (or "all")' };
  const field = positionals[0];
  if (field !== ALL_FIELDS && !SLUG_PATTERN.test(field)) return { ok: false, error: `"${field}" is not a field id (lowercase slug) or "all"` };
  const level = values.level;
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
    return { ok: false, error: `--level must be one of ${LEVELS.join(', ')} (got "${level}")` };
  }
  const since = values.since;
  if (since !== undefined) {
    if (!isRealIsoDate(since)) return { ok: false, error: `--since must be a real date written YYYY-MM-DD (got "${since}")` };
    if (since > today) return { ok: false, error: `--since ${since} is after today (${today})` };
  }
  if (values.out !== undefined && !values.out.trim()) return { ok: false, error: '--out needs a file name' };
  return {
    ok: true,
    options: {
      field,
      level: level as Level | undefined,
      since,
      out: values.out ?? defaultOutName(field, level, since),
      dist: values.dist,
    },
  };
}

/** Above this many published entries the whole handbook (/so-tay/) is not built as one page. */
export const DEFAULT_HANDBOOK_MAX_ENTRIES = 5000;

/**
 * `HOIDAP_HANDBOOK_MAX`: the most entries the whole handbook prints as one page. Its HTML grows by about
 * 9 KB an entry and Chromium prints about ten pages a second, so a corpus of tens of thousands of
 * entries is printed field by field instead.
 */
export function handbookMaxEntries(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HOIDAP_HANDBOOK_MAX?.trim();
  if (!raw) return DEFAULT_HANDBOOK_MAX_ENTRIES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HOIDAP_HANDBOOK_MAX must be a positive whole number, got "${raw}"`);
  return n;
}

/** Above this many published entries the field handbook pages are built on demand only. */
export const DEFAULT_HANDBOOK_PAGES_MAX = 5000;

/**
 * Whether this build writes the field handbook pages (/so-tay/<field>/). Each renders every entry of
 * its field a second time with a QR code: at 10,000 entries a third of the static generation, for
 * pages of several MB that are printed, not read on a phone (BENCHMARKS.md, Scale). So above
 * `HOIDAP_HANDBOOK_PAGES_MAX` published entries (default 5,000) the site's build leaves them out and
 * `npm run handbook` builds them for the copy it prints; `HOIDAP_HANDBOOK_PAGES=always` publishes them
 * whatever the size, `HOIDAP_HANDBOOK_PAGES=auto` (the default) applies the threshold.
 */
export function fieldHandbooksBuilt(published: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = env.HOIDAP_HANDBOOK_PAGES?.trim() || 'auto';
  if (mode === 'always') return true;
  if (mode !== 'auto') throw new Error(`HOIDAP_HANDBOOK_PAGES must be "auto" or "always", got "${mode}"`);
  const raw = env.HOIDAP_HANDBOOK_PAGES_MAX?.trim();
  const max = raw ? Number(raw) : DEFAULT_HANDBOOK_PAGES_MAX;
  if (!Number.isInteger(max) || max < 0) throw new Error(`HOIDAP_HANDBOOK_PAGES_MAX must be a whole number, got "${raw}"`);
  return published <= max;
}
