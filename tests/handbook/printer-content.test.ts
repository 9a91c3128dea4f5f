// The handbook printer and an entry crafted with nothing but what the guard accepts (issue 16,
// finding 2): Markdown headings whose generated ids are another entry's anchor, the handbook's own ids
// and names of DOM methods, a question and summary that read like markup and clobbering names, links
// to another entry's anchor and to other hosts. Built from a content root like any site, printed with
// `npm run handbook`, read back with pdftotext, pdfinfo and zbarimg.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT } from '../../src/node/build-site.ts';
import { entryAnchor, parseDests } from '../../src/handbook/model.ts';
import { FIXTURE_TODAY, makeRoot, readFixture } from '../helpers/fixture-root.ts';

const VICTIM = 'hanh-lang-an-toan-luoi-dien';
const ATTACKER = 'tan-cong-so-tay';
const ATTACKER_Q = 'Câu hỏi có <img name="querySelector" id="hb-title" src="http://evil.example/q.png"> trong đó?';
const entry = `---
id: ${ATTACKER}
question: '${ATTACKER_Q}'
summary: '<form name="getAttribute"><input name="fonts"></form> tóm tắt'
field: dien-luc
owner: so-cong-thuong-nghe-an
levels: [commune]
topic: Bảo vệ công trình điện
answered: 2025-08-05
reviewed: 2025-10-01
---
## Q ${VICTIM.replaceAll('-', ' ')}

Tiêu đề trên sinh ra id trùng neo của một câu hỏi khác.

## hb title

## querySelector

## f dien luc

Xem [câu hỏi khác](#${entryAnchor(VICTIM)}) và [trang ngoài](http://evil.example/x) và ![ảnh](/khong-co.png).
`;

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const tool = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-printer-content-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('an entry whose headings, question and links aim at other entries', () => {
  let pdf: string;
  let log: string;
  let pages: string[];
  let urls: { id: string; url: string; question: string }[];
  beforeAll(() => {
    const root = makeRoot({ 'entries/a/tan-cong.md': entry });
    const dist = path.join(tmp, 'site');
    const built = buildSite({ root, outDir: dist, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY } });
    expect(built.status, built.output).toBe(0);
    fs.rmSync(root, { recursive: true, force: true });
    pdf = path.join(tmp, 'so-tay.pdf');
    const run = spawnSync(process.execPath, [path.join(PROJECT, 'src/cli/handbook.ts'), 'dien-luc', '--dist', dist, '--out', pdf], {
      cwd: PROJECT,
      env: { ...process.env, HOIDAP_BUILD_DATE: FIXTURE_TODAY },
      encoding: 'utf8',
    });
    log = `${run.stdout}\n${run.stderr}`;
    expect(run.status, log).toBe(0);
    pages = tool('pdftotext', [pdf, '-']).stdout.split('\f').map(norm);
    urls = (JSON.parse(fs.readFileSync(path.join(dist, 'data/entries.json'), 'utf8')) as { entries: { id: string; url: string; question: string; field: string; status: string }[] }).entries.filter(
      (e) => e.field === 'dien-luc' && e.status === 'published',
    );
    expect(urls.map((e) => e.id).sort()).toEqual([ATTACKER, VICTIM].sort());
  }, 180_000);

  it('prints both questions as written, the crafted one as text', () => {
    const all = pages.join(' ');
    expect(all).toContain(norm(readFixture('entries/a/hanh-lang.md').match(/^question: (.*)$/m)![1]!));
    expect(all).toContain(norm(ATTACKER_Q));
  });

  it("keeps each question's anchor on its own page: the table of contents points at the right entry", () => {
    const dests = parseDests(tool('pdfinfo', ['-dests', pdf]).stdout);
    for (const e of urls) {
      const page = dests.get(entryAnchor(e.id));
      expect(page, e.id).toBeDefined();
      expect(pages[page! - 1], e.id).toContain(norm(e.question).slice(0, 40));
    }
  });

  it("carries under each entry the QR code of that entry's own URL", () => {
    const dir = path.join(tmp, 'png');
    fs.mkdirSync(dir);
    tool('pdftoppm', ['-r', '150', '-png', pdf, path.join(dir, 'p')]);
    const codes = tool('zbarimg', ['-q', '--raw', ...fs.readdirSync(dir).map((f) => path.join(dir, f))]).stdout.split('\n').filter(Boolean);
    expect(codes.sort()).toEqual(urls.map((e) => e.url).sort());
  });

  it('made no request to the host the entry names (its question stayed text)', () => {
    expect(log).not.toMatch(/evil\.example/);
  });
});
