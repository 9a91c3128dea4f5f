// The importer's parts: header matching, values, legal basis lines, summaries, Word segmentation,
// and rows that cannot be converted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { convertRecord, contextFor } from '../../src/import/convert.ts';
import { htmlToMarkdown, segmentMarkdown } from '../../src/import/docx.ts';
import { checkBody } from '../../src/content/markdown-safety.ts';
import { keyOfHeader, normalizeHeader, readMapping } from '../../src/import/headers.ts';
import { documentIndex, parseLegalBasisLine } from '../../src/import/legal-basis.ts';
import { runImport } from '../../src/import/run.ts';
import { cellTextToMarkdown, defaultSummary, truncateAtWord } from '../../src/import/text.ts';
import { ImportError, type SourceRecord } from '../../src/import/types.ts';
import { parseDate, parseLevels, splitTags } from '../../src/import/values.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-import-'));

describe('headers', () => {
  it('match contract keys and Vietnamese headers regardless of case, diacritics, notes and punctuation', () => {
    expect(normalizeHeader('  Căn cứ pháp lý (mỗi dòng một văn bản): ')).toBe('can cu phap ly');
    expect(keyOfHeader('CÂU HỎI')).toBe('question');
    expect(keyOfHeader('cau hoi')).toBe('question');
    expect(keyOfHeader('Trả lời')).toBe('body');
    expect(keyOfHeader('Nội dung trả lời')).toBe('body');
    expect(keyOfHeader('Trả lời ngắn')).toBe('summary');
    expect(keyOfHeader('Tóm tắt')).toBe('summary');
    expect(keyOfHeader('legal_basis')).toBe('legal_basis');
    expect(keyOfHeader('Đơn vị chủ trì')).toBe('owner');
    expect(keyOfHeader('Người hỏi')).toBe('asked_by');
    expect(keyOfHeader('Cấp')).toBe('levels');
    expect(keyOfHeader('Không được làm')).toBe('cannot');
    expect(keyOfHeader('Từ khoá')).toBe('tags');
    expect(keyOfHeader('STT')).toBe('ignore');
    expect(keyOfHeader('Ghi chú')).toBeUndefined();
  });

  it('read a mapping file, and refuse a mapping to an unknown key', () => {
    const dir = tmp();
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ 'Vấn đề': 'question', 'Ghi chú': null }));
    const mapping = readMapping(good);
    expect(keyOfHeader('VẤN ĐỀ', mapping)).toBe('question');
    expect(keyOfHeader('ghi chu', mapping)).toBe('ignore');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ 'Vấn đề': 'cau_hoi' }));
    expect(() => readMapping(bad)).toThrow(/bad\.json: column "Vấn đề" maps to "cau_hoi", which is not one of: id, question/);
  });
});

describe('values', () => {
  it('read Excel dates, dd/mm/yyyy, yyyy-mm-dd and Vietnamese written dates; refuse impossible ones', () => {
    expect(parseDate({ text: '2025-08-05', date: '2025-08-05' })).toBe('2025-08-05');
    expect(parseDate({ text: '45874', number: 45874 })).toBe('2025-08-05');
    expect(parseDate({ text: '5/8/2025' })).toBe('2025-08-05');
    expect(parseDate({ text: '05-08-2025' })).toBe('2025-08-05');
    expect(parseDate({ text: '05.08.2025 14:30' })).toBe('2025-08-05');
    expect(parseDate({ text: '2025-8-5' })).toBe('2025-08-05');
    expect(parseDate({ text: 'Ngày 05 tháng 8 năm 2025' })).toBe('2025-08-05');
    expect(parseDate({ text: '31/02/2025' })).toBeUndefined();
    expect(parseDate({ text: 'tháng 8' })).toBeUndefined();
  });

  it('read levels in Vietnamese and report the words they cannot read', () => {
    expect(parseLevels('xã, tỉnh')).toEqual({ levels: ['commune', 'province'], unknown: [] });
    expect(parseLevels('Cấp xã; cấp Bộ')).toEqual({ levels: ['commune', 'ministry'], unknown: [] });
    expect(parseLevels('Xã, phường và đặc khu')).toEqual({ levels: ['commune'], unknown: [] });
    expect(parseLevels('tỉnh/huyện')).toEqual({ levels: ['province'], unknown: ['huyện'] });
  });

  it('split tags on lines, commas and semicolons', () => {
    expect(splitTags('hành lang an toàn; lưới điện\n- xây dựng, Lưới điện')).toEqual(['hành lang an toàn', 'lưới điện', 'xây dựng']);
  });
});

describe('legal basis lines', () => {
  const register = new Map([['139/2025/nd-cp', 'nd-139-2025']]);
  const cases: [string, object][] = [
    ['Điều 22 khoản 3 Nghị định 62/2025/NĐ-CP', { document: 'Nghị định 62/2025/NĐ-CP', article: 'Điều 22 khoản 3' }],
    ['Khoản 2 Điều 5 Nghị định số 139/2025/NĐ-CP của Chính phủ', { document: 'Nghị định số 139/2025/NĐ-CP của Chính phủ', article: 'Khoản 2 Điều 5', ref: 'nd-139-2025' }],
    ['- Căn cứ Điểm a khoản 1 Điều 8 của Luật Điện lực 2024;', { document: 'Luật Điện lực 2024', article: 'Điểm a khoản 1 Điều 8' }],
    ['Nghị định 62/2025/NĐ-CP, Điều 22', { document: 'Nghị định 62/2025/NĐ-CP', article: 'Điều 22' }],
    ['Luật Đất đai 2024 (Điều 136)', { document: 'Luật Đất đai 2024', article: 'Điều 136' }],
    ['Thông tư 42/2025/TT-BCT', { document: 'Thông tư 42/2025/TT-BCT' }],
    ['Nghị định 62/2025/NĐ-CP quy định chi tiết một số điều của Luật Điện lực', { document: 'Nghị định 62/2025/NĐ-CP quy định chi tiết một số điều của Luật Điện lực' }],
    ['Nghị định 101/2024/NĐ-CP https://vbpl.vn/nd-101-2024', { document: 'Nghị định 101/2024/NĐ-CP', url: 'https://vbpl.vn/nd-101-2024' }],
    ['Điều 5 [Nghị định 151/2025/NĐ-CP](https://vbpl.vn/nd-151)', { document: 'Nghị định 151/2025/NĐ-CP', article: 'Điều 5', url: 'https://vbpl.vn/nd-151' }],
    ['Văn bản số 1234/UBND-KT của UBND tỉnh', { document: 'Văn bản số 1234/UBND-KT của UBND tỉnh' }],
  ];
  for (const [line, expected] of cases) {
    it(line, () => expect(parseLegalBasisLine(line, register)).toEqual(expected));
  }
  it('skip blank lines and index the register by document number', () => {
    expect(parseLegalBasisLine('  - ')).toBeUndefined();
    const { model } = readContentRoot(makeRoot(), FIXTURE_TODAY);
    expect(documentIndex(model.documents)).toEqual(new Map([...register, ['98/2020/nd-cp', 'nd-98-2020']]));
  });
});

describe('text', () => {
  it('keeps every line of a multi-line cell', () => {
    expect(cellTextToMarkdown('Xã thực hiện:\n• Lập biên bản;\n+ Báo cáo.\nGhi chú cuối\r\n1) Một\n2) Hai')).toBe(
      'Xã thực hiện:\n\n- Lập biên bản;\n- Báo cáo.\n\nGhi chú cuối\n\n1. Một\n2. Hai',
    );
  });

  it('makes a summary of the first sentences, at most 400 characters, cut at a word boundary', () => {
    expect(defaultSummary('Có. Xã được làm việc này.\n\nĐoạn hai rất dài.')).toBe('Có. Xã được làm việc này. Đoạn hai rất dài.');
    const long = `${'Ủy ban nhân dân cấp xã '.repeat(30)}kết thúc.`;
    const summary = defaultSummary(long);
    expect([...summary].length).toBeLessThanOrEqual(400);
    expect(summary.endsWith('…')).toBe(true);
    const kept = summary.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toBe(' '); // cut between words
    expect(truncateAtWord('một hai ba bốn', 9)).toBe('một hai…');
    expect(truncateAtWord('một hai', 9)).toBe('một hai');
  });
});

describe('Word segmentation', () => {
  const fields = new Map([
    ['dien luc', 'dien-luc'],
    ['dat dai', 'dat-dai'],
  ]);

  it('reads a question whose text follows a bare "Câu hỏi 1:" line, and answers without a marker', () => {
    const md = [
      '**Câu hỏi 1:**',
      'Xã có được cấp phép không?',
      '**Trả lời:**',
      'Không được.',
      'Câu 2. Xã có được kiểm tra không?',
      'Có, xã được kiểm tra.',
      'Đoạn thứ hai.',
    ].join('\n\n');
    const { records } = segmentMarkdown(md, fields);
    expect(records.map((r) => [r.values.question?.text, r.values.body?.text])).toEqual([
      ['Xã có được cấp phép không?', 'Không được.'],
      ['Xã có được kiểm tra không?', 'Có, xã được kiểm tra.\n\nĐoạn thứ hai.'],
    ]);
  });

  it('keeps the bold of an answer that starts with a bold "Trả lời:" run', () => {
    const { records } = segmentMarkdown('### Xã làm gì?\n\n**Trả lời: Lập biên bản** và báo cáo.', fields);
    expect(records[0].values.body?.text).toBe('**Lập biên bản** và báo cáo.');
  });

  it('takes field and topic from section headings, and leaves the title alone', () => {
    const md = '# Hỏi đáp 2025\n\n## Phần I: Lĩnh vực đất đai\n\n### Đăng ký\n\nHỏi: A?\n\nĐáp: B.\n\n## 2. Điện lực\n\n### C?\n\nD.';
    const { records } = segmentMarkdown(md, fields);
    expect(records.map((r) => [r.sectionField, r.sectionTopic])).toEqual([
      ['dat-dai', 'Đăng ký'],
      ['dien-luc', undefined],
    ]);
  });

  it('reads "Câu hỏi" and "Trả lời" written as headings, and reports text outside any question', () => {
    const md = '## Câu hỏi 1\n\nXã có được làm A không?\n\n## Trả lời\n\nCó.\n\n## Đất đai\n\nPhần này gồm các câu hỏi về đất.\n\nHỏi: B?\n\nĐáp: Không.';
    const { records, notes } = segmentMarkdown(md, fields);
    expect(records.map((r) => [r.values.question?.text, r.values.body?.text, r.sectionField])).toEqual([
      ['Xã có được làm A không?', 'Có.', undefined],
      ['B?', 'Không.', 'dat-dai'],
    ]);
    expect(notes).toEqual(['text after a section heading and outside any question was not imported (1 paragraph(s)): "Phần này gồm các câu hỏi về đất."']);
  });

  it('turns Word tables into GFM tables with cells on one line, without raw HTML', () => {
    // Issue 16: cells used to be joined with <br>, raw HTML that the guard rejects.
    const html = '<table><tr><td><p>A</p></td><td><p>B</p></td></tr><tr><td><p>1</p><p>2</p></td><td><p>x | y.</p><p>z</p></td></tr></table>';
    const md = htmlToMarkdown(html);
    expect(md).toBe('| A | B |\n| --- | --- |\n| 1; 2 | x \\| y. z |');
    expect(checkBody('x.md', md, 1, false)).toEqual([]);
  });
});

describe('rows that cannot be converted', () => {
  const { model } = readContentRoot(makeRoot(), FIXTURE_TODAY);
  const ctx = contextFor(model, new Map(), { field: 'dien-luc', owner: 'bo-cong-thuong' }, FIXTURE_TODAY);
  const record = (values: SourceRecord['values'], extras: SourceRecord['extras'] = []): SourceRecord => ({ source: 'row 9', values, extras });

  it('are skipped with their reason when they have no question and no answer', () => {
    expect(convertRecord(record({ answered: { text: '01/01/2025' } }, [{ header: 'Ghi chú', text: 'x' }]), ctx)).toEqual({
      skip: { source: 'row 9', reason: 'no question and no answer (it has only: answered, "Ghi chú")' },
    });
  });

  it('make the import exit non-zero but keep the other rows', async () => {
    const root = makeRoot();
    const csv = path.join(tmp(), 'rows.csv');
    fs.writeFileSync(csv, 'Câu hỏi,Trả lời,Lĩnh vực,Ghi chú\nXã làm gì?,Xã lập biên bản.,Điện lực,\n,,Điện lực,chỉ có ghi chú\n,,,\n');
    const report = await runImport({ input: csv, root, field: 'dien-luc', owner: 'bo-cong-thuong', today: FIXTURE_TODAY });
    expect(report.ok).toBe(false);
    expect(report.created.map((c) => c.id)).toEqual(['xa-lam-gi']);
    expect(report.skipped).toEqual([{ source: 'row 3', reason: 'no question and no answer (it has only: field, "Ghi chú")' }]);
  });

  it('an unknown field or owner in a row makes a draft filed under the defaults', () => {
    const result = convertRecord(record({ question: { text: 'A?' }, body: { text: 'B.' }, field: { text: 'Xây dựng' }, owner: { text: 'Bộ Xây dựng' } }), ctx);
    if (!('entry' in result)) throw new Error('expected an entry');
    expect(result.entry.data).toMatchObject({ field: 'dien-luc', owner: 'bo-cong-thuong', status: 'draft' });
    expect(result.entry.missing).toEqual([
      'field (Lĩnh vực) "Xây dựng" is not a field of the content root (filed under "dien-luc" for now)',
      'owner (Đơn vị trả lời) "Bộ Xây dựng" is not a unit of the content root (set to "bo-cong-thuong" for now; add the unit to units/ or correct the name)',
    ]);
  });
});

describe('workbooks with several sheets', () => {
  it('import every Q&A sheet, note sheets with no known column, skip Q&A sheets without a question column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').addRows([['Điền mỗi câu hỏi vào một dòng của sheet Điện lực.']]);
    wb.addWorksheet('Điện lực').addRows([['Câu hỏi', 'Trả lời'], ['Xã có được cấp phép không?', 'Không.']]);
    wb.addWorksheet('Đất đai').addRows([['Nội dung', 'Trả lời'], ['Hỏi gì đó', 'Đáp gì đó']]);
    const file = path.join(tmp(), 'nhieu-sheet.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await runImport({ input: file, root: makeRoot(), field: 'dien-luc', owner: 'bo-cong-thuong', today: FIXTURE_TODAY, dryRun: true });
    expect(report.created.map((c) => c.source)).toEqual(['sheet "Điện lực" row 2']);
    expect(report.notes).toEqual(['sheet "Hướng dẫn" was not imported: it has no question column and no other known column']);
    expect(report.skipped).toEqual([{ source: 'sheet "Đất đai"', reason: expect.stringContaining('no question column found') }]);
    expect(report.ok).toBe(false);
  });

  it('fail as a whole when no sheet has a question column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRows([['x']]);
    const file = path.join(tmp(), 'khong-co.xlsx');
    await wb.xlsx.writeFile(file);
    await expect(runImport({ input: file, root: makeRoot(), field: 'dien-luc', owner: 'bo-cong-thuong', today: FIXTURE_TODAY })).rejects.toThrow(ImportError);
  });
});

describe('spreadsheet cells', () => {
  it('read rich text, hyperlinks, formulas and merged cells; a hyperlinked legal basis becomes its url', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hỏi đáp');
    ws.addRow(['Câu hỏi', 'Trả lời', 'Căn cứ pháp lý', 'Lĩnh vực', 'Ngày trả lời', 'Cấp']);
    ws.addRow([
      { richText: [{ text: 'Xã có được ', font: { bold: true } }, { text: 'cấp phép không?' }] },
      'Không.',
      { text: 'Nghị định 62/2025/NĐ-CP', hyperlink: 'https://vbpl.vn/nd-62-2025' },
      'Điện lực',
      { formula: 'DATE(2025,8,5)', result: new Date(Date.UTC(2025, 7, 5)) },
      'xã',
    ]);
    ws.addRow(['Xã có được kiểm tra không?', 'Có.', null, null, 45874, 'xã']);
    ws.mergeCells('D2:D3');
    const file = path.join(tmp(), 'cells.xlsx');
    await wb.xlsx.writeFile(file);
    const root = makeRoot();
    const report = await runImport({ input: file, root, field: 'dat-dai', owner: 'bo-cong-thuong', today: FIXTURE_TODAY });
    expect(report.ok).toBe(true);
    const { model } = readContentRoot(root, FIXTURE_TODAY);
    const first = model.entries.find((e) => e.id === 'xa-co-duoc-cap-phep-khong')!;
    expect(first.data).toMatchObject({
      question: 'Xã có được cấp phép không?',
      field: 'dien-luc',
      answered: '2025-08-05',
      legal_basis: [{ document: 'Nghị định 62/2025/NĐ-CP', url: 'https://vbpl.vn/nd-62-2025' }],
    });
    const second = model.entries.find((e) => e.id === 'xa-co-duoc-kiem-tra-khong')!;
    expect(second.data).toMatchObject({ field: 'dien-luc', answered: '2025-08-05' }); // merged field cell, serial date
  });

  it('cut a short answer longer than 400 characters, keeping the full text', () => {
    const { model } = readContentRoot(makeRoot(), FIXTURE_TODAY);
    const ctx = contextFor(model, new Map(), { field: 'dien-luc', owner: 'bo-cong-thuong' }, FIXTURE_TODAY);
    const long = 'Xã tiếp nhận hồ sơ và chuyển cơ quan có thẩm quyền. '.repeat(10).trim();
    const onlySummary = convertRecord({ source: 'row 2', values: { question: { text: 'A?' }, summary: { text: long } }, extras: [] }, ctx);
    if (!('entry' in onlySummary)) throw new Error('expected an entry');
    expect([...onlySummary.entry.data.summary].length).toBeLessThanOrEqual(400);
    expect(onlySummary.entry.body).toBe(long); // nothing lost: the full text becomes the answer
    const withBody = convertRecord({ source: 'row 3', values: { question: { text: 'A?' }, summary: { text: long }, body: { text: 'Trả lời.' } }, extras: [] }, ctx);
    if (!('entry' in withBody)) throw new Error('expected an entry');
    expect(withBody.entry.review.join('\n')).toContain(`full text: "${long}"`);
  });
});
