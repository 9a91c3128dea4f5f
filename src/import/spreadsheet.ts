// Spreadsheets (.xlsx with exceljs, .csv with papaparse) → one SourceRecord per row.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describeKey, keyOfHeader, type ColumnMeaning, type HeaderMapping } from './headers.ts';
import { ImportError, type Cell, type ImportKey, type ReportSkip, type SourceRecord } from './types.ts';

export interface Sheet {
  /** Worksheet name; undefined for CSV. */
  name?: string;
  rows: { number: number; cells: Cell[] }[];
}

/** How many rows from the top are searched for the header row (title rows may come first). */
const HEADER_SEARCH_ROWS = 10;

const EMPTY: Cell = { text: '' };

function normalizeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').normalize('NFC');
}

/** Reads a file, failing with a clear message when it is missing or empty. */
export function readBytes(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new ImportError(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 2);
  }
  if (bytes.length === 0) throw new ImportError(`${file}: the file is empty`);
  return bytes;
}

/** CSV bytes → text: UTF-8 (with or without BOM) only, anything else is refused with a hint. */
export function decodeCsv(file: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(`${file}: the file is UTF-16 text; save it as "CSV UTF-8 (Comma delimited)" and import it again`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError(
      `${file}: the file is not UTF-8 text (Vietnamese letters would be garbled); in Excel use "Save As" → "CSV UTF-8 (Comma delimited)" and import it again`,
    );
  }
  if (!text.trim()) throw new ImportError(`${file}: the file is empty`);
  return text;
}

export function readCsv(file: string): Sheet[] {
  const text = decodeCsv(file, readBytes(file));
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    throw new ImportError(`${file}: broken CSV at row ${(fatal.row ?? 0) + 1}: ${fatal.message} (a quoted cell is not closed)`);
  }
  const rows = parsed.data.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => ({ text: normalizeText(c) })) }));
  return [{ rows }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** An exceljs cell value → Cell. Dates stay dates; rich text, hyperlinks and formula results become text. */
export function excelCell(value: ExcelJS.CellValue | unknown): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return EMPTY;
    const iso = value.toISOString().slice(0, 10);
    return { text: iso, date: iso };
  }
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') return { text: normalizeText(value) };
  if (isObject(value)) {
    if (Array.isArray(value.richText)) {
      return { text: normalizeText((value.richText as { text?: string }[]).map((r) => r.text ?? '').join('')) };
    }
    if ('hyperlink' in value) {
      const inner = excelCell(value.text);
      const link = typeof value.hyperlink === 'string' && /^https?:\/\//.test(value.hyperlink) ? value.hyperlink : undefined;
      return { ...inner, text: inner.text || (link ?? ''), link };
    }
    if ('formula' in value || 'sharedFormula' in value) return excelCell(value.result);
    if ('error' in value) return EMPTY;
    if ('text' in value) return excelCell(value.text);
  }
  return { text: normalizeText(String(value)) };
}

export async function readXlsx(file: string): Promise<Sheet[]> {
  const bytes = readBytes(file);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ImportError(`${file}: this is an old Excel 97-2003 (.xls) workbook; open it in Excel, save it as .xlsx and import it again`);
  }
  if (!bytes.subarray(0, 2).equals(Buffer.from('PK'))) {
    throw new ImportError(`${file}: not a real .xlsx workbook (an .xlsx file is a zip archive; this one is not)`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // Cast justified: exceljs types its Buffer against an older @types/node; the bytes are a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new ImportError(`${file}: cannot open the workbook, the file is damaged or not an .xlsx workbook (${(err as Error).message})`);
  }
  if (workbook.worksheets.length === 0) throw new ImportError(`${file}: the workbook has no worksheets`);
  return workbook.worksheets.map((ws) => {
    const rows: Sheet['rows'] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(excelCell(row.getCell(c).value));
      rows.push({ number: r, cells });
    }
    return { name: ws.name, rows };
  });
}

const isBlank = (cells: Cell[]) => cells.every((c) => !c.text.trim());

export interface SheetRecords {
  records: SourceRecord[];
  notes: string[];
  /** Sheets with data but no question column (multi-sheet workbooks only). */
  skipped: ReportSkip[];
}

/**
 * Finds the header row (the first of the top rows with a question column) and turns every row under
 * it into a record. Throws when no row has a question column, or two columns feed the same key.
 */
export function sheetRecords(file: string, sheet: Sheet, mapping: HeaderMapping, multiSheet: boolean): SheetRecords {
  const where = sheet.name !== undefined && multiSheet ? `sheet "${sheet.name}" ` : '';
  const meaningsOf = (cells: Cell[]): ColumnMeaning[] => cells.map((c) => keyOfHeader(c.text, mapping));
  const headerAt = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => meaningsOf(r.cells).includes('question'));
  if (headerAt < 0) {
    const firstRow = sheet.rows.find((r) => !isBlank(r.cells));
    const headers = firstRow ? firstRow.cells.map((c) => c.text.trim()).filter(Boolean) : [];
    throw new ImportError(
      `${file}: ${where}no question column found` +
        (headers.length ? ` (the first row has: ${headers.map((h) => `"${h}"`).join(', ')})` : ' (the sheet is empty)') +
        `; name the question column "Câu hỏi" (or "question"), or map it with --mapping`,
    );
  }
  const header = sheet.rows[headerAt];
  const meanings = meaningsOf(header.cells);
  const seen = new Map<ImportKey, string>();
  const notes: string[] = [];
  header.cells.forEach((cell, i) => {
    const m = meanings[i];
    const name = cell.text.trim().replace(/\s+/g, ' ');
    if (m && m !== 'ignore') {
      const other = seen.get(m);
      if (other !== undefined) {
        throw new ImportError(
          `${file}: ${where}columns "${other}" and "${name}" both hold the ${describeKey(m)}; rename one or use --mapping to say which is which`,
        );
      }
      seen.set(m, name);
    } else if (m === undefined && name) {
      notes.push(`${where}column "${name}" matches no entry key: its values are kept as comments in the entries (map it with --mapping, or to null to drop it)`);
    }
  });

  const records: SourceRecord[] = [];
  for (const row of sheet.rows.slice(headerAt + 1)) {
    const values: SourceRecord['values'] = {};
    const extras: SourceRecord['extras'] = [];
    let hasContent = false;
    row.cells.forEach((cell, i) => {
      const text = cell.text.trim();
      if (!text) return;
      const m = meanings[i];
      if (m === 'ignore') return;
      hasContent = true;
      const trimmed = { ...cell, text };
      if (m) values[m] = trimmed;
      else extras.push({ header: header.cells[i]?.text.trim().replace(/\s+/g, ' ') || `column ${i + 1}`, text });
    });
    if (!hasContent) continue; // completely empty (or only a row number): nothing to import
    records.push({ source: `${where}row ${row.number}`, values, extras });
  }
  return { records, notes, skipped: [] };
}

/** True when one of the top rows names at least one column the importer knows. */
function looksLikeQa(sheet: Sheet, mapping: HeaderMapping): boolean {
  return sheet.rows.slice(0, HEADER_SEARCH_ROWS).some((r) => r.cells.some((c) => {
    const m = keyOfHeader(c.text, mapping);
    return m !== undefined && m !== 'ignore';
  }));
}

/**
 * Every record of a workbook or CSV file. A sheet without a question column fails the import when it is
 * the only sheet with data; otherwise it is reported as skipped.
 */
export async function readSpreadsheet(file: string, format: 'xlsx' | 'csv', mapping: HeaderMapping): Promise<SheetRecords> {
  const sheets = format === 'csv' ? readCsv(file) : await readXlsx(file);
  const usable = sheets.filter((s) => !isBlank(s.rows.flatMap((r) => r.cells)));
  if (usable.length === 0) throw new ImportError(`${file}: the file has no data`);
  const records: SourceRecord[] = [];
  const notes: string[] = [];
  const skipped: ReportSkip[] = [];
  let failure: ImportError | undefined;
  let failed = 0;
  for (const sheet of usable) {
    try {
      const got = sheetRecords(file, sheet, mapping, usable.length > 1);
      records.push(...got.records);
      notes.push(...got.notes);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      failure ??= err;
      failed += 1;
      const prefix = `${file}: sheet "${sheet.name}" `;
      const reason = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
      // A sheet with no known column at all (instructions, lists of units) is not a Q&A table: a note.
      // One with some known columns is a Q&A table with a misnamed question column: not imported.
      if (looksLikeQa(sheet, mapping)) skipped.push({ source: `sheet "${sheet.name}"`, reason: `${reason}; the sheet was not imported` });
      else notes.push(`sheet "${sheet.name}" was not imported: it has no question column and no other known column`);
    }
  }
  if (failure && failed === usable.length) throw failure;
  return { records, notes, skipped };
}
