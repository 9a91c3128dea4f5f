// One SourceRecord (a spreadsheet row, a Word question) → entry frontmatter and body. Required data
// that is missing makes the entry a draft (listed in `missing`); values that were defaulted or guessed
// are listed in `review`. Nothing is dropped: unusable values are quoted in those notes.
import { entrySchema, SUMMARY_MAX, type EntryData, type LegalBasisItem, type Level } from '../schema/index.ts';
import { valueKind } from '../schema/keys.ts';
import { isSlug } from '../content/slug.ts';
import type { ContentModel } from '../content/model.ts';
import { describeKey } from './headers.ts';
import { parseLegalBasisLine } from './legal-basis.ts';
import { cellTextToMarkdown, defaultSummary, truncateAtWord } from './text.ts';
import { IMPORT_KEYS, type Cell, type ConvertedEntry, type ImportKey, type ReportSkip, type SourceRecord } from './types.ts';
import { nameKey, oneLine, parseDate, parseLevels, parseStatus, splitLines, splitTags } from './values.ts';

export interface ConvertContext {
  /** Folded names and ids → field id. */
  fields: Map<string, string>;
  /** Folded names and ids → unit id. */
  units: Map<string, string>;
  /** Folded document numbers → document id (documents/ register). */
  register: Map<string, string>;
  defaults: { field: string; owner: string };
  /** Build date, YYYY-MM-DD. */
  today: string;
}

/** Placeholder short answer of a draft that has no answer yet (user-facing, so Vietnamese). */
export const NO_ANSWER_SUMMARY = 'Chưa có câu trả lời.';

/** Folded name and id → id, for fields or units. */
export function nameIndex<T extends { name: string }>(items: Map<string, { data: T }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, item] of items) {
    out.set(nameKey(item.data.name), id);
    out.set(nameKey(id), id);
  }
  return out;
}

export function contextFor(model: ContentModel, register: Map<string, string>, defaults: ConvertContext['defaults'], today: string): ConvertContext {
  return { fields: nameIndex(model.fields), units: nameIndex(model.units), register, defaults, today };
}

/** "Câu 1. …", "Câu hỏi số 2: …" → the question without its number. */
function stripQuestionNumber(q: string): string {
  return q.replace(/^câu(?:\s+hỏi)?(?:\s+số)?\s*\d+\s*[:.)–—-]\s*/iu, '').trim();
}

const quote = (s: string) => `"${oneLine(s)}"`;

export type ConvertResult = { entry: ConvertedEntry } | { skip: ReportSkip };

export function convertRecord(rec: SourceRecord, ctx: ConvertContext): ConvertResult {
  const v = rec.values;
  const missing: string[] = [];
  const review: string[] = [];
  const text = (key: ImportKey): string => v[key]?.text.trim() ?? '';
  const label = describeKey;

  let question = oneLine(stripQuestionNumber(text('question')));
  const rawBody = text('body');
  let body = rawBody ? (rec.bodyIsMarkdown ? rawBody : cellTextToMarkdown(rawBody)) : '';
  const rawSummary = oneLine(text('summary'));

  if (!question && !body && !rawSummary) {
    const present = [...Object.keys(v), ...rec.extras.map((x) => `"${x.header}"`)].join(', ');
    return { skip: { source: rec.source, reason: `no question and no answer (it has only: ${present || 'nothing readable'})` } };
  }
  if (!question) {
    question = `Chưa có câu hỏi (${rec.source})`;
    missing.push('question (Câu hỏi)');
  }

  // Short answer and full answer.
  let summary: string;
  if (rawSummary) {
    summary = truncateAtWord(rawSummary);
    if (summary !== rawSummary) {
      if (!body) body = cellTextToMarkdown(text('summary'));
      else review.push(`the short answer had ${[...rawSummary].length} characters (at most ${SUMMARY_MAX}): it was cut; full text: ${quote(rawSummary)}`);
      review.push(`short answer cut to ${SUMMARY_MAX} characters at a word boundary`);
    }
    if (!body) review.push('no full answer (Trả lời): the entry has only the short answer');
  } else if (body) {
    summary = defaultSummary(body);
    review.push('short answer (Trả lời ngắn) generated from the first sentence(s) of the answer');
  } else {
    summary = NO_ANSWER_SUMMARY;
    missing.push('answer (Trả lời)');
  }

  // Field and owner: a row's own value, else the Word section, else the command-line default.
  let field = ctx.defaults.field;
  if (text('field')) {
    const id = ctx.fields.get(nameKey(text('field')));
    if (id) field = id;
    else missing.push(`${label('field')} ${quote(text('field'))} is not a field of the content root (filed under "${field}" for now)`);
  } else if (rec.sectionField) field = rec.sectionField;

  let owner = ctx.defaults.owner;
  if (text('owner')) {
    const id = ctx.units.get(nameKey(text('owner')));
    if (id) owner = id;
    else missing.push(`${label('owner')} ${quote(text('owner'))} is not a unit of the content root (set to "${owner}" for now; add the unit to units/ or correct the name)`);
  }

  // Levels.
  let levels: Level[] = [];
  if (text('levels')) {
    const parsed = parseLevels(text('levels'));
    levels = parsed.levels;
    if (parsed.unknown.length) review.push(`${label('levels')}: could not read ${parsed.unknown.map(quote).join(', ')}`);
  }
  if (levels.length === 0) {
    levels = ['commune'];
    review.push(text('levels') ? `levels set to commune (xã): ${quote(text('levels'))} names no level` : 'levels not given: set to commune (xã)');
  }

  // Dates.
  const dateOf = (key: 'answered' | 'reviewed' | 'asked'): string | undefined => {
    const cell: Cell | undefined = v[key];
    if (!cell || !cell.text.trim()) return undefined;
    const d = parseDate(cell);
    if (!d) {
      review.push(`${label(key)} ${quote(cell.text)} is not a date (dd/mm/yyyy or yyyy-mm-dd)${key === 'asked' ? ': left out' : ''}`);
      return undefined;
    }
    if (key !== 'asked' && d > ctx.today) {
      review.push(`${label(key)} ${d} is in the future (today is ${ctx.today})`);
      return undefined;
    }
    return d;
  };
  let answered = dateOf('answered');
  if (!answered) {
    answered = ctx.today;
    review.push(`answer date set to the import date ${ctx.today}${v.answered ? '' : ' (no Ngày trả lời given)'}`);
  }
  const reviewed = dateOf('reviewed') ?? answered;
  const asked = dateOf('asked');

  // Lists and plain text.
  const data: ConvertedEntry['data'] = { question, summary, field, owner, levels, answered, reviewed };
  const topic = oneLine(text('topic')) || rec.sectionTopic;
  if (topic) data.topic = topic;
  if (text('aliases')) data.aliases = splitLines(text('aliases'));
  if (text('legal_basis')) {
    const items = text('legal_basis')
      .split('\n')
      .map((line) => parseLegalBasisLine(line, ctx.register))
      .filter((i): i is LegalBasisItem => i !== undefined);
    const link = v.legal_basis?.link;
    if (link && items.length === 1 && !items[0].url) items[0].url = link;
    data.legal_basis = items;
  }
  if (text('can')) data.can = splitLines(text('can'));
  if (text('cannot')) data.cannot = splitLines(text('cannot'));
  if (text('asked_by')) data.asked_by = oneLine(text('asked_by'));
  if (asked) data.asked = asked;
  if (text('review_months')) {
    const n = v.review_months?.number ?? Number(text('review_months'));
    if (Number.isInteger(n) && n >= 1 && n <= 120) data.review_months = n;
    else review.push(`${label('review_months')} ${quote(text('review_months'))} is not a whole number of months (1–120): left out`);
  }
  if (text('tags')) data.tags = splitTags(text('tags'));
  const extras = [...rec.extras, ...otherKeys(rec, data, review)];

  let status: EntryData['status'] = 'published';
  if (text('status')) {
    const s = parseStatus(text('status'));
    if (s) status = s;
    else missing.push(`${label('status')} ${quote(text('status'))} is neither draft (nháp) nor published (công bố)`);
  }
  if (missing.length) status = 'draft';
  if (status === 'draft') data.status = 'draft'; // published is the contract's default: not written

  let requestedId: string | undefined;
  if (text('id')) {
    if (isSlug(text('id'))) requestedId = text('id');
    else review.push(`${label('id')} ${quote(text('id'))} is not a valid id (a-z, 0-9, hyphens): the id was made from the question`);
  }

  return { entry: { source: rec.source, data, requestedId, body, missing, review, extras } };
}

/** Keys converted above, each with its own rules. */
const CONVERTED = new Set<ImportKey>([
  'id', 'question', 'summary', 'body', 'field', 'owner', 'levels', 'topic', 'aliases', 'legal_basis', 'can', 'cannot',
  'asked_by', 'asked', 'answered', 'reviewed', 'review_months', 'status', 'tags',
]);

/**
 * Keys of the contract without a rule above (added to the schema since): text and lists of text are
 * taken as written, dates are parsed; any other value is returned as an extra, kept as a comment in
 * the entry for a person to write into the frontmatter. Nothing is dropped.
 */
function otherKeys(rec: SourceRecord, data: ConvertedEntry['data'], review: string[]): { header: string; text: string }[] {
  const kept: { header: string; text: string }[] = [];
  const shape = entrySchema.shape as Record<string, Parameters<typeof valueKind>[0]>;
  for (const key of IMPORT_KEYS) {
    const cell = rec.values[key];
    const raw = cell?.text.trim() ?? '';
    if (CONVERTED.has(key) || !cell || !raw) continue;
    const kind = valueKind(shape[key]!);
    const set = (value: unknown) => ((data as Record<string, unknown>)[key] = value);
    const date = kind === 'date' ? parseDate(cell) : undefined;
    if (kind === 'text') set(oneLine(raw));
    else if (kind === 'text list') set(splitLines(raw));
    else if (date) set(date);
    else {
      kept.push({ header: key, text: raw });
      review.push(`${describeKey(key)} ${quote(raw)} was not converted: kept as a comment in the entry`);
    }
  }
  return kept;
}
