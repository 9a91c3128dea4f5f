// `/data/questions.json`: every question of the content root with its clock, and per-unit figures.
// Deliberately without `contact`, `asked_by_unit` reasons or any other field that could hold personal
// data beyond the published free-text `asked_by` (see SECURITY.md).
import { z } from 'astro/zod';

export const QUESTIONS_EXPORT_VERSION = 1;

export const questionsExportSchema = z.strictObject({
  version: z.literal(QUESTIONS_EXPORT_VERSION),
  generated: z.string().describe('The instant the figures were computed (build time or HOIDAP_NOW), ISO 8601 with offset +07:00'),
  questions: z.array(
    z.strictObject({
      id: z.string(),
      field: z.string(),
      assignedTo: z.string(),
      askedBy: z.string(),
      asked: z.string().describe('ISO 8601 date-time with offset, as recorded'),
      deadline: z.string().describe('ISO 8601 date-time, +07:00'),
      status: z.enum(['open', 'consulting', 'answered', 'declined']),
      answeredAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
      overdue: z.boolean(),
      entry: z.string().nullable(),
      entryUrl: z.string().nullable(),
    }),
  ),
  units: z.record(
    z.string(),
    z.strictObject({
      received: z.number().int(),
      answered: z.number().int(),
      answeredOnTime: z.number().int(),
      openOverdue: z.number().int(),
      medianAnswerHours: z.number().nullable(),
    }),
  ),
});
export type QuestionsExport = z.output<typeof questionsExportSchema>;
