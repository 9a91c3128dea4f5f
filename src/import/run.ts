// `npm run import`: reads a spreadsheet or Word file, converts every row/question to an entry, checks
// each entry against the contract, writes them (never overwriting) and reports what happened.
// Input problems that make the whole file unusable throw ImportError before anything is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { entrySchema } from '../schema/index.ts';
import { displayPath } from '../content/root.ts';
import { foldedWords } from '../search/fold.ts';
import { errorsOf, formatIssue } from '../content/issues.ts';
import type { ContentModel } from '../content/model.ts';
import { readContentRoot } from '../content/read-root.ts';
import { uniqueSlug } from '../content/slug.ts';
import { serializeEntry, writeEntryFile, type EntryDraft } from '../content/write-entry.ts';
import { contextFor, convertRecord } from './convert.ts';
import { readDocx, segmentMarkdown } from './docx.ts';
import { readMapping, type HeaderMapping } from './headers.ts';
import { documentIndex } from './legal-basis.ts';
import { readSpreadsheet } from './spreadsheet.ts';
import { ImportError, type ConvertedEntry, type ImportFormat, type ImportReport } from './types.ts';
import { nameKey } from './values.ts';

export interface ImportOptions {
  /** The file to import. */
  input: string;
  /** The content root the entries join. */
  root: string;
  /** Default field id (rows without a field). */
  field: string;
  /** Default owner unit id (rows without an owner). */
  owner: string;
  /** Output folder; default `<root>/entries/<field>/imported/`. */
  out?: string;
  /** Path of a JSON file mapping column headers to keys. */
  mapping?: string;
  dryRun?: boolean;
  /** Import questions that an existing entry already asks (they get a suffixed id). */
  force?: boolean;
  /** Build date, YYYY-MM-DD. */
  today: string;
}

export function formatOf(file: string): ImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv' || ext === '.docx') return ext.slice(1) as ImportFormat;
  const hint: Record<string, string> = {
    '.xls': 'open it in Excel and save it as .xlsx',
    '.xlsm': 'save it as .xlsx',
    '.ods': 'save it as .xlsx',
    '.doc': 'open it in Word and save it as .docx',
    '.odt': 'save it as .docx',
    '.txt': 'save it as .csv (UTF-8)',
  };
  throw new ImportError(`${file}: cannot import ${ext || 'files without an extension'}; use .xlsx, .csv or .docx${hint[ext] ? ` (${hint[ext]})` : ''}`, 2);
}

/** Loads the target content root and checks the default field and owner exist in it. */
export function loadTarget(root: string, field: string, owner: string, today: string): ContentModel {
  const { model, issues } = readContentRoot(root, today);
  const fatal = issues.find((i) => i.file === root || i.message.startsWith('missing folder'));
  if (fatal) throw new ImportError(`${formatIssue(fatal)}`, 2);
  if (!model.fields.has(field)) {
    throw new ImportError(`unknown field "${field}": ${displayPath(root)}/fields/ has ${[...model.fields.keys()].join(', ') || 'no fields'}`, 2);
  }
  if (!model.units.has(owner)) {
    throw new ImportError(`unknown owner "${owner}": ${displayPath(root)}/units/ has ${[...model.units.keys()].join(', ') || 'no units'}`, 2);
  }
  return model;
}

async function readRecords(input: string, format: ImportFormat, mapping: HeaderMapping, model: ContentModel) {
  if (format === 'docx') {
    const { markdown, messages } = await readDocx(input);
    const fields = new Map<string, string>();
    for (const [id, f] of model.fields) {
      fields.set(nameKey(f.data.name), id);
      fields.set(nameKey(id), id);
    }
    const got = segmentMarkdown(markdown, fields);
    if (got.records.length === 0) {
      throw new ImportError(
        `${input}: no questions found; mark each question as a heading ending with "?", or start its paragraph with "Câu hỏi 1:", "Câu 1." or "Hỏi:" (and its answer with "Trả lời:" or "Đáp:")`,
      );
    }
    const notes = [...got.notes, ...messages.filter((m) => !m.startsWith('warning: Unrecognised paragraph style')).map((m) => `Word: ${m}`)];
    return { records: got.records, notes, skipped: got.skipped };
  }
  const got = await readSpreadsheet(input, format, mapping);
  if (got.records.length === 0 && got.skipped.length === 0) throw new ImportError(`${input}: no rows to import under the header row`);
  return got;
}

/** Question text compared loosely, to find a question that is already in the content root. */
const questionKey = (q: string) => foldedWords(q).join(' ');

/** Parses a serialized entry back as `npm run check` would and returns the problems found. */
function recheck(text: string, entry: EntryDraft, model: ContentModel, today: string): string[] {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = matter(text, { engines: { yaml: (s) => (YAML.parse(s, { schema: 'core' }) ?? {}) as object } }).data;
  } catch (err) {
    return [`invalid YAML: ${(err as Error).message}`];
  }
  const parsed = entrySchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || 'entry'}: ${issue.message}`);
    return problems;
  }
  if (!model.fields.has(entry.field)) problems.push(`field "${entry.field}" does not exist`);
  if (!model.units.has(entry.owner)) problems.push(`owner "${entry.owner}" does not exist`);
  entry.legal_basis?.forEach((l) => {
    if (l.ref && !model.documents.has(l.ref)) problems.push(`legal basis document "${l.ref}" does not exist`);
  });
  if (entry.answered > today || entry.reviewed > today) problems.push('date in the future');
  return problems;
}

function commentsFor(c: ConvertedEntry, inputName: string, today: string, draft: boolean): string[] {
  const out = [`Imported by "npm run import" from ${inputName}, ${c.source}, on ${today}.`];
  if (draft) {
    out.push(
      c.missing.length
        ? `DRAFT, missing: ${c.missing.join('; ')}. Complete it, then delete "status: draft".`
        : 'DRAFT: marked as a draft in the imported file.',
    );
  }
  for (const r of c.review) out.push(`NEEDS REVIEW: ${r}.`);
  for (const x of c.extras) out.push(`Column "${x.header}" (not imported): ${x.text}`);
  if (draft || c.review.length) out.push('Delete these comment lines once the entry has been checked.');
  return out;
}

export async function runImport(opts: ImportOptions): Promise<ImportReport> {
  const input = opts.input;
  const format = formatOf(input);
  if (!fs.existsSync(input) || !fs.statSync(input).isFile()) throw new ImportError(`${input}: file not found`, 2);
  const model = loadTarget(opts.root, opts.field, opts.owner, opts.today);
  const mapping = opts.mapping ? readMapping(opts.mapping) : new Map();
  const { records, notes, skipped: readSkips } = await readRecords(input, format, mapping, model);

  const report: ImportReport = {
    input,
    format,
    root: opts.root,
    dryRun: Boolean(opts.dryRun),
    buildDate: opts.today,
    created: [],
    skipped: [...readSkips],
    notes: [...notes],
    checkErrors: [],
    ok: true,
  };

  const ctx = contextFor(model, documentIndex(model.documents), { field: opts.field, owner: opts.owner }, opts.today);
  const existingIds = new Set<string>([...model.entries.map((e) => e.id), ...model.rejectedIds.entries]);
  const usedHere = new Set<string>();
  const existingQuestions = new Map<string, { id: string; file: string }>();
  for (const e of model.entries) existingQuestions.set(questionKey(e.data.question), { id: e.id, file: e.file });
  const importedQuestions = new Map<string, string>();
  const inputName = path.basename(input);
  const outDirOf = (field: string) => path.resolve(opts.out ?? path.join(opts.root, 'entries', field, 'imported'));
  const pending: { dir: string; fileName: string; text: string; item: ImportReport['created'][number] }[] = [];

  for (const rec of records) {
    const result = convertRecord(rec, ctx);
    if ('skip' in result) {
      report.skipped.push(result.skip);
      continue;
    }
    const c = result.entry;
    const qKey = questionKey(c.data.question);
    const existing = c.missing.some((m) => m.startsWith('question')) ? undefined : existingQuestions.get(qKey);
    if (existing) {
      if (!opts.force) {
        report.skipped.push({
          source: c.source,
          reason: `the content root already has this question: entry "${existing.id}" (${displayPath(existing.file)}); use --force to import it anyway under a new id`,
        });
        continue;
      }
      c.review.push(`the content root already has this question: entry "${existing.id}" (imported anyway with --force)`);
    }
    const earlier = importedQuestions.get(qKey);
    if (earlier) c.review.push(`same question as ${earlier} of this file`);
    else importedQuestions.set(qKey, c.source);

    const dir = outDirOf(c.data.field);
    const taken = (id: string) =>
      existingIds.has(id) || usedHere.has(id) || fs.existsSync(path.join(dir, `${id}.md`)) || fs.existsSync(path.join(dir, `${id}.mdx`));
    let id: string;
    if (c.requestedId && !taken(c.requestedId)) id = c.requestedId;
    else {
      if (c.requestedId) c.review.push(`the id "${c.requestedId}" from the file is already used: the id was made from the question`);
      id = uniqueSlug(c.data.question, taken);
    }
    usedHere.add(id);

    const entry: EntryDraft = { id, ...c.data };
    const draft = entry.status === 'draft';
    const text = serializeEntry(entry, c.body, commentsFor(c, inputName, opts.today, draft));
    const problems = recheck(text, entry, model, opts.today);
    if (problems.length) {
      report.skipped.push({ source: c.source, reason: `the entry would not pass npm run check: ${problems.join('; ')}` });
      continue;
    }
    const fileName = `${id}.md`;
    pending.push({
      dir,
      fileName,
      text,
      item: {
        source: c.source,
        id,
        file: path.join(dir, fileName),
        status: draft ? 'draft' : 'published',
        question: entry.question,
        missing: c.missing,
        review: c.review,
      },
    });
  }

  report.created = pending.map((p) => p.item);
  if (!opts.dryRun) {
    const written = new Set<string>();
    for (const p of pending) written.add(writeEntryFile(p.dir, p.fileName, p.text));
    // Belt and braces: read the root again the way `npm run check` does, and report problems in our files.
    const { issues } = readContentRoot(opts.root, opts.today);
    report.checkErrors = errorsOf(issues)
      .filter((i) => written.has(i.file))
      .map((i) => formatIssue(i));
  } else {
    report.checkErrors = dryRunCheck(opts.root, pending, opts.today);
  }
  report.ok = report.skipped.length === 0 && report.checkErrors.length === 0;
  return report;
}

/**
 * `--dry-run` runs every check the real run does: the files are written into a scratch copy of the
 * content root instead of the root itself, and that copy is read the way `npm run check` reads a root
 * (same reader, cross-file rules and Markdown guard). Problems name the files the real run would write.
 */
function dryRunCheck(root: string, pending: { dir: string; fileName: string; text: string }[], today: string): string[] {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-import-dry-run-'));
  try {
    const copy = path.join(scratch, 'root');
    fs.cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
    const realOf = new Map<string, string>();
    const absRoot = path.resolve(root);
    for (const p of pending) {
      const real = path.join(p.dir, p.fileName);
      const rel = path.relative(absRoot, real);
      // Files written outside the root (--out elsewhere) are not part of what `npm run check` reads.
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const target = path.join(copy, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, p.text);
      realOf.set(target, real);
    }
    const { issues } = readContentRoot(copy, today);
    return errorsOf(issues)
      .filter((i) => realOf.has(i.file))
      .map((i) => formatIssue({ ...i, file: realOf.get(i.file)! }).split(copy).join(absRoot));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
