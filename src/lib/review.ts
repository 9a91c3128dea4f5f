// The review clock of the contract: an entry is overdue when `reviewed` + its review interval
// (entry's, else field's, else 12 months) is before the build date.
import type { EntryData, FieldData } from '../schema/index.ts';
import { addDays, addMonths } from './dates.ts';

export const DEFAULT_REVIEW_MONTHS = 12;
export const DUE_SOON_DAYS = 30;

export function reviewMonthsOf(entry: Pick<EntryData, 'review_months'>, field?: Pick<FieldData, 'review_months'>): number {
  return entry.review_months ?? field?.review_months ?? DEFAULT_REVIEW_MONTHS;
}

/** The date by which the owner must confirm the entry again. */
export function reviewDue(entry: Pick<EntryData, 'reviewed' | 'review_months'>, field?: Pick<FieldData, 'review_months'>): string {
  return addMonths(entry.reviewed, reviewMonthsOf(entry, field));
}

export function isOverdue(due: string, today: string): boolean {
  return due < today;
}

/** Not overdue yet, but due within the next 30 days. */
export function isDueSoon(due: string, today: string): boolean {
  return !isOverdue(due, today) && due <= addDays(today, DUE_SOON_DAYS);
}
