// `calendar.yaml` (optional): public holidays and make-up working days for the answer clock.
import { z } from 'astro/zod';
import { isoDate } from './common.ts';

export const calendarSchema = z.strictObject({
  /** Days off on top of weekends. */
  holidays: z.array(isoDate()).default([]),
  /** Make-up working days: a Saturday or Sunday that is worked. */
  workdays: z.array(isoDate()).default([]),
});
export type CalendarData = z.output<typeof calendarSchema>;
