import { z } from 'astro/zod';
import { httpUrl, isoDate, level, plainRef, reviewMonths, slug, text, type RefFactory } from './common.ts';

export const ENTRY_STATUSES = ['draft', 'published', 'superseded'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const SUMMARY_MAX = 400;
export const QUESTION_MAX = 300;

const textList = () => z.array(text());

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
      status: z.enum(ENTRY_STATUSES, { message: 'must be one of: draft, published, superseded' }).default('published'),
      superseded_by: ref('entries').optional(),
      related: z.array(ref('entries')).optional(),
      tags: textList().optional(),
    })
    .refine((e) => e.status !== 'superseded' || e.superseded_by !== undefined, {
      message: 'is required when status is superseded',
      path: ['superseded_by'],
    });

export const entrySchema = makeEntrySchema();
export type EntryData = z.output<typeof entrySchema>;
export type LegalBasisItem = NonNullable<EntryData['legal_basis']>[number];
