// `npm run question -- answer <id>`: the entry that answers a question, scaffolded from it (question,
// field, asked_by and asked date prefilled; the owner is the assigned unit), written with the
// project's entry writer; then the question file gets answered_at and entry.
import path from 'node:path';
import { entrySchema, LEVELS, type Level } from '../schema/index.ts';
import type { ContentModel } from '../content/model.ts';
import { serializeEntry, writeEntryFile, type EntryDraft } from '../content/write-entry.ts';
import { uniqueSlug } from '../content/slug.ts';
import { vnDate } from './deadline.ts';
import { QuestionError, updateQuestionFile } from './record.ts';

export interface AnswerOptions {
  /** Link an existing entry instead of scaffolding a new one. */
  entry?: string;
  /** When the answer was given (ISO 8601 with offset); default now. */
  at: string;
  summary?: string;
  body?: string;
  levels?: string[];
  status?: 'draft' | 'published';
  entryId?: string;
}

export interface AnswerResult {
  entryId: string;
  entryFile: string | undefined;
  questionFile: string;
}

export function answerQuestion(model: ContentModel, questionId: string, opts: AnswerOptions): AnswerResult {
  const q = model.questions.find((x) => x.id === questionId);
  if (!q) throw new QuestionError(`no question with id "${questionId}" in questions/`);
  if (q.data.status === 'answered') throw new QuestionError(`question "${questionId}" is already answered (entry ${q.data.entry})`);
  if (Date.parse(opts.at) < Date.parse(q.data.asked)) throw new QuestionError(`--at ${opts.at} is before the question was asked (${q.data.asked})`);
  const entryIds = new Set(model.entries.map((e) => e.id));
  let entryId = opts.entry;
  let entryFile: string | undefined;
  if (entryId) {
    if (!entryIds.has(entryId)) throw new QuestionError(`no entry with id "${entryId}"`);
  } else {
    entryId = opts.entryId ?? uniqueSlug(q.data.question, (s) => entryIds.has(s));
    if (entryIds.has(entryId)) throw new QuestionError(`an entry with id "${entryId}" already exists`);
    const levels = opts.levels?.length ? opts.levels : ['commune'];
    const bad = levels.find((l) => !(LEVELS as readonly string[]).includes(l));
    if (bad) throw new QuestionError(`--levels: "${bad}" is not one of ${LEVELS.join(', ')}`);
    const day = vnDate(new Date(opts.at));
    const draft: EntryDraft = {
      id: entryId,
      question: q.data.question,
      summary: (opts.summary ?? 'Tóm tắt câu trả lời (tối đa 400 ký tự).').normalize('NFC'),
      field: q.data.field,
      owner: q.data.assigned_to,
      levels: levels as Level[],
      asked_by: q.data.asked_by,
      asked: vnDate(new Date(q.data.asked)),
      answered: day,
      reviewed: day,
      status: opts.status ?? (opts.summary ? 'published' : 'draft'),
    };
    const parsed = entrySchema.safeParse(draft);
    if (!parsed.success) throw new QuestionError(`the entry would not be valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const body = opts.body ?? 'Trả lời chi tiết bằng Markdown: các bước thực hiện, thời hạn, cơ quan phối hợp.';
    const text = serializeEntry(draft, body, [`Trả lời câu hỏi ${q.id} (questions/). Thêm căn cứ pháp lý trước khi công bố.`]);
    entryFile = writeEntryFile(path.join(model.root, 'entries', q.data.field), `${entryId}.md`, text);
  }
  updateQuestionFile(q.file, { status: 'answered', answered_at: opts.at, entry: entryId, consult_reason: undefined });
  return { entryId, entryFile, questionFile: q.file };
}
