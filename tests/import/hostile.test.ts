// Issue 16: Word text that looks like markup is imported as text, and `--dry-run` runs every check the
// real run does (it used to report success for rows the real run then rejected).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/import/docx.ts';
import { FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const DEFAULTS = ['--field', 'dien-luc', '--owner', 'so-cong-thuong-nghe-an'];
const env = (root: string) => ({ ...process.env, HOIDAP_CONTENT: root, HOIDAP_BUILD_DATE: FIXTURE_TODAY });
const runImport = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/import.ts', ...args], { cwd: PROJECT, env: env(root), encoding: 'utf8' });
const check = (root: string) => spawnSync(process.execPath, ['src/cli/check.ts', '--skip-types'], { cwd: PROJECT, env: env(root), encoding: 'utf8' });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-import-hostile-'));
const bodies = (root: string) =>
  (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.includes('imported') && f.endsWith('.md')).map((f) => fs.readFileSync(path.join(root, f), 'utf8'));

const TYPED = ['<script>alert(1)</script>', '<b>đậm</b>', '<!-- ghi chú -->', '<img src=x onerror=alert(1)>', '<https://evil.example/>', '&lt;i&gt;'];

describe('Word text that looks like markup', () => {
  it('is escaped by the Markdown conversion, and links other than http(s), mailto and tel lose their link', () => {
    const html = `<p>${TYPED.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).join(' ')}</p>` +
      '<p><a href="javascript:alert(1)">bấm vào đây</a> <a href=" JaVa&#x09;script:alert(1)">hai</a> <a href="data:text/html,x">ba</a> <a href="https://vbpl.vn/">vbpl</a></p>';
    const md = htmlToMarkdown(html);
    // Every `<` and `&` is escaped: none can open a tag, a comment, an autolink or a character reference.
    expect(md).not.toMatch(/(^|[^\\])[<&]/);
    expect(md).toContain('\\<script>alert(1)\\</script>');
    expect(md).toContain('\\<!-- ghi chú -->');
    expect(md).not.toMatch(/javascript|data:/i);
    expect(md).toContain('bấm vào đây');
    expect(md).toContain('[vbpl](https://vbpl.vn/)');
  });

  it('imports from a .docx into entries that npm run check accepts, showing the literal text', async () => {
    const { Document, ExternalHyperlink, Packer, Paragraph, TextRun, HeadingLevel } = await import('docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Câu hỏi 1: Xã xử lý thế nào khi người dân gõ thẻ <script> vào đơn?', heading: HeadingLevel.HEADING_2 }),
            new Paragraph(`Trả lời: Ghi nhận nguyên văn ${TYPED.join(' ')} rồi chuyển bộ phận một cửa.`),
            new Paragraph({
              children: [new TextRun('Xem '), new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('liên kết javascript:alert(1)')] })],
            }),
          ],
        },
      ],
    });
    const dir = tmp();
    const file = path.join(dir, 'hostile.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const root = makeRoot();
    const run = runImport(root, file, ...DEFAULTS);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const written = bodies(root);
    expect(written.length).toBeGreaterThan(0);
    const all = written.join('\n');
    expect(all).toContain('\\<script>');
    expect(all).not.toMatch(/\]\(javascript:/i);
    const checked = check(root);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  }, 60_000);
});

describe('--dry-run', () => {
  it('reports the same failure as the real run for a row the guard rejects', () => {
    const dir = tmp();
    const csv = path.join(dir, 'rows.csv');
    // Spreadsheet answers are Markdown as written: raw HTML in one is the editor's, and the guard rejects it.
    fs.writeFileSync(
      csv,
      'CÂU HỎI,Trả lời ngắn,Trả lời,Ngày trả lời\n' +
        'Xã có được tự ý cắt điện hộ dân không?,Không.,"Không. <iframe src=""https://evil.example/""></iframe>",01/06/2025\n',
    );
    const dryRoot = makeRoot();
    const before = (fs.readdirSync(dryRoot, { recursive: true }) as string[]).sort();
    const dry = runImport(dryRoot, csv, ...DEFAULTS, '--dry-run', '--json');
    expect((fs.readdirSync(dryRoot, { recursive: true }) as string[]).sort()).toEqual(before);
    const realRoot = makeRoot();
    const real = runImport(realRoot, csv, ...DEFAULTS, '--json');
    const dryReport = JSON.parse(dry.stdout);
    const realReport = JSON.parse(real.stdout);
    expect(realReport.ok).toBe(false);
    expect(dryReport.ok).toBe(false);
    expect(dry.status).toBe(real.status);
    const strip = (lines: string[], root: string) => lines.map((l) => l.split(root).join('<root>'));
    expect(strip(dryReport.checkErrors, dryRoot)).toEqual(strip(realReport.checkErrors, realRoot));
    expect(dryReport.checkErrors.join('\n')).toMatch(/iframe|HTML/i);
  }, 60_000);
});
