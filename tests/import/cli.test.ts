// `npm run import` as a department runs it: exit codes, the report, --dry-run, --json, --mapping,
// --force, and clear errors that write nothing for malformed files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { FIXTURE_TODAY, FIXTURES, makeRoot } from '../helpers/fixture-root.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = path.join(FIXTURES, 'import');
const DEFAULTS = ['--field', 'dien-luc', '--owner', 'so-cong-thuong-nghe-an'];

function runImport(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['src/cli/import.ts', ...args], {
    cwd: PROJECT,
    env: { ...process.env, HOIDAP_CONTENT: root, HOIDAP_BUILD_DATE: FIXTURE_TODAY },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function check(root: string) {
  return spawnSync(process.execPath, ['src/cli/check.ts', '--skip-types'], {
    cwd: PROJECT,
    env: { ...process.env, HOIDAP_CONTENT: root, HOIDAP_BUILD_DATE: FIXTURE_TODAY },
    encoding: 'utf8',
  });
}

/** Every file under a root, to prove a failed import wrote nothing. */
function listing(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).sort();
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-import-'));

describe('npm run import', () => {
  it('imports sample.xlsx, prints the report and leaves a root that npm run check passes', () => {
    const root = makeRoot();
    const run = runImport(root, path.join(SAMPLES, 'sample.xlsx'), ...DEFAULTS);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created 5 entries: 3 published, 2 draft(s); 2 need review; 0 skipped.');
    expect(run.stdout).toMatch(/Drafts \(2\)[\s\S]*missing: answer \(Trả lời\)[\s\S]*missing: owner \(Đơn vị trả lời\) "Phòng Kinh tế xã Hạnh Lâm"/);
    expect(run.stdout).toMatch(/Needs review \(2\)[\s\S]*short answer \(Trả lời ngắn\) generated/);
    const checked = check(root);
    expect(checked.stdout).toContain('5 published, 3 draft, 1 superseded, 0 withdrawn entries');
    expect(checked.status).toBe(0);
  });

  it('writes nothing with --dry-run and reports as JSON with --json', () => {
    const root = makeRoot();
    const before = listing(root);
    const run = runImport(root, path.join(SAMPLES, 'sample.docx'), ...DEFAULTS, '--dry-run', '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, dryRun: true, format: 'docx', skipped: [] });
    expect(report.created).toHaveLength(4);
    expect(report.created[3]).toMatchObject({ source: 'question 4', status: 'draft', missing: ['answer (Trả lời)'] });
    expect(listing(root)).toEqual(before);
  });

  it('writes to --out and maps custom headers with --mapping', () => {
    const root = makeRoot();
    const out = tmp();
    const run = runImport(
      root,
      path.join(SAMPLES, 'custom.csv'),
      ...DEFAULTS,
      '--mapping',
      path.join(SAMPLES, 'custom-mapping.json'),
      '--out',
      out,
    );
    expect(run.status).toBe(0);
    const file = path.join(out, 'xa-co-phai-bao-cao-dinh-ky-tinh-hinh-su-dung-dien-trong-cac-cong-so-khong.md');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('question: Xã có phải báo cáo định kỳ tình hình sử dụng điện trong các công sở không?\n');
    expect(text).toContain('answered: 2025-06-05\n');
    expect(text).toContain('\n---\nCó. UBND cấp xã báo cáo 6 tháng một lần về Sở Công Thương.');
    expect(text).not.toContain('đã gửi xã'); // "Ghi chú nội bộ" is mapped to null: dropped on purpose
  });

  it('refuses custom headers without a mapping, naming the file and the headers', () => {
    const root = makeRoot();
    const before = listing(root);
    const run = runImport(root, path.join(SAMPLES, 'custom.csv'), ...DEFAULTS);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('custom.csv: no question column found (the first row has: "Số TT", "Vấn đề cần hỏi"');
    expect(run.stderr).toContain('--mapping');
    expect(listing(root)).toEqual(before);
  });

  it('never overwrites: existing ids get a suffix, questions already in the root need --force', () => {
    const root = makeRoot();
    const csv = path.join(tmp(), 'dup.csv');
    fs.writeFileSync(
      csv,
      'Câu hỏi,Trả lời,Ngày trả lời,Cấp\n' +
        'Hành lang an toàn lưới điện,Là khoảng không gian dọc theo đường dây dẫn điện.,01/02/2026,xã\n' +
        'Ai cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình?,UBND cấp xã.,01/02/2026,xã\n',
    );

    const first = runImport(root, csv, ...DEFAULTS);
    expect(first.status).toBe(1);
    // "hanh-lang-an-toan-luoi-dien" is the id of an existing entry (with another question): suffix -2.
    expect(first.stdout).toContain('entries/dien-luc/imported/hanh-lang-an-toan-luoi-dien-2.md');
    expect(first.stdout).toMatch(/Skipped, NOT imported \(1\):\n {2}row 3: the content root already has this question: entry "dang-ky-dat-dai-lan-dau"/);
    expect(first.stdout).toContain('use --force');

    const again = runImport(root, csv, ...DEFAULTS, '--force');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('hanh-lang-an-toan-luoi-dien-3.md');
    expect(again.stdout).toContain('ai-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau-cho-ho-gia-dinh.md');
    const { issues } = readContentRoot(root, FIXTURE_TODAY);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'entries/a/hanh-lang.md'), 'utf8')).toContain('id: hanh-lang-an-toan-luoi-dien\n');
  });

  it('fails with exit code 2 on an unknown field or owner, and on missing arguments', () => {
    const root = makeRoot();
    const field = runImport(root, path.join(SAMPLES, 'sample.csv'), '--field', 'xay-dung', '--owner', 'bo-cong-thuong');
    expect(field.status).toBe(2);
    expect(field.stderr).toContain('unknown field "xay-dung"');
    expect(field.stderr).toContain('dat-dai, dien-luc');
    const owner = runImport(root, path.join(SAMPLES, 'sample.csv'), '--field', 'dat-dai', '--owner', 'so-xay-dung');
    expect(owner.status).toBe(2);
    expect(owner.stderr).toContain('unknown owner "so-xay-dung"');
    const missing = runImport(root, path.join(SAMPLES, 'sample.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--field and --owner are required');
    const xls = runImport(root, 'bang-hoi-dap.xls', ...DEFAULTS);
    expect(xls.status).toBe(2);
    expect(xls.stderr).toContain('save it as .xlsx');
  });
});

describe('malformed files give clear errors naming the file and write nothing', async () => {
  const dir = tmp();
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  // A real workbook without a question column.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRows([['Tên', 'Ghi chú'], ['a', 'b']]);
  const noQuestion = path.join(dir, 'no-question.xlsx');
  await wb.xlsx.writeFile(noQuestion);
  // A Word document without any question.
  const { Document, Packer, Paragraph } = await import('docx');
  const doc = new Document({ sections: [{ children: [new Paragraph('Báo cáo tình hình thực hiện nhiệm vụ năm 2025.')] }] });
  const noQuestions = file('no-questions.docx', await Packer.toBuffer(doc));

  const cases: [string, string, RegExp][] = [
    ['empty CSV', file('empty.csv', ''), /empty\.csv: the file is empty/],
    ['empty workbook file', file('empty.xlsx', ''), /empty\.xlsx: the file is empty/],
    ['text renamed to .xlsx', file('fake.xlsx', 'Câu hỏi;Trả lời\n'), /fake\.xlsx: not a real \.xlsx workbook/],
    ['broken zip as .xlsx', file('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])), /broken\.xlsx: cannot open the workbook, the file is damaged/],
    ['broken zip as .docx', file('broken.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])), /broken\.docx: cannot open the Word document, the file is damaged/],
    ['workbook renamed to .docx', file('workbook.docx', fs.readFileSync(path.join(SAMPLES, 'sample.xlsx'))), /workbook\.docx: cannot open the Word document/],
    ['Windows-1258 CSV', file('ansi.csv', Buffer.from([0x43, 0xe2, 0x75, 0x20, 0x68, 0xf5, 0x69, 0x0a, 0x61, 0x0a])), /ansi\.csv: the file is not UTF-8 text.*CSV UTF-8/],
    ['UTF-16 CSV', file('utf16.csv', Buffer.from('\ufeffCâu hỏi\na\n', 'utf16le')), /utf16\.csv: the file is UTF-16 text/],
    ['CSV without a question column', file('columns.csv', 'Tên,Ghi chú\na,b\n'), /columns\.csv: no question column found \(the first row has: "Tên", "Ghi chú"\)/],
    ['CSV with only headers', file('headers.csv', 'Câu hỏi,Trả lời\n'), /headers\.csv: no rows to import under the header row/],
    ['CSV with an unclosed quote', file('quote.csv', 'Câu hỏi,Trả lời\n"Xã có được,abc\n'), /quote\.csv: broken CSV/],
    ['workbook without a question column', noQuestion, /no-question\.xlsx: no question column found/],
    ['Word document without questions', noQuestions, /no-questions\.docx: no questions found/],
    ['missing file', path.join(dir, 'khong-co.csv'), /khong-co\.csv: file not found/],
  ];

  for (const [name, input, message] of cases) {
    it(name, () => {
      const root = makeRoot();
      const before = listing(root);
      const run = runImport(root, input, ...DEFAULTS);
      expect(run.stderr).toMatch(message);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(listing(root)).toEqual(before);
    });
  }

  it('reports the error as JSON with --json', () => {
    const root = makeRoot();
    const run = runImport(root, path.join(dir, 'empty.csv'), ...DEFAULTS, '--json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, error: expect.stringContaining('empty.csv: the file is empty'), exitCode: 1 });
  });
});
