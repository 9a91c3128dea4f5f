// What `npm run check` says about questions: per unit, open questions past their deadline and
// questions consulting for more than 5 working days. Warnings (so `--strict` fails on them).
import type { ContentIssue } from '../content/issues.ts';
import type { ContentModel } from '../content/model.ts';
import { buildQuestionBoard, LONG_CONSULTING_WORKING_DAYS } from './board.ts';
import { formatVn, workingDaysBetween } from './deadline.ts';

export interface QuestionCheckUnit {
  unit: string;
  overdue: { id: string; file: string; asked: string; deadline: string }[];
  longConsulting: { id: string; file: string; asked: string; workingDays: number; reason: string | undefined }[];
}

export interface QuestionCheckReport {
  now: string;
  counts: { questions: number; open: number; consulting: number; answered: number; declined: number };
  units: QuestionCheckUnit[];
  warnings: ContentIssue[];
}

export function questionCheckReport(model: ContentModel, now: Date): QuestionCheckReport {
  const board = buildQuestionBoard(model, now);
  const files = new Map(model.questions.map((q) => [q.id, q.file]));
  const units = new Map<string, QuestionCheckUnit>();
  const unit = (id: string) => {
    let u = units.get(id);
    if (!u) units.set(id, (u = { unit: id, overdue: [], longConsulting: [] }));
    return u;
  };
  const warnings: ContentIssue[] = [];
  for (const q of board.overdue) {
    const file = files.get(q.id)!;
    unit(q.data.assigned_to).overdue.push({ id: q.id, file, asked: q.data.asked, deadline: formatVn(q.deadline) });
    warnings.push({ severity: 'warning', file, key: 'status', message: `open question overdue since ${formatVn(q.deadline)} (assigned to ${q.data.assigned_to})` });
  }
  for (const q of board.longConsulting) {
    const file = files.get(q.id)!;
    const days = workingDaysBetween(q.asked, now, board.calendar);
    unit(q.data.assigned_to).longConsulting.push({ id: q.id, file, asked: q.data.asked, workingDays: days, reason: q.data.consult_reason });
    warnings.push({
      severity: 'warning',
      file,
      key: 'status',
      message: `consulting for ${days} working days (more than ${LONG_CONSULTING_WORKING_DAYS}; assigned to ${q.data.assigned_to})`,
    });
  }
  const count = (s: string) => board.questions.filter((q) => q.status === s).length;
  return {
    now: formatVn(now),
    counts: { questions: board.questions.length, open: count('open'), consulting: count('consulting'), answered: count('answered'), declined: count('declined') },
    units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)),
    warnings,
  };
}
