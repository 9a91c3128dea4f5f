import { z } from 'astro/zod';
import { httpUrl, isoDate, plainRef, text, type RefFactory } from './common.ts';

export const DOCUMENT_STATUSES = ['in_force', 'amended', 'replaced', 'expired'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** `documents/<doc-id>.yaml`: optional register of the legal documents entries cite. */
export const makeDocumentSchema = (ref: RefFactory = plainRef) =>
  z.strictObject({
    number: text(),
    title: text(),
    issued: isoDate(),
    effective: isoDate().optional(),
    status: z.enum(DOCUMENT_STATUSES, { message: 'must be one of: in_force, amended, replaced, expired' }),
    changed: isoDate().optional(),
    replaced_by: ref('documents').optional(),
    url: httpUrl().optional(),
  });
export const documentSchema = makeDocumentSchema();
export type DocumentData = z.output<typeof documentSchema>;
