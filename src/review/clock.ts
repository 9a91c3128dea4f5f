// The review clock of the contract: an entry is overdue when `reviewed` + its review interval
// (entry's, else field's, else 12 months) is before the build date.
import type { DocumentData, DocumentStatus, EntryData, FieldData } from '../schema/index.ts';
import { addDays, addMonths } from '../content/dates.ts';

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

export type ReviewState = 'ok' | 'due-soon' | 'overdue';

export function reviewState(due: string, today: string): ReviewState {
  return isOverdue(due, today) ? 'overdue' : isDueSoon(due, today) ? 'due-soon' : 'ok';
}

export interface LegalChange {
  /** Document id in the register. */
  ref: string;
  number: string;
  status: Exclude<DocumentStatus, 'in_force'>;
  changed: string;
}

/**
 * Documents an entry cites (`ref`) that were amended, replaced or expired after the entry was last
 * reviewed: the entry needs review because its legal basis changed, whatever its interval says.
 */
export function legalBasisChanges(entry: Pick<EntryData, 'legal_basis' | 'reviewed'>, documents: Map<string, DocumentData>): LegalChange[] {
  const out: LegalChange[] = [];
  for (const item of entry.legal_basis ?? []) {
    if (item.ref === undefined || out.some((c) => c.ref === item.ref)) continue;
    const doc = documents.get(item.ref);
    if (!doc || doc.status === 'in_force' || doc.changed === undefined) continue;
    if (doc.changed > entry.reviewed) out.push({ ref: item.ref, number: doc.number, status: doc.status, changed: doc.changed });
  }
  return out;
}
