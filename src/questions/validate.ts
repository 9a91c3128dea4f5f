// Cross-file rules for questions, the calendar and fields' `intake_unit`: references to fields, units
// and entries, duplicate ids, answered_at against asked and the current instant. Pure.
import { lineOfKey, type ContentIssue } from '../content/issues.ts';
import type { ContentModel } from '../content/model.ts';

export function validateQuestions(model: ContentModel, now: Date, readSource: (file: string) => string | undefined = () => undefined): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const err = (file: string, key: string, message: string) =>
    issues.push({ severity: 'error', file, key, message, line: lineOfKey(readSource(file), key) });
  const rejected = model.rejectedIds;
  const unitExists = (id: string) => model.units.has(id) || rejected.units.has(id);
  const fieldExists = (id: string) => model.fields.has(id) || rejected.fields.has(id);
  const entryIds = new Set([...model.entries.map((e) => e.id), ...rejected.entries]);

  for (const field of model.fields.values()) {
    const u = field.data.intake_unit;
    if (u !== undefined && !unitExists(u)) err(field.file, 'intake_unit', `names unit "${u}", which does not exist in units/`);
  }

  const cal = model.calendar;
  if (cal?.file) {
    const holidays = new Set(cal.data.holidays);
    cal.data.workdays.forEach((d, i) => {
      if (holidays.has(d)) err(cal.file!, `workdays[${i}]`, `${d} is listed both as a holiday and as a make-up working day`);
    });
  }

  const seen = new Map<string, string>();
  for (const q of model.questions ?? []) {
    const d = q.data;
    const first = seen.get(q.id);
    if (first) err(q.file, 'id', `duplicate question id "${q.id}" (also used by ${first})`);
    else seen.set(q.id, q.file);
    if (!fieldExists(d.field)) err(q.file, 'field', `names field "${d.field}", which does not exist in fields/`);
    if (!unitExists(d.assigned_to)) err(q.file, 'assigned_to', `names unit "${d.assigned_to}", which does not exist in units/`);
    if (d.asked_by_unit !== undefined && !unitExists(d.asked_by_unit)) err(q.file, 'asked_by_unit', `names unit "${d.asked_by_unit}", which does not exist in units/`);
    if (d.entry !== undefined && !entryIds.has(d.entry)) err(q.file, 'entry', `names entry "${d.entry}", which does not exist`);
    const asked = Date.parse(d.asked);
    if (asked > now.getTime()) {
      // A warning, not an error: the contract does not forbid it, but it is almost always a typo.
      issues.push({ severity: 'warning', file: q.file, key: 'asked', message: `is in the future (${d.asked}, now ${now.toISOString()})`, line: lineOfKey(readSource(q.file), 'asked') });
    }
    if (d.answered_at !== undefined) {
      const at = Date.parse(d.answered_at);
      if (at < asked) err(q.file, 'answered_at', `is before asked (${d.answered_at} < ${d.asked})`);
      if (at > now.getTime()) err(q.file, 'answered_at', `is in the future (${d.answered_at}, now ${now.toISOString()})`);
    }
  }
  return issues;
}
