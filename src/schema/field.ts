import { z } from 'astro/zod';
import { reviewMonths, slug, text } from './common.ts';

/** `fields/<field-id>.yaml`: a field (lĩnh vực). Its id is the file name. */
export const fieldSchema = z.strictObject({
  name: text(),
  name_en: text().optional(),
  description: text().optional(),
  order: z.number().optional(),
  review_months: reviewMonths().optional(),
  /** Unit id that receives new questions in this field (checked against units/ by the cross-file rules). */
  intake_unit: slug().optional(),
});
export type FieldData = z.output<typeof fieldSchema>;
