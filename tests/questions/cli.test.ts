// `npm run question` as a unit runs it, on copies of the questions fixture root (HOIDAP_NOW fixed):
// answering scaffolds an entry `npm run check` accepts and the question becomes answered, on time or
// late as its times say; add from flags, from an email body and from a CSV export; consult, decline,
// assign; `npm run check` lists overdue and long-consulting questions, and --strict fails on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { buildQuestionBoard } from '../../src/questions/board.ts';
import { FIXTURE_TODAY, FIXTURES, makeRoot } from '../helpers/fixture-root.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const QROOT = path.join(FIXTURES, 'questions');
const NOW = '2026-06-01T10:00:00+07:00';
const ENV = { HOIDAP_BUILD_DATE: FIXTURE_TODAY, HOIDAP_NOW: NOW };

function run(root: string, script: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: PROJECT, env: { ...process.env, ...ENV, HOIDAP_CONTENT: root }, encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const question = (root: string, ...args: string[]) => run(root, 'src/cli/question.ts', args);
const check = (root: string, ...args: string[]) => run(root, 'src/cli/check.ts', ['--skip-types', ...args]);
const readQ = (root: string, id: string) => YAML.parse(fs.readFileSync(path.join(root, 'questions/2026', `${id}.yaml`), 'utf8'), { schema: 'core' });
const clocked = (root: string, id: string) => {
  const { model } = readContentRoot(root, FIXTURE_TODAY, new Date(NOW));
  return buildQuestionBoard(model, new Date(NOW)).questions.find((q) => q.id === id)!;
};

describe('npm run question -- answer', () => {
  it('scaffolds an entry check accepts; the overdue question becomes answered and late', () => {
    const root = makeRoot({}, QROOT);
    const r = question(root, 'answer', 'q-dien-qua-han', '--at', '2026-06-01T09:30:00+07:00', '--summary', 'Sở Công Thương thẩm định; UBND tỉnh phê duyệt phương án.');
    expect(r.status, r.stderr).toBe(0);
    const q = readQ(root, 'q-dien-qua-han');
    expect(q).toMatchObject({ status: 'answered', answered_at: '2026-06-01T09:30:00+07:00' });
    const entryFile = path.join(root, 'entries/dien-luc', `${q.entry}.md`);
    const text = fs.readFileSync(entryFile, 'utf8');
    expect(text).toContain('question: Phương án ứng phó thiên tai hạ du thủy điện do cấp nào phê duyệt?');
    expect(text).toContain('owner: so-cong-thuong-nghe-an');
    expect(text).toContain('asked_by: UBND xã Tương Dương');
    expect(text).toContain('asked: 2026-05-29');
    expect(text).toContain('answered: 2026-06-01');
    const c = check(root);
    expect(c.status, c.stdout).toBe(0);
    expect(c.stdout).toContain('Check passed.');
    expect(c.stdout).not.toContain('overdue since 2026-05-29T17:00:00+07:00: q-dien-qua-han');
    expect(clocked(root, 'q-dien-qua-han')).toMatchObject({ status: 'answered', onTime: false, overdue: false });
  });

  it('answering before the deadline is on time, and can link an existing entry', () => {
    const root = makeRoot({}, QROOT);
    const r = question(root, 'answer', 'q-dien-hom-nay', '--at', '2026-06-01T09:45:00+07:00', '--entry', 'hanh-lang-an-toan-luoi-dien');
    expect(r.status, r.stderr).toBe(0);
    expect(readQ(root, 'q-dien-hom-nay')).toMatchObject({ status: 'answered', entry: 'hanh-lang-an-toan-luoi-dien' });
    expect(check(root).status).toBe(0);
    expect(clocked(root, 'q-dien-hom-nay').onTime).toBe(true);
  });

  it('refuses an answer time before the question and an unknown question', () => {
    const root = makeRoot({}, QROOT);
    const r = question(root, 'answer', 'q-dien-hom-nay', '--at', '2026-05-01T09:00:00+07:00');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/before the question was asked/);
    expect(question(root, 'answer', 'khong-co').stderr).toMatch(/no question with id "khong-co"/);
  });
});

describe('npm run question -- add / consult / decline / assign', () => {
  it('adds from flags: assigned to the field intake unit, time now, contact kept in the file only', () => {
    const root = makeRoot({}, QROOT);
    const r = question(root, 'add', '--field', 'dien-luc', '--question', 'Xã có được cấp phép đấu nối điện không?', '--asked-by', 'UBND xã Hạnh Lâm', '--contact', 'canbo@example.vn', '--id', 'hoi-dau-noi');
    expect(r.status, r.stderr).toBe(0);
    expect(readQ(root, 'hoi-dau-noi')).toMatchObject({ assigned_to: 'so-cong-thuong-nghe-an', asked: NOW, status: 'open', contact: 'canbo@example.vn' });
    expect(check(root).status).toBe(0);
  });

  it('adds from an email in the form format (stdin)', () => {
    const root = makeRoot({}, QROOT);
    const mail = 'Lĩnh vực: Đất đai [dat-dai]\r\nNơi hỏi: UBND xã Nam Đàn\r\nCâu hỏi:\r\nHồ sơ đăng ký đất lần đầu nộp ở đâu?\r\n';
    const r = run(root, 'src/cli/question.ts', ['add', '--from-email', '-', '--asked', '2026-06-01T09:00:00+07:00', '--id', 'hoi-tu-thu'], mail);
    expect(r.status, r.stderr).toBe(0);
    // dat-dai has no intake_unit: the unit owning most of its entries receives it.
    expect(readQ(root, 'hoi-tu-thu')).toMatchObject({ field: 'dat-dai', asked_by: 'UBND xã Nam Đàn', question: 'Hồ sơ đăng ký đất lần đầu nộp ở đâu?', assigned_to: 'bo-cong-thuong' });
  });

  it('adds every row of a CSV export, reading Vietnamese headers and dd/mm/yyyy times as +07:00', () => {
    const root = makeRoot({}, QROOT);
    const csv = path.join(root, 'intake.csv');
    fs.writeFileSync(csv, '\uFEFFLĩnh vực,Câu hỏi,Nơi hỏi,Thời gian gửi,Liên hệ\nĐiện lực,"Cây trồng dưới đường dây, xử lý ra sao?",UBND xã Kỳ Sơn,29/05/2026 08:15,0912000000\ndat-dai,Xác nhận nguồn gốc đất thế nào?,UBND xã Con Cuông,2026-05-30 09:00,\n');
    const r = question(root, 'add', '--from-sheet', csv);
    expect(r.status, r.stderr).toBe(0);
    const { model } = readContentRoot(root, FIXTURE_TODAY, new Date(NOW));
    const added = model.questions.filter((q) => !q.id.startsWith('q-'));
    expect(added.map((q) => [q.data.field, q.data.asked, q.data.asked_by])).toEqual(
      expect.arrayContaining([
        ['dien-luc', '2026-05-29T08:15:00+07:00', 'UBND xã Kỳ Sơn'],
        ['dat-dai', '2026-05-30T09:00:00+07:00', 'UBND xã Con Cuông'],
      ]),
    );
    expect(check(root).status).toBe(0);
  });

  it('writes nothing when a sheet row is bad', () => {
    const root = makeRoot({}, QROOT);
    const csv = path.join(root, 'bad.csv');
    fs.writeFileSync(csv, 'Lĩnh vực,Câu hỏi,Nơi hỏi\nĐiện lực,Câu hỏi tốt?,UBND xã A\nKhông có,Câu hỏi lạc?,UBND xã B\n');
    const r = question(root, 'add', '--from-sheet', csv);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/row 3: unknown field "Không có"/);
    expect(readContentRoot(root, FIXTURE_TODAY, new Date(NOW)).model.questions).toHaveLength(8);
  });

  it('consult, decline and assign rewrite the file and keep it valid', () => {
    const root = makeRoot({}, QROOT);
    expect(question(root, 'consult', 'q-dien-hom-nay', '--reason', 'Chờ ý kiến Cục Điện lực').status).toBe(0);
    expect(readQ(root, 'q-dien-hom-nay')).toMatchObject({ status: 'consulting', consult_reason: 'Chờ ý kiến Cục Điện lực' });
    expect(question(root, 'decline', 'q-dien-qua-han').status).toBe(2); // --reason missing
    expect(question(root, 'decline', 'q-dien-qua-han', '--reason', 'Trùng câu hỏi đã trả lời').status).toBe(0);
    expect(question(root, 'assign', 'q-dien-xin-y-kien', 'bo-cong-thuong').status).toBe(0);
    expect(readQ(root, 'q-dien-xin-y-kien').assigned_to).toBe('bo-cong-thuong');
    expect(question(root, 'assign', 'q-dien-xin-y-kien', 'khong-co').status).toBe(1);
    expect(check(root).status).toBe(0);
  });
});

describe('npm run check on questions', () => {
  it('lists overdue and long-consulting questions per unit; --strict fails; --json includes them', () => {
    const text = check(QROOT);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('so-cong-thuong-nghe-an: 1 overdue open, 1 consulting more than 5 working days');
    expect(text.stdout).toContain('overdue since 2026-05-29T17:00:00+07:00: q-dien-qua-han');
    expect(text.stdout).toContain('consulting for 9 working days: q-dien-xin-y-kien');
    expect(check(QROOT, '--strict').status).toBe(1);
    const json = JSON.parse(check(QROOT, '--json').stdout);
    expect(json.questions.units).toEqual([
      expect.objectContaining({ unit: 'so-cong-thuong-nghe-an', overdue: [expect.objectContaining({ id: 'q-dien-qua-han' })], longConsulting: [expect.objectContaining({ id: 'q-dien-xin-y-kien', workingDays: 9 })] }),
    ]);
    expect(json.warnings.some((w: { file: string }) => w.file.endsWith('q-dien-qua-han.yaml'))).toBe(true);
  });

  it('fails a root whose question breaks a rule, naming the file and key', () => {
    const root = makeRoot({ 'questions/2026/q-dien-muon.yaml': fs.readFileSync(path.join(QROOT, 'questions/2026/q-dien-muon.yaml'), 'utf8').replace('entry: hanh-lang-an-toan-luoi-dien', 'entry: khong-co') }, QROOT);
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/q-dien-muon\.yaml:\d+: key "entry": names entry "khong-co", which does not exist/);
  });
});

describe('the build refuses a bad question file', () => {
  it('fails naming the file and the key, and writes no site', async () => {
    const { buildSite } = await import('../../src/node/build-site.ts');
    const bad = fs.readFileSync(path.join(QROOT, 'questions/2026/q-dien-muon.yaml'), 'utf8').replace('answered_at: 2026-05-26T09:30:00+07:00', 'answered_at: 2026-05-26T09:30:00');
    const root = makeRoot({ 'questions/2026/q-dien-muon.yaml': bad }, QROOT);
    const result = buildSite({ root, outDir: path.join(root, '..', `${path.basename(root)}-out`), env: ENV });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(path.join('questions', '2026', 'q-dien-muon.yaml'));
    expect(result.output).toContain('key "answered_at"');
    expect(fs.existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  }, 120_000);
});
