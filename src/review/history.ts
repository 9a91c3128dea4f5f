// The public change history of an entry: only what its editors wrote for readers. Change notes
// (`changes`, newest first), the withdrawal when there is one, then the reviewed and answered dates.
// Never git commit subjects: those are written for developers ("fix typo", "WIP", a name) and say
// nothing reliable to a commune officer. Pure.
import type { EntryData } from '../schema/index.ts';

export interface HistoryItem {
  date: string;
  text: string;
  kind: 'withdrawn' | 'change' | 'reviewed' | 'answered';
}

/** Labels of the dated events that have no note of their own, in the site's language. */
export interface HistoryLabels {
  answered: string;
  reviewed: string;
  withdrawn: string;
}

type HistorySource = Pick<EntryData, 'answered' | 'reviewed'> & Partial<Pick<EntryData, 'changes' | 'status' | 'withdrawn'>>;

/** Change notes newest first (stable for equal dates: later in the file first), then reviewed, answered. */
export function sortedChanges(entry: Pick<EntryData, 'changes'>): { date: string; note: string }[] {
  return (entry.changes ?? [])
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.i - a.i)
    .map(({ date, note }) => ({ date, note }));
}

export function entryHistory(entry: HistorySource, labels: HistoryLabels): HistoryItem[] {
  const items: HistoryItem[] = [];
  if (entry.status === 'withdrawn' && entry.withdrawn) {
    // The reason is in the banner at the top of the page: the history only dates the withdrawal.
    items.push({ date: entry.withdrawn, text: labels.withdrawn, kind: 'withdrawn' });
  }
  for (const c of sortedChanges(entry)) items.push({ date: c.date, text: c.note, kind: 'change' });
  if (entry.reviewed !== entry.answered) items.push({ date: entry.reviewed, text: labels.reviewed, kind: 'reviewed' });
  items.push({ date: entry.answered, text: labels.answered, kind: 'answered' });
  return items;
}

/** The latest change note's date, if any. */
export const lastChangeDate = (entry: Pick<EntryData, 'changes'>): string | undefined =>
  (entry.changes ?? []).reduce<string | undefined>((max, c) => (max === undefined || c.date > max ? c.date : max), undefined);
