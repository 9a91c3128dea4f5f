// What `npm run new` does, apart from reading the command line: a change note added to an existing
// entry (checked against the contract, undone if it breaks it), and a new entry scaffolded from the
// answers, checked against the schema and the ids taken. Failures throw CliError (src/node/fail.ts).
import fs from 'node:fs';
import path from 'node:path';
import { LEVELS, entrySchema, type Level } from '../schema/index.ts';
import { displayPath } from './root.ts';
import { errorsOf, formatIssues } from './issues.ts';
import type { ContentModel } from './model.ts';
import { readContentRoot } from './read-root.ts';
import { slugify } from './slug.ts';
import { addChangeNote, serializeEntry, writeEntryFile, type EntryDraft } from './write-entry.ts';
import { fail } from '../node/fail.ts';

/**
 * Adds a public change note dated `today` to entry `id` (and moves its `reviewed` to today). Returns
 * the new text; unless `dryRun`, writes it, and restores the file if the root then breaks a rule.
 */
export function addChangeNoteToEntry(model: ContentModel, id: string | undefined, change: string, today: string, dryRun: boolean): { file: string; text: string } {
  // A change note belongs to an answer that exists: readers of that page see it.
  if (!id) fail('--change adds a note to an existing entry: pass --id <entry id>', 2);
  const entry = model.entries.find((e) => e.id === id) ?? fail(`no entry with id "${id}"`, 1);
  let text: string;
  try {
    text = addChangeNote(fs.readFileSync(entry.file, 'utf8').normalize('NFC'), change, today);
  } catch (err) {
    return fail(`${displayPath(entry.file)}: ${(err as Error).message}`, 1);
  }
  if (dryRun) return { file: entry.file, text };
  const before = fs.readFileSync(entry.file);
  fs.writeFileSync(entry.file, text);
  // The edited file must still satisfy the contract (e.g. a note dated before `answered`): else undo.
  const after = errorsOf(readContentRoot(model.root, today).issues).filter((i) => i.file === entry.file);
  if (after.length) {
    fs.writeFileSync(entry.file, before);
    fail(`the change note would make the entry invalid, nothing written:\n${formatIssues(after)}`, 1);
  }
  return { file: entry.file, text };
}

export interface NewEntryAnswers {
  question: string;
  field: string;
  owner: string;
  /** Comma- or space-separated levels, as typed. */
  levels: string;
  id?: string;
  summary?: string;
  topic?: string;
  status: string;
}

/** Checks of single answers, run as each is given (so the first wrong one is reported) and again below. */
export const checkAnswer = {
  field: (model: ContentModel, field: string) => {
    if (!model.fields.has(field)) fail(`unknown field "${field}"; existing fields: ${[...model.fields.keys()].join(', ')}`, 2);
  },
  owner: (model: ContentModel, owner: string) => {
    if (!model.units.has(owner)) fail(`unknown unit "${owner}"; existing units: ${[...model.units.keys()].join(', ')}`, 2);
  },
  levels: (levels: string): Level[] => {
    const list = levels.split(/[\s,]+/).filter(Boolean);
    const badLevel = list.find((l) => !(LEVELS as readonly string[]).includes(l));
    if (badLevel || list.length === 0) fail(`levels must be a comma-separated list of ${LEVELS.join(', ')}`, 2);
    return list as Level[];
  },
};

/** Checks the answers against the model and the schema; returns the entry's file and text. */
export function scaffoldEntry(model: ContentModel, a: NewEntryAnswers, today: string): { draft: EntryDraft; dir: string; text: string } {
  const question = a.question.normalize('NFC');
  checkAnswer.field(model, a.field);
  checkAnswer.owner(model, a.owner);
  const levels = checkAnswer.levels(a.levels);
  const id = a.id ?? slugify(question);
  if (!id) fail('the question gives no usable id; pass --id', 2);
  const taken = new Set([...model.entries.map((e) => e.id), ...model.rejectedIds.entries]);
  if (taken.has(id)) fail(`an entry with id "${id}" already exists; reword the question or pass --id`, 1);
  if (!['draft', 'published'].includes(a.status)) fail('--status must be draft or published', 2);
  const draft: EntryDraft = {
    id,
    question,
    summary: (a.summary ?? 'Tóm tắt câu trả lời (tối đa 400 ký tự).').normalize('NFC'),
    field: a.field,
    owner: a.owner,
    levels,
    topic: a.topic,
    legal_basis: [],
    answered: today,
    reviewed: today,
    status: a.status as 'draft' | 'published',
  };
  const parsed = entrySchema.safeParse(draft);
  if (!parsed.success) fail(`the entry would not be valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 2);
  const body = 'Trả lời chi tiết bằng Markdown: các bước thực hiện, thời hạn, cơ quan phối hợp.';
  const text = serializeEntry(draft, body, ['Thêm căn cứ pháp lý (legal_basis: document + article, hoặc ref tới documents/) trước khi công bố.']);
  return { draft, dir: path.join(model.root, 'entries', a.field), text };
}

/** Writes a scaffolded entry; returns its file. */
export function writeScaffold(s: { draft: EntryDraft; dir: string }, text: string): string {
  return writeEntryFile(s.dir, `${s.draft.id}.md`, text);
}
