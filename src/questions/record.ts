// Recording questions as files: new question files in the contract's key order, and status changes
// written back into an existing file (comments and key order kept). Used by `npm run question`.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { questionSchema, type QuestionData } from '../schema/index.ts';
import { uniqueSlug } from '../content/slug.ts';
import type { ContentModel } from '../content/model.ts';
import { intakeUnitOf } from './board.ts';
import { formatVn, vnDate } from './deadline.ts';

export const QUESTION_KEY_ORDER = [
  'id', 'question', 'field', 'asked_by', 'asked_by_unit', 'asked', 'assigned_to', 'status', 'consult_reason', 'answered_at', 'entry', 'declined_reason', 'contact',
] as const satisfies readonly (keyof QuestionData)[];

export class QuestionError extends Error {}

/** The YAML text of a question file, keys in the contract's order. */
export function serializeQuestion(q: QuestionData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of QUESTION_KEY_ORDER) if (q[key] !== undefined) ordered[key] = typeof q[key] === 'string' ? (q[key] as string).normalize('NFC') : q[key];
  return YAML.stringify(ordered, { lineWidth: 0 });
}

export interface NewQuestionInput {
  question: string;
  field: string;
  asked_by: string;
  asked?: string;
  assigned_to?: string;
  contact?: string;
  id?: string;
}

/** Checks a new question against the root and fills in the id, the time and the assigned unit. */
export function newQuestion(model: ContentModel, input: NewQuestionInput, now: Date, taken: Set<string> = new Set(model.questions.map((q) => q.id))): QuestionData {
  if (!input.field || !model.fields.has(input.field)) throw new QuestionError(`unknown field "${input.field ?? ''}"; existing fields: ${[...model.fields.keys()].join(', ')}`);
  const assigned = input.assigned_to || intakeUnitOf(input.field, model.fields.get(input.field)!.data, model.entries.map((e) => e.data));
  if (!assigned) throw new QuestionError(`field "${input.field}" has no intake_unit and no entries: pass --assign <unit id>`);
  if (!model.units.has(assigned)) throw new QuestionError(`unknown unit "${assigned}"`);
  const id = input.id ?? uniqueSlug(`hoi ${input.question}`.slice(0, 70), (s) => taken.has(s), 'hoi');
  if (taken.has(id)) throw new QuestionError(`a question with id "${id}" already exists`);
  const data = {
    id,
    question: input.question?.trim(),
    field: input.field,
    asked_by: input.asked_by?.trim(),
    asked: input.asked ?? formatVn(now),
    assigned_to: assigned,
    status: 'open',
    contact: input.contact?.trim() || undefined,
  };
  const parsed = questionSchema.safeParse(data);
  if (!parsed.success) throw new QuestionError(parsed.error.issues.map((i) => `${i.path.join('.') || 'question'}: ${i.message}`).join('; '));
  taken.add(id);
  return parsed.data;
}

/** Writes a new question file under questions/<year>/, never overwriting. */
export function writeQuestionFile(root: string, q: QuestionData): string {
  const dir = path.join(root, 'questions', vnDate(new Date(q.asked)).slice(0, 4));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${q.id}.yaml`);
  fs.writeFileSync(file, serializeQuestion(q), { flag: 'wx' });
  return file;
}

/**
 * Sets (value) or removes (undefined) keys of an existing question file, keeping its comments, then
 * checks the result against the schema before writing it.
 */
export function updateQuestionFile(file: string, changes: Partial<Record<keyof QuestionData, string | undefined>>): QuestionData {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { schema: 'core' });
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value.normalize('NFC'));
  }
  const parsed = questionSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new QuestionError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return parsed.data;
}
