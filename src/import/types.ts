// Shared types of `npm run import`: what a reader (spreadsheet, Word) hands to the converter, and
// what the converter hands to the writer and the report.
import { entrySchema, type EntryData } from '../schema/index.ts';
import { topLevelKeys } from '../schema/keys.ts';
import type { EntryDraft } from '../content/write-entry.ts';
import { CliError } from '../node/fail.ts';

/** An input problem that stops the whole import before anything is written. */
export class ImportError extends CliError {
  /** Process exit code: 1 for a malformed input file, 2 for a usage error (arguments, unknown ids). */
  get exitCode(): number {
    return this.code;
  }
  constructor(message: string, exitCode = 1) {
    super(message, exitCode);
    this.name = 'ImportError';
  }
}

/**
 * Entry keys an import does not fill: they name other entries, which a batch of new entries cannot
 * know yet (a column with such a header is kept as a comment in the entry, like any unknown column).
 */
export const NOT_IMPORTED = ['superseded_by', 'related'] as const satisfies readonly (keyof EntryData)[];
type NotImported = (typeof NOT_IMPORTED)[number];

/** A key a column (or a Word "Label: value" line) can feed: an entry key, or `body`, the full answer. */
export type ImportKey = Exclude<keyof EntryData, NotImported> | 'body';

/** Import keys, derived from the entry schema so a key added to the contract can be imported too. */
export const IMPORT_KEYS: readonly ImportKey[] = [
  ...(topLevelKeys(entrySchema) as (keyof EntryData)[]).filter((k): k is Exclude<keyof EntryData, NotImported> => !(NOT_IMPORTED as readonly string[]).includes(k)),
  'body',
];

/** One cell (or one labelled value in a Word document), as read. */
export interface Cell {
  /** Text with `\n` line breaks; empty when the cell is empty. */
  text: string;
  /** Set when the cell held a real date (Excel date cell): YYYY-MM-DD. */
  date?: string;
  /** Set when the cell held a number. */
  number?: number;
  /** Hyperlink target of the cell, when it had one. */
  link?: string;
}

/** What one spreadsheet row or one Word question yields, before conversion. */
export interface SourceRecord {
  /** Where it came from, for messages: `row 5`, `sheet "Điện lực" row 5`, `question 3`. */
  source: string;
  values: Partial<Record<ImportKey, Cell>>;
  /** Content of columns that map to no key: kept as comments in the entry so nothing is lost. */
  extras: { header: string; text: string }[];
  /** True when `body` is already Markdown (Word import); spreadsheet text is converted to Markdown. */
  bodyIsMarkdown?: boolean;
  /** Field and topic implied by the section headings of a Word document (a row's own columns win). */
  sectionField?: string;
  sectionTopic?: string;
}

/** A record converted to an entry, before it gets its id. */
export interface ConvertedEntry {
  source: string;
  /** Frontmatter without `id` (assigned by the importer from the question). */
  data: Omit<EntryDraft, 'id'> & { id?: string };
  /** Id the row asked for (an `id` column), when valid. */
  requestedId?: string;
  body: string;
  /** Required data that was missing or unusable: the entry is written as a draft. */
  missing: string[];
  /** Values that were defaulted or guessed: a person should check them. */
  review: string[];
  /** Column values that map to no key, kept as comments. */
  extras: { header: string; text: string }[];
}

export type ImportFormat = 'xlsx' | 'csv' | 'docx';

export interface ReportItem {
  source: string;
  id: string;
  /** Path of the file written (or that would be written with --dry-run). */
  file: string;
  status: 'published' | 'draft';
  question: string;
  missing: string[];
  review: string[];
}

export interface ReportSkip {
  source: string;
  reason: string;
}

export interface ImportReport {
  input: string;
  format: ImportFormat;
  root: string;
  dryRun: boolean;
  buildDate: string;
  /** Entries written (or that would be written with --dry-run), drafts included. */
  created: ReportItem[];
  /** Rows or questions that could not be converted: the import exits non-zero when there are any. */
  skipped: ReportSkip[];
  /** Things worth knowing that lose no data: ignored columns, text before the first question. */
  notes: string[];
  /** Problems `npm run check` found in the written files (should never happen). */
  checkErrors: string[];
  ok: boolean;
}
