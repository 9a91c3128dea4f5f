import { z } from 'astro/zod';
import { reviewMonths, text } from './common.ts';

/** `fields/<field-id>.yaml`: a field (lĩnh vực). Its id is the file name. */
export const fieldSchema = z.strictObject({
  name: text(),
  name_en: text().optional(),
  description: text().optional(),
  order: z.number().optional(),
  review_months: reviewMonths().optional(),
});
export type FieldData = z.output<typeof fieldSchema>;
