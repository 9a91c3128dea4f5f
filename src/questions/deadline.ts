// The answer clock of the content contract. Working days are Monday to Friday, minus calendar
// holidays, plus make-up working days. The deadline is 17:00 Vietnam time (UTC+07:00, no daylight
// saving) of the asking day when that is a working day and the question came before 17:00;
// otherwise 17:00 of the next working day. Pure: no clock of its own, no I/O.

/** Vietnam time is a fixed UTC+07:00 all year, so plain millisecond arithmetic is exact. */
export const VN_OFFSET_MS = 7 * 3600_000;
const CUTOFF_HOUR = 17;
/** Give up after a year without a working day: a calendar like that is a content mistake. */
const MAX_SEARCH_DAYS = 400;

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function workCalendar(data: { holidays?: readonly string[]; workdays?: readonly string[] } = {}): WorkCalendar {
  return { holidays: new Set(data.holidays ?? []), workdays: new Set(data.workdays ?? []) };
}

/** The Vietnam calendar date (YYYY-MM-DD) of an instant. */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since Vietnam midnight of an instant. */
function vnTimeOfDayMs(instant: Date): number {
  const ms = (instant.getTime() + VN_OFFSET_MS) % 86_400_000;
  return ms < 0 ? ms + 86_400_000 : ms;
}

function nextDay(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** A working day: a make-up workday, or a Monday–Friday that is not a holiday. */
export function isWorkingDay(iso: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(iso)) return true;
  if (cal.holidays.has(iso)) return false;
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The first working day strictly after `iso`. */
export function nextWorkingDay(iso: string, cal: WorkCalendar): string {
  let d = iso;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = nextDay(d);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new Error(`no working day within ${MAX_SEARCH_DAYS} days after ${iso}: check calendar.yaml`);
}

/** 17:00 Vietnam time of a date, as an instant. */
export function cutoffOf(iso: string): Date {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + (CUTOFF_HOUR * 3600_000 - VN_OFFSET_MS));
}

/** The deadline of a question asked at `asked` (any offset). */
export function deadlineOf(asked: Date, cal: WorkCalendar): Date {
  if (Number.isNaN(asked.getTime())) throw new Error('deadlineOf: invalid date');
  const day = vnDate(asked);
  const beforeCutoff = vnTimeOfDayMs(asked) < CUTOFF_HOUR * 3600_000;
  return cutoffOf(isWorkingDay(day, cal) && beforeCutoff ? day : nextWorkingDay(day, cal));
}

/** An instant written in Vietnam time with offset, e.g. 2026-11-20T17:00:00+07:00 (stable across machines). */
export function formatVn(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** Working days from the Vietnam date of `from` to that of `to` (days after `from`, up to and including `to`). */
export function workingDaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  let d = vnDate(from);
  const end = vnDate(to);
  let n = 0;
  while (d < end) {
    d = nextDay(d);
    if (isWorkingDay(d, cal)) n++;
  }
  return n;
}
