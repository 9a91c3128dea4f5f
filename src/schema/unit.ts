import { z } from 'astro/zod';
import { level, plainRef, text, type RefFactory } from './common.ts';

/** `units/<unit-id>.yaml`: a unit (đơn vị chủ trì) that owns entries. Its id is the file name. */
export const makeUnitSchema = (ref: RefFactory = plainRef) =>
  z.strictObject({
    name: text(),
    level: level(),
    parent: ref('units').optional(),
    email: z.email({ message: 'must be an email address' }).optional(),
    phone: z.string({ message: 'must be text: quote the phone number, e.g. phone: "0238 3844 345"' }).optional(),
  });
export const unitSchema = makeUnitSchema();
export type UnitData = z.output<typeof unitSchema>;
