// `questions/<any folders>/<question-id>.yaml`: a question received from a commune or another unit,
// and its answer clock (see the Question section of the content contract).
import { z } from 'astro/zod';
import { plainRef, slug, text, type RefFactory } from './common.ts';

export const QUESTION_STATUSES = ['open', 'consulting', 'answered', 'declined'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Date and time with an offset (`Z` or ±hh:mm), e.g. 2026-11-20T09:15:00+07:00. */
const DATE_TIME_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** True when `s` is a real date and time with an explicit offset. */
export function isDateTimeWithOffset(s: string): boolean {
  const m = DATE_TIME_OFFSET.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  if (h > 23 || mi > 59 || sec > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return !Number.isNaN(Date.parse(s));
}

/** An instant written as ISO 8601 date-time with offset; kept as the string written. */
export const dateTimeWithOffset = () =>
  z.string({ message: 'must be a date and time with offset, e.g. 2026-11-20T09:15:00+07:00' }).refine(isDateTimeWithOffset, {
    message: 'must be a real date and time with an offset, e.g. 2026-11-20T09:15:00+07:00 (a time without offset is ambiguous)',
  });

export const makeQuestionSchema = (ref: RefFactory = plainRef) =>
  z
    .strictObject({
      id: slug(),
      question: text(),
      field: ref('fields'),
      asked_by: text(),
      asked_by_unit: ref('units').optional(),
      asked: dateTimeWithOffset(),
      assigned_to: ref('units'),
      status: z.enum(QUESTION_STATUSES, { message: 'must be one of: open, consulting, answered, declined' }),
      consult_reason: text().optional(),
      answered_at: dateTimeWithOffset().optional(),
      entry: ref('entries').optional(),
      declined_reason: text().optional(),
      // Project extension (additive, optional): how to reach the asker. Personal data: it is never
      // published (no page, export or feed reads it); see SECURITY.md.
      contact: text().optional(),
    })
    .superRefine((q, ctx) => {
      const need = (key: keyof typeof q, why: string) => {
        if (q[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is required when ${why}` });
      };
      if (q.status === 'consulting') need('consult_reason', 'status is consulting');
      if (q.status === 'answered') {
        need('answered_at', 'status is answered');
        need('entry', 'status is answered');
      }
      if (q.status === 'declined') need('declined_reason', 'status is declined');
    });

export const questionSchema = makeQuestionSchema();
export type QuestionData = z.output<typeof questionSchema>;
