// Questions from a CSV/XLSX export of a portal's intake: one question per row, read with the
// importer's spreadsheet reading (src/import/spreadsheet.ts). Headers are matched loosely
// (Vietnamese with or without marks, or the contract's key names).
import path from 'node:path';
import { readCsv, readXlsx, type Sheet } from '../import/spreadsheet.ts';
import { fold } from '../search/fold.ts';
import type { NewQuestionInput } from './record.ts';

const HEADERS: Record<string, keyof NewQuestionInput> = {
  'cau hoi': 'question', 'noi dung': 'question', 'noi dung cau hoi': 'question', question: 'question',
  'linh vuc': 'field', field: 'field',
  'noi hoi': 'asked_by', 'don vi hoi': 'asked_by', 'nguoi hoi': 'asked_by', 'co quan hoi': 'asked_by', 'asked by': 'asked_by',
  'thoi gian': 'asked', 'thoi gian hoi': 'asked', 'thoi gian gui': 'asked', 'ngay hoi': 'asked', 'ngay gui': 'asked', asked: 'asked',
  'lien he': 'contact', 'email': 'contact', 'dien thoai': 'contact', contact: 'contact',
  'don vi tra loi': 'assigned_to', 'giao cho': 'assigned_to', 'assigned to': 'assigned_to',
  'ma': 'id', id: 'id',
};

const keyOf = (header: string) => HEADERS[fold(header).replace(/[_*:]+/g, ' ').replace(/\s+/g, ' ').trim()];

/**
 * A time as written in a portal export: ISO 8601 with offset kept as is; without offset, or written
 * dd/mm/yyyy hh:mm, it is read as Vietnam time (+07:00) and written with that offset.
 */
export function normalizeAskedTime(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return t;
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}+07:00`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m && m[4]) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}+07:00`;
  return t; // left for the schema to reject with its message
}

export interface SheetQuestion {
  row: number;
  input: Partial<NewQuestionInput>;
}

export async function readQuestionSheet(file: string, fieldIdOfName: (name: string) => string | undefined): Promise<SheetQuestion[]> {
  const ext = path.extname(file).toLowerCase();
  const sheets: Sheet[] = ext === '.xlsx' ? await readXlsx(file) : ext === '.csv' ? readCsv(file) : [];
  if (!sheets.length) throw new Error(`${file}: expected a .csv or .xlsx file`);
  const out: SheetQuestion[] = [];
  for (const sheet of sheets) {
    const headerAt = sheet.rows.findIndex((r) => r.cells.some((c) => keyOf(c.text) === 'question'));
    if (headerAt < 0) continue;
    const keys = sheet.rows[headerAt].cells.map((c) => keyOf(c.text));
    for (const row of sheet.rows.slice(headerAt + 1)) {
      if (row.cells.every((c) => !c.text.trim())) continue;
      const input: Partial<NewQuestionInput> = {};
      row.cells.forEach((c, i) => {
        const key = keys[i];
        if (key && c.text.trim()) input[key] = c.text.trim();
      });
      if (input.field) input.field = fieldIdOfName(input.field) ?? input.field;
      if (input.asked) input.asked = normalizeAskedTime(input.asked);
      out.push({ row: row.number, input });
    }
  }
  if (!out.length) throw new Error(`${file}: no header row with a "Câu hỏi" (question) column, or no rows under it`);
  return out;
}
