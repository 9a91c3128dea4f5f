// Cell values → contract values: dates, levels, lists, one-line text.
import { isRealIsoDate, type Level } from '../schema/common.ts';
import { fold } from '../search/fold.ts';
import type { Cell } from './types.ts';

/** Days between Excel's day 0 (1899-12-30, accounting for its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** An Excel serial day number (45874 → 2025-08-05), for date cells that lost their date format. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const ms = Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (n: string) => n.padStart(2, '0');

function iso(y: string, m: string, d: string): string | undefined {
  const value = `${y}-${pad(m)}-${pad(d)}`;
  return isRealIsoDate(value) ? value : undefined;
}

/**
 * A date cell as YYYY-MM-DD: Excel dates, `dd/mm/yyyy` (also with - or .), `yyyy-mm-dd`,
 * "ngày 5 tháng 8 năm 2025", an Excel serial number. A time after the date is ignored.
 * Returns undefined when the cell holds something else or an impossible date.
 */
export function parseDate(cell: Cell): string | undefined {
  if (cell.date) return cell.date;
  if (cell.number !== undefined) return cell.number > 20000 ? excelSerialToIso(cell.number) : undefined;
  const s = cell.text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return iso(m[1], m[2], m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return iso(m[3], m[2], m[1]);
  m = /^ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/.exec(fold(s).replace(/\s+/g, ' '));
  if (m) return iso(m[3], m[2], m[1]);
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  return undefined;
}

const LEVEL_WORDS: [RegExp, Level][] = [
  [/^(cap )?(xa|phuong|dac khu|xa phuong|xa phuong dac khu|co so|commune)$/, 'commune'],
  [/^(cap )?(tinh|thanh pho|tinh thanh pho|province)$/, 'province'],
  [/^(cap )?(bo|trung uong|bo nganh|ministry)$/, 'ministry'],
];

/** "xã, tỉnh" → [commune, province]. Words it cannot read are returned in `unknown`. */
export function parseLevels(text: string): { levels: Level[]; unknown: string[] } {
  const levels: Level[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;/\n+&]|\s+(?:và|va|and)\s+/i)) {
    const word = fold(part).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (!word) continue;
    const hit = LEVEL_WORDS.find(([re]) => re.test(word));
    if (hit) {
      if (!levels.includes(hit[1])) levels.push(hit[1]);
    } else unknown.push(part.trim());
  }
  return { levels, unknown };
}

/** Text on one line: whitespace runs (line breaks included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Leading list markers: "- ", "• ", "+ ", "1. ", "a) ", "1) ". */
const LIST_MARKER = /^\s*(?:[-–—•*+●○▪►✓]\s*|\d{1,3}[.)]\s+|[a-zđ][.)]\s+)/u;

/** A list item without its bullet or number. */
export function stripListMarker(line: string): string {
  return line.replace(LIST_MARKER, '').trim();
}

/** One item per line, bullets removed, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => oneLine(stripListMarker(l)))
    .filter(Boolean);
}

/** Tags: one per line, or separated by commas or semicolons. */
export function splitTags(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(/[\n,;]/).map((l) => oneLine(stripListMarker(l)))) {
    if (t && !out.some((o) => fold(o) === fold(t))) out.push(t);
  }
  return out;
}

/** Case/diacritic/punctuation-insensitive form of a name, to match a unit or field by its name. */
export function nameKey(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

const STATUS_WORDS: Record<string, 'draft' | 'published'> = {
  draft: 'draft',
  nhap: 'draft',
  'ban nhap': 'draft',
  'du thao': 'draft',
  'chua duyet': 'draft',
  published: 'published',
  'cong bo': 'published',
  'da cong bo': 'published',
  'da duyet': 'published',
  'phat hanh': 'published',
};

export function parseStatus(text: string): 'draft' | 'published' | undefined {
  return STATUS_WORDS[nameKey(text)];
}
