import { z } from 'astro/zod';
import { httpUrl, isoDate, level, plainRef, reviewMonths, slug, text, type RefFactory } from './common.ts';

export const ENTRY_STATUSES = ['draft', 'published', 'superseded', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const SUMMARY_MAX = 400;
export const QUESTION_MAX = 300;

const textList = () => z.array(text());
const entryStatus = () => z.enum(ENTRY_STATUSES, { message: 'must be one of: draft, published, superseded, withdrawn' }).default('published');

/** One public change note: what changed for readers, and when (a change that matters, not a typo fix). */
const changeNoteSchema = z.strictObject({ date: isoDate(), note: text() });

const makeLegalBasisSchema = (ref: RefFactory) =>
  z
    .strictObject({
      document: text().optional(),
      ref: ref('documents').optional(),
      article: text().optional(),
      url: httpUrl().optional(),
    })
    .refine((item) => item.document !== undefined || item.ref !== undefined, {
      message: 'each legal basis item needs `document` or `ref`',
      path: ['document'],
    });

/** Frontmatter of `entries/**\/*.md(x)`: one question and its answer. */
export const makeEntrySchema = (ref: RefFactory = plainRef) =>
  z
    .strictObject({
      id: slug(),
      question: text().refine((s) => [...s].length <= QUESTION_MAX, {
        message: `must be at most ${QUESTION_MAX} characters (put details in the answer)`,
      }),
      summary: text().refine((s) => [...s].length <= SUMMARY_MAX, {
        message: `must be at most ${SUMMARY_MAX} characters (it is the short answer)`,
      }),
      field: ref('fields'),
      owner: ref('units'),
      levels: z.array(level()).min(1, { message: 'must list at least one level' }).transform((l) => [...new Set(l)]),
      topic: text().optional(),
      aliases: textList().optional(),
      legal_basis: z.array(makeLegalBasisSchema(ref)).optional(),
      can: textList().optional(),
      cannot: textList().optional(),
      asked_by: text().optional(),
      asked: isoDate().optional(),
      answered: isoDate(),
      reviewed: isoDate(),
      review_months: reviewMonths().optional(),
      status: entryStatus(),
      superseded_by: ref('entries').optional(),
      withdrawn_reason: text().optional(),
      withdrawn: isoDate().optional(),
      changes: z.array(changeNoteSchema).optional(),
      related: z.array(ref('entries')).optional(),
      tags: textList().optional(),
    })
    .refine((e) => e.status !== 'superseded' || e.superseded_by !== undefined, {
      message: 'is required when status is superseded',
      path: ['superseded_by'],
    })
    .refine((e) => e.status !== 'withdrawn' || e.withdrawn_reason !== undefined, {
      message: 'is required when status is withdrawn (say why readers should no longer rely on this answer)',
      path: ['withdrawn_reason'],
    })
    .refine((e) => e.status !== 'withdrawn' || e.withdrawn !== undefined, {
      message: 'is required when status is withdrawn (the date it was withdrawn, YYYY-MM-DD)',
      path: ['withdrawn'],
    })
    .superRefine((e, ctx) => {
      e.changes?.forEach((c, i) => {
        if (c.date < e.answered) {
          ctx.addIssue({ code: 'custom', message: `is before \`answered\` (${c.date} < ${e.answered}): a change note dates a change to the answer`, path: ['changes', i, 'date'] });
        }
      });
    });

export const entrySchema = makeEntrySchema();
export type EntryData = z.output<typeof entrySchema>;
export type LegalBasisItem = NonNullable<EntryData['legal_basis']>[number];
export type ChangeNote = NonNullable<EntryData['changes']>[number];

/**
 * What Astro's entries collection keeps of an entry's frontmatter: the id and status, to find and
 * render its body. Pages take every other value from the content model, validated against the whole
 * schema above before Astro starts (src/integrations/content-guard.ts); storing it all again cost
 * the build a second validation and made Astro's data store about a quarter larger.
 */
export const entryBodySchema = z.object({ id: slug(), status: entryStatus() });
