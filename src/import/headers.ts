// Column headers → import keys. Headers are matched loosely (case, diacritics, punctuation and
// parenthesised notes ignored) against the contract's keys and the Vietnamese headers departments use.
import fs from 'node:fs';
import { fold } from '../search/fold.ts';
import { IMPORT_KEYS, ImportError, type ImportKey } from './types.ts';

/**
 * Vietnamese (and English) headers departments use for a key, besides the key itself ("legal_basis",
 * "asked_by" …). Data, not a key list: a key without aliases is still matched by its own name.
 */
const ALIASES: Partial<Record<ImportKey, string[]>> = {
  id: ['mã', 'mã câu hỏi', 'slug'],
  question: ['câu hỏi', 'nội dung câu hỏi', 'câu hỏi vướng mắc', 'vướng mắc', 'nội dung vướng mắc', 'hỏi'],
  summary: ['trả lời ngắn', 'tóm tắt', 'tóm tắt trả lời', 'trả lời tóm tắt', 'câu trả lời ngắn', 'short answer'],
  body: ['trả lời', 'nội dung trả lời', 'câu trả lời', 'giải đáp', 'nội dung giải đáp', 'đáp', 'answer'],
  field: ['lĩnh vực'],
  owner: ['đơn vị trả lời', 'đơn vị chủ trì', 'cơ quan trả lời', 'đơn vị'],
  levels: ['cấp thực hiện', 'cấp', 'cấp giải quyết', 'level'],
  topic: ['chủ đề', 'nhóm vấn đề', 'nhóm câu hỏi'],
  aliases: ['cách hỏi khác', 'câu hỏi tương tự'],
  legal_basis: ['căn cứ pháp lý', 'căn cứ', 'cơ sở pháp lý', 'văn bản căn cứ'],
  can: ['được làm', 'việc được làm'],
  cannot: ['không được làm', 'việc không được làm'],
  asked_by: ['nơi hỏi', 'người hỏi', 'đơn vị hỏi', 'địa phương hỏi', 'nơi gửi câu hỏi'],
  asked: ['ngày hỏi', 'ngày gửi câu hỏi'],
  answered: ['ngày trả lời', 'ngày giải đáp'],
  reviewed: ['ngày rà soát', 'ngày kiểm tra lại'],
  review_months: ['chu kỳ rà soát', 'số tháng rà soát'],
  status: ['trạng thái', 'tình trạng'],
  tags: ['từ khóa', 'từ khoá', 'nhãn'],
};

/** Headers of columns that carry nothing to import (row numbers): their content is dropped silently. */
const IGNORED = ['stt', 'tt', 'so tt', 'so thu tu', 'no'];

/** The form headers are compared in: folded, notes in parentheses removed, punctuation → spaces. */
export function normalizeHeader(header: string): string {
  return fold(header.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_HEADER = new Map<string, ImportKey>();
for (const key of IMPORT_KEYS) {
  BY_HEADER.set(normalizeHeader(key), key);
  for (const alias of ALIASES[key] ?? []) BY_HEADER.set(normalizeHeader(alias), key);
}

/** A column's meaning: an import key, `ignore` (row numbers, or mapped to null), or unknown. */
export type ColumnMeaning = ImportKey | 'ignore' | undefined;

/** Header → key from a mapping file; values null, "" or "ignore" drop the column. */
export type HeaderMapping = Map<string, ImportKey | 'ignore'>;

export function keyOfHeader(header: string, mapping: HeaderMapping = new Map()): ColumnMeaning {
  const norm = normalizeHeader(header);
  if (!norm) return undefined;
  const mapped = mapping.get(norm);
  if (mapped) return mapped;
  if (IGNORED.includes(norm)) return 'ignore';
  return BY_HEADER.get(norm);
}

/**
 * Import keys whose Word "Label: value" lines are read as data: all but the question and the answer
 * (they have markers of their own) and the keys a letter's prose would set by accident.
 */
const NOT_WORD_LABELS: readonly ImportKey[] = ['question', 'body', 'id', 'status', 'review_months'];
export const LABEL_KEYS: readonly ImportKey[] = IMPORT_KEYS.filter((k) => !NOT_WORD_LABELS.includes(k));

/** Reads a `--mapping` JSON file: `{ "Tên cột": "question", "Ghi chú": null }`. */
export function readMapping(file: string): HeaderMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportError(`${file}: cannot read the mapping file: ${(err as Error).message}`, 2);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ImportError(`${file}: the mapping file must be a JSON object like {"Tên cột": "question"}`, 2);
  }
  const mapping: HeaderMapping = new Map();
  for (const [header, value] of Object.entries(raw)) {
    if (value === null || value === '' || value === 'ignore') {
      mapping.set(normalizeHeader(header), 'ignore');
      continue;
    }
    if (typeof value !== 'string' || !(IMPORT_KEYS as readonly string[]).includes(value)) {
      throw new ImportError(
        `${file}: column "${header}" maps to ${JSON.stringify(value)}, which is not one of: ${IMPORT_KEYS.join(', ')} (or null to ignore the column)`,
        2,
      );
    }
    mapping.set(normalizeHeader(header), value as ImportKey);
  }
  return mapping;
}

/** Vietnamese header shown next to a key in messages: `answer (Trả lời)`. */
export function describeKey(key: ImportKey): string {
  const names: Partial<Record<ImportKey, string>> = {
    question: 'question (Câu hỏi)',
    body: 'answer (Trả lời)',
    summary: 'short answer (Trả lời ngắn)',
    field: 'field (Lĩnh vực)',
    owner: 'owner (Đơn vị trả lời)',
    levels: 'levels (Cấp thực hiện)',
    answered: 'answer date (Ngày trả lời)',
    reviewed: 'review date',
    asked: 'question date (Ngày hỏi)',
  };
  return names[key] ?? key;
}
