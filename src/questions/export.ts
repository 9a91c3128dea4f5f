// The open-data export of questions and the Atom feed of newly answered ones. Pure: the board and
// URL builders come in. No contact or other personal field beyond the published `asked_by`.
import { Feed } from 'feed';
import { QUESTIONS_EXPORT_VERSION, type QuestionsExport } from '../schema/questions-export.ts';
import type { QuestionBoard } from './board.ts';
import { formatVn } from './deadline.ts';

export const QUESTIONS_FEED_SIZE = 50;

export function buildQuestionsExport(board: QuestionBoard, entryUrl: (id: string) => string | null): QuestionsExport {
  const questions = [...board.questions]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((q) => ({
      id: q.id,
      field: q.data.field,
      assignedTo: q.data.assigned_to,
      askedBy: q.data.asked_by,
      asked: q.data.asked,
      deadline: formatVn(q.deadline),
      status: q.status,
      answeredAt: q.status === 'answered' ? (q.data.answered_at ?? null) : null,
      onTime: q.onTime,
      overdue: q.overdue,
      entry: q.status === 'answered' ? (q.data.entry ?? null) : null,
      entryUrl: q.status === 'answered' && q.data.entry ? entryUrl(q.data.entry) : null,
    }));
  const units: QuestionsExport['units'] = {};
  for (const [unit, f] of [...board.unitTotals].sort(([a], [b]) => a.localeCompare(b))) {
    units[unit] = { received: f.received, answered: f.answered, answeredOnTime: f.answeredOnTime, openOverdue: f.openOverdue, medianAnswerHours: f.medianAnswerHours };
  }
  return { version: QUESTIONS_EXPORT_VERSION, generated: formatVn(board.now), questions, units };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface QuestionsFeedOptions {
  title: string;
  id: string;
  selfUrl: string;
  siteLink: string;
  entryUrl: (id: string) => string;
  /** Only questions whose entry has a page are listed. */
  hasEntry: (id: string) => boolean;
  unitName: (id: string) => string;
  summary: (q: QuestionBoard['questions'][number]) => string;
}

/** Atom feed of the latest answered questions, newest answer first, each linking to its entry. */
export function buildQuestionsFeed(board: QuestionBoard, opts: QuestionsFeedOptions): string {
  const answered = board.questions
    .filter((q) => q.status === 'answered' && q.answeredAt && q.data.entry && opts.hasEntry(q.data.entry))
    .sort((a, b) => b.answeredAt!.getTime() - a.answeredAt!.getTime() || a.id.localeCompare(b.id))
    .slice(0, QUESTIONS_FEED_SIZE);
  const feed = new Feed({
    title: escapeHtml(opts.title),
    id: opts.id,
    link: opts.siteLink,
    language: 'vi',
    updated: answered[0]?.answeredAt ?? board.now,
    feedLinks: { atom: opts.selfUrl },
    generator: false,
  });
  for (const q of answered) {
    const url = opts.entryUrl(q.data.entry!);
    feed.addItem({
      title: escapeHtml(q.data.question),
      // One item per question (several questions may share an entry).
      id: `${url}#hoi-${q.id}`,
      link: url,
      date: q.answeredAt!,
      published: q.asked,
      description: escapeHtml(opts.summary(q)),
      author: [{ name: escapeHtml(opts.unitName(q.data.assigned_to)) }],
      category: [{ term: q.data.field }],
    });
  }
  return feed.atom1();
}
