// Figures over questions: each question's clock (deadline, on time, overdue), and per unit the
// scoreboard counts and median answer time. Pure: the current instant is passed in.
import type { QuestionData, QuestionStatus } from '../schema/question.ts';
import { deadlineOf, vnDate, workingDaysBetween, type WorkCalendar } from './deadline.ts';

export interface ClockedQuestion {
  id: string;
  data: QuestionData;
  asked: Date;
  deadline: Date;
  answeredAt: Date | undefined;
  status: QuestionStatus;
  /** Answered: answered_at ≤ deadline. Null for questions not answered. */
  onTime: boolean | null;
  /** Open and the current instant is past the deadline. */
  overdue: boolean;
  /** Wall-clock hours from asked to answered_at (answered questions only). */
  answerHours: number | undefined;
  /** Hours waited so far (open and consulting questions; 0 otherwise). */
  waitedHours: number;
}

const HOUR = 3600_000;

export function clockQuestion(q: { id: string; data: QuestionData }, cal: WorkCalendar, now: Date): ClockedQuestion {
  const asked = new Date(q.data.asked);
  const deadline = deadlineOf(asked, cal);
  const answeredAt = q.data.status === 'answered' && q.data.answered_at ? new Date(q.data.answered_at) : undefined;
  const waiting = q.data.status === 'open' || q.data.status === 'consulting';
  return {
    id: q.id,
    data: q.data,
    asked,
    deadline,
    answeredAt,
    status: q.data.status,
    onTime: answeredAt ? answeredAt.getTime() <= deadline.getTime() : null,
    overdue: q.data.status === 'open' && now.getTime() > deadline.getTime(),
    answerHours: answeredAt ? (answeredAt.getTime() - asked.getTime()) / HOUR : undefined,
    waitedHours: waiting ? Math.max(0, (now.getTime() - asked.getTime()) / HOUR) : 0,
  };
}

/** Median of numbers, rounded to one decimal; null for an empty list. */
export function medianOneDecimal(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return Math.round(m * 10) / 10;
}

export interface UnitFigures {
  received: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered in percent (rounded), null when nothing answered. */
  onTimePercent: number | null;
  medianAnswerHours: number | null;
  openNow: number;
  openOverdue: number;
  consultingNow: number;
}

/** Figures over a set of questions (already filtered to one unit and, when wanted, a window). */
export function figuresOf(qs: readonly ClockedQuestion[]): UnitFigures {
  const answered = qs.filter((q) => q.status === 'answered');
  const onTime = answered.filter((q) => q.onTime).length;
  return {
    received: qs.length,
    answered: answered.length,
    answeredOnTime: onTime,
    onTimePercent: answered.length ? Math.round((onTime / answered.length) * 100) : null,
    medianAnswerHours: medianOneDecimal(answered.map((q) => q.answerHours ?? 0)),
    openNow: qs.filter((q) => q.status === 'open').length,
    openOverdue: qs.filter((q) => q.overdue).length,
    consultingNow: qs.filter((q) => q.status === 'consulting').length,
  };
}

/**
 * Questions asked within the last `days` days before `now` (the window the scoreboard reports on:
 * what was received in the window, and what became of it).
 */
export function inWindow(qs: readonly ClockedQuestion[], now: Date, days: number): ClockedQuestion[] {
  const from = now.getTime() - days * 24 * HOUR;
  return qs.filter((q) => q.asked.getTime() > from && q.asked.getTime() <= now.getTime());
}

export function byUnit(qs: readonly ClockedQuestion[]): Map<string, ClockedQuestion[]> {
  const out = new Map<string, ClockedQuestion[]>();
  for (const q of qs) {
    const list = out.get(q.data.assigned_to) ?? [];
    list.push(q);
    out.set(q.data.assigned_to, list);
  }
  return out;
}

export interface DailyCount {
  date: string;
  received: number;
  answered: number;
}

/** Per Vietnam day over the last `days` days up to `now`: questions received and answered that day. */
export function dailyCounts(qs: readonly ClockedQuestion[], now: Date, days: number): DailyCount[] {
  const out: DailyCount[] = [];
  const index = new Map<string, DailyCount>();
  for (let i = days - 1; i >= 0; i--) {
    const date = vnDate(new Date(now.getTime() - i * 24 * HOUR));
    const row = { date, received: 0, answered: 0 };
    out.push(row);
    index.set(date, row);
  }
  for (const q of qs) {
    const r = index.get(vnDate(q.asked));
    if (r) r.received++;
    if (q.answeredAt) {
      const a = index.get(vnDate(q.answeredAt));
      if (a) a.answered++;
    }
  }
  return out;
}

/** Waiting questions (open and consulting) with overdue ones first, then the longest waiting first. */
export function waitingOrder(qs: readonly ClockedQuestion[]): ClockedQuestion[] {
  return qs
    .filter((q) => q.status === 'open' || q.status === 'consulting')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.asked.getTime() - b.asked.getTime() || a.id.localeCompare(b.id));
}

/** Consulting questions waiting more than `limit` working days (reported by `npm run check`). */
export function longConsulting(qs: readonly ClockedQuestion[], cal: WorkCalendar, now: Date, limit = 5): ClockedQuestion[] {
  return qs.filter((q) => q.status === 'consulting' && workingDaysBetween(q.asked, now, cal) > limit);
}
