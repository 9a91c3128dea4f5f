// Calendar arithmetic on `YYYY-MM-DD` strings. Dates in the contract carry no time zone, so they are
// handled as UTC calendar days to avoid off-by-one errors around midnight.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Today's date in Vietnam, or `HOIDAP_BUILD_DATE` (YYYY-MM-DD) when set, so builds and tests can fix it;
 * without it, a fixed `HOIDAP_NOW` (the questions' clock) gives the day, so one variable fixes both.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const fixed = env.HOIDAP_BUILD_DATE?.trim();
  if (fixed) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`HOIDAP_BUILD_DATE must be YYYY-MM-DD, got "${fixed}"`);
    return fixed;
  }
  const fixedNow = env.HOIDAP_NOW?.trim();
  if (fixedNow && !Number.isNaN(Date.parse(fixedNow))) now = new Date(fixedNow);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Adds calendar months; the day is clamped to the end of a shorter month (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** `dd/mm/yyyy`, the way dates are written in Vietnamese administrative text. */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
