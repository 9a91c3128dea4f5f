// Everything the pages, exports and `npm run check` say about questions, computed once from the
// content model and the current instant. Pure.
import type { CalendarData, QuestionData } from '../schema/index.ts';
import { workCalendar, type WorkCalendar } from './deadline.ts';
import { byUnit, clockQuestion, figuresOf, longConsulting, type ClockedQuestion, type UnitFigures } from './stats.ts';

export interface QuestionBoardInput {
  questions: readonly { id: string; file?: string; data: QuestionData }[];
  calendar: { data: CalendarData };
}

export interface QuestionBoard {
  now: Date;
  calendar: WorkCalendar;
  /** Every question in the root, clocked, sorted by asking time (newest first). */
  questions: ClockedQuestion[];
  /** Per assigned unit, over every question in the root. */
  unitTotals: Map<string, UnitFigures>;
  byUnit: Map<string, ClockedQuestion[]>;
  /** Open questions past their deadline. */
  overdue: ClockedQuestion[];
  /** Consulting for more than 5 working days. */
  longConsulting: ClockedQuestion[];
  /** Answered questions by the entry that answers them. */
  byEntry: Map<string, ClockedQuestion[]>;
}

export const LONG_CONSULTING_WORKING_DAYS = 5;

export function buildQuestionBoard(input: QuestionBoardInput, now: Date): QuestionBoard {
  const calendar = workCalendar(input.calendar.data);
  const questions = input.questions
    .map((q) => clockQuestion(q, calendar, now))
    .sort((a, b) => b.asked.getTime() - a.asked.getTime() || a.id.localeCompare(b.id));
  const units = byUnit(questions);
  const byEntry = new Map<string, ClockedQuestion[]>();
  for (const q of questions) {
    if (q.status !== 'answered' || !q.data.entry) continue;
    byEntry.set(q.data.entry, [...(byEntry.get(q.data.entry) ?? []), q]);
  }
  return {
    now,
    calendar,
    questions,
    unitTotals: new Map([...units].map(([u, qs]) => [u, figuresOf(qs)])),
    byUnit: units,
    overdue: questions.filter((q) => q.overdue),
    longConsulting: longConsulting(questions, calendar, now, LONG_CONSULTING_WORKING_DAYS),
    byEntry,
  };
}

/**
 * Who receives a new question in a field: its `intake_unit`, else the unit owning most of the field's
 * entries (ties broken by unit id), else undefined (the caller falls back to the contact address).
 */
export function intakeUnitOf(fieldId: string, field: { intake_unit?: string } | undefined, entries: Iterable<{ field: string; owner: string }>): string | undefined {
  if (field?.intake_unit) return field.intake_unit;
  const counts = new Map<string, number>();
  for (const e of entries) if (e.field === fieldId) counts.set(e.owner, (counts.get(e.owner) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
