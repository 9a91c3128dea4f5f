// The public JSON export at /data/entries.json: what the ministry portal and provinces integrate
// with. Versioned: a change that is not purely additive bumps EXPORT_VERSION. The JSON Schema of
// this zod schema is published next to it at /data/entries.schema.json.
import { z } from 'astro/zod';
import { DOCUMENT_STATUSES, LEVELS } from './index.ts';

export const EXPORT_VERSION = 1;

const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const exportEntrySchema = z.strictObject({
  id: z.string(),
  url: z.url(),
  question: z.string(),
  summary: z.string(),
  field: z.string(),
  fieldName: z.string(),
  owner: z.string(),
  ownerName: z.string(),
  levels: z.array(z.enum(LEVELS)),
  topic: z.string().nullable(),
  answered: date(),
  reviewed: date(),
  reviewDue: date(),
  overdue: z.boolean(),
  status: z.enum(['published', 'superseded', 'withdrawn']),
  supersededBy: z.string().nullable(),
  /** Date the answer was withdrawn (status "withdrawn"), else null. */
  withdrawn: date().nullable(),
  /** Why it was withdrawn (status "withdrawn"), else null. */
  withdrawnReason: z.string().nullable(),
  /** Public change notes, newest first. */
  changes: z.array(z.strictObject({ date: date(), note: z.string() })),
  /** Cited documents amended, replaced or expired after the last review. */
  legalBasisChanged: z.array(z.strictObject({ ref: z.string(), number: z.string(), status: z.enum(DOCUMENT_STATUSES), changed: date() })),
  legalBasis: z.array(
    z.strictObject({ document: z.string().nullable(), ref: z.string().nullable(), article: z.string().nullable(), url: z.string().nullable() }),
  ),
  tags: z.array(z.string()),
});

export const exportSchema = z.strictObject({
  version: z.literal(EXPORT_VERSION),
  generated: date(),
  site: z.url(),
  count: z.number().int(),
  entries: z.array(exportEntrySchema),
});

export type ExportEntry = z.output<typeof exportEntrySchema>;
export type EntriesExport = z.output<typeof exportSchema>;
