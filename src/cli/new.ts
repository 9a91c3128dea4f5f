// `npm run new`: scaffolds a valid entry. Missing values are asked for at the prompt when run in a
// terminal; without a terminal every required flag must be given.
// Usage: npm run new -- --question "..." --field <id> --owner <id> --levels commune,province
//                       [--summary "..."] [--topic "..."] [--status draft|published] [--dry-run]
//        npm run new -- --id <existing-id> --change "what changed, for readers" [--dry-run]
//          adds a public change note dated today to an existing entry and moves its `reviewed` to today.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { LEVELS, entrySchema, type Level } from '../schema/index.ts';
import { contentRoot, displayPath } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { errorsOf, formatIssues } from '../content/issues.ts';
import { loadContent } from '../content/load-content.ts';
import { slugify } from '../content/slug.ts';
import { addChangeNote, serializeEntry, writeEntryFile, type EntryDraft } from '../content/write-entry.ts';
import { readContentRoot } from '../content/read-root.ts';

const { values } = parseArgs({
  options: {
    question: { type: 'string' },
    summary: { type: 'string' },
    field: { type: 'string' },
    owner: { type: 'string' },
    levels: { type: 'string' },
    topic: { type: 'string' },
    id: { type: 'string' },
    status: { type: 'string', default: 'draft' },
    change: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const fail = (message: string, code = 2): never => {
  console.error(`npm run new: ${message}`);
  process.exit(code);
};

const root = contentRoot();
const today = buildDate();
const { model, issues } = loadContent(root);
const broken = errorsOf(issues);
if (broken.length) fail(`the content root has errors; fix them first (npm run check):\n${formatIssues(broken)}`, 1);

if (values.change !== undefined) {
  // A change note belongs to an answer that exists: readers of that page see it.
  if (!values.id) fail('--change adds a note to an existing entry: pass --id <entry id>');
  const entry = model.entries.find((e) => e.id === values.id) ?? fail(`no entry with id "${values.id}"`, 1);
  let text: string;
  try {
    text = addChangeNote(fs.readFileSync(entry.file, 'utf8').normalize('NFC'), values.change, today);
  } catch (err) {
    text = fail(`${displayPath(entry.file)}: ${(err as Error).message}`, 1);
  }
  if (values['dry-run']) {
    process.stdout.write(text);
  } else {
    const before = fs.readFileSync(entry.file);
    fs.writeFileSync(entry.file, text);
    // The edited file must still satisfy the contract (e.g. a note dated before `answered`): else undo.
    const after = errorsOf(readContentRoot(root, today).issues).filter((i) => i.file === entry.file);
    if (after.length) {
      fs.writeFileSync(entry.file, before);
      fail(`the change note would make the entry invalid, nothing written:\n${formatIssues(after)}`, 1);
    }
    console.log(`Added a change note dated ${today} to ${displayPath(entry.file)} (reviewed: ${today}). Run npm run check.`);
  }
  process.exit(0);
}

const interactive = process.stdin.isTTY && process.stdout.isTTY;
const rl = interactive ? readline.createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function ask(flag: string, prompt: string, choices?: string[]): Promise<string> {
  const given = values[flag as keyof typeof values];
  if (typeof given === 'string' && given.trim()) return given.trim();
  if (!rl) return fail(`--${flag} is required${choices ? ` (one of: ${choices.join(', ')})` : ''}`);
  if (choices) console.log(`${prompt}: ${choices.join(', ')}`);
  const answer = (await rl.question(`${prompt}? `)).trim();
  return answer || ask(flag, prompt, choices);
}

const question = (await ask('question', 'Câu hỏi (question)')).normalize('NFC');
const field = await ask('field', 'Lĩnh vực (field id)', [...model.fields.keys()]);
if (!model.fields.has(field)) fail(`unknown field "${field}"; existing fields: ${[...model.fields.keys()].join(', ')}`);
const owner = await ask('owner', 'Đơn vị chủ trì (owner unit id)', [...model.units.keys()]);
if (!model.units.has(owner)) fail(`unknown unit "${owner}"; existing units: ${[...model.units.keys()].join(', ')}`);
const levels = (await ask('levels', 'Cấp thực hiện (levels, comma-separated)', [...LEVELS])).split(/[\s,]+/).filter(Boolean);
const badLevel = levels.find((l) => !(LEVELS as readonly string[]).includes(l));
if (badLevel || levels.length === 0) fail(`levels must be a comma-separated list of ${LEVELS.join(', ')}`);
rl?.close();

const id = values.id ?? slugify(question);
if (!id) fail('the question gives no usable id; pass --id');
const taken = new Set([...model.entries.map((e) => e.id), ...model.rejectedIds.entries]);
if (taken.has(id)) fail(`an entry with id "${id}" already exists; reword the question or pass --id`, 1);
if (!['draft', 'published'].includes(values.status!)) fail('--status must be draft or published');

const draft: EntryDraft = {
  id,
  question,
  summary: (values.summary ?? 'Tóm tắt câu trả lời (tối đa 400 ký tự).').normalize('NFC'),
  field,
  owner,
  levels: levels as Level[],
  topic: values.topic,
  legal_basis: [],
  answered: today,
  reviewed: today,
  status: values.status as 'draft' | 'published',
};
const parsed = entrySchema.safeParse(draft);
if (!parsed.success) fail(`the entry would not be valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
const body = 'Trả lời chi tiết bằng Markdown: các bước thực hiện, thời hạn, cơ quan phối hợp.';
const text = serializeEntry(draft, body, ['Thêm căn cứ pháp lý (legal_basis: document + article, hoặc ref tới documents/) trước khi công bố.']);
const dir = path.join(root, 'entries', field);
if (values['dry-run']) {
  process.stdout.write(text);
} else {
  const file = writeEntryFile(dir, `${id}.md`, text);
  console.log(`Created ${displayPath(file)} (status: ${draft.status}). Edit the answer, then run npm run check.`);
}
