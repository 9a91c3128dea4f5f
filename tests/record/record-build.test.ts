// An honest public record (issue 17), on a real build: the minimal fixture root with change notes and a
// withdrawn entry, committed to a temporary git repository whose commit subjects carry a marker. No
// public file of the built site may contain a commit subject; change notes and the withdrawal show
// where readers look, and the withdrawn answer is out of search, lists, handbooks and current feeds.
// Also the git-backed parts of the CLI: `npm run check` on an unnoted change, `npm run new --change`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT } from '../../src/node/build-site.ts';
import { exportSchema } from '../../src/schema/export.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';
import { readPage, textOf } from '../helpers/html.ts';

const MARKER = 'ZZ-COMMIT-MARKER-417';
const NOTED = 'entries/a/hanh-lang.md';
const GONE = 'entries/b/dang-ky.md';
const notedText = readFixture(NOTED).replace(
  /^related:/m,
  'changes:\n  - date: 2025-09-01\n    note: Bổ sung trách nhiệm lập biên bản vi phạm.\n  - date: 2026-05-20\n    note: Cập nhật theo Nghị định 62/2025/NĐ-CP về bảo vệ công trình điện lực.\nrelated:',
);
const goneText = withKey(
  withKey(withKey(readFixture(GONE), 'status', 'withdrawn'), 'withdrawn_reason', '"Nhiệm vụ đăng ký đất đai lần đầu đã chuyển về Văn phòng đăng ký đất đai cấp tỉnh."'),
  'withdrawn',
  '2026-04-15',
);
const GONE_ID = 'dang-ky-dat-dai-lan-dau';
const NOTED_ID = 'hanh-lang-an-toan-luoi-dien';

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=Editor Marker', '-c', 'user.email=editor@example.vn', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Every file of the site as text, gzip/brotli/Pagefind payloads decompressed, so nothing hides. */
function siteTexts(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    if (!fs.statSync(file).isFile()) continue;
    let buf = fs.readFileSync(file);
    try {
      if (rel.endsWith('.br')) buf = zlib.brotliDecompressSync(buf);
      else if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
    } catch {
      // not compressed after all: read as is
    }
    out.set(rel, buf.toString('utf8'));
  }
  return out;
}

let root: string;
let out: string;
beforeAll(() => {
  root = makeRoot({ [NOTED]: notedText, [GONE]: goneText });
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', `${MARKER} initial import by a developer`, '--date', '2025-08-05T09:00:00+07:00');
  fs.appendFileSync(path.join(root, NOTED), '\nThêm một dòng.\n');
  git(root, 'commit', '-q', '-am', `fix typo ${MARKER} WIP`);
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-record-site-'));
  const built = buildSite({ root, outDir: out, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY } });
  if (built.status !== 0) throw new Error(built.output);
});

describe('no commit subject on any public page', () => {
  it('the marker of every commit subject appears nowhere in dist/', () => {
    expect(git(root, 'log', '--format=%s')).toContain(MARKER);
    const texts = siteTexts(out);
    expect(texts.size).toBeGreaterThan(20);
    const leaks = [...texts].filter(([, text]) => text.includes(MARKER) || text.includes('Editor Marker')).map(([f]) => f);
    expect(leaks).toEqual([]);
  });
});

describe('an entry with change notes', () => {
  it('lists its notes newest first, then reviewed and answered, in "Lịch sử thay đổi"', () => {
    const html = readPage(out, `cau-hoi/${NOTED_ID}/index.html`);
    const history = textOf(/<section class="history"[\s\S]*?<\/section>/.exec(html)![0]);
    expect(history).toMatch(
      /Lịch sử thay đổi 20\/05\/2026 ?: Cập nhật theo Nghị định 62\/2025\/NĐ-CP về bảo vệ công trình điện lực\. 01\/09\/2025 ?: Bổ sung trách nhiệm lập biên bản vi phạm\. 01\/10\/2025 ?: Rà soát, xác nhận còn đúng 05\/08\/2025 ?: Trả lời lần đầu/,
    );
  });
  it('is dated by its latest note in the feeds, with the note as the summary of changes', () => {
    const xml = readPage(out, 'feeds/all.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const entries = [new XMLParser({ ignoreAttributes: false }).parse(xml).feed.entry].flat();
    const e = entries.find((x: { id: string }) => x.id.endsWith(`/cau-hoi/${NOTED_ID}/`));
    expect(e.updated).toBe('2026-05-20T00:00:00.000Z');
    expect(JSON.stringify(e.summary)).toContain('Cập nhật ngày 20/05/2026: Cập nhật theo Nghị định 62/2025/NĐ-CP');
  });
  it('carries its notes in the JSON export, which matches its schema', () => {
    const data = JSON.parse(readPage(out, 'data/entries.json'));
    expect(exportSchema.safeParse(data).success).toBe(true);
    const e = data.entries.find((x: { id: string }) => x.id === NOTED_ID);
    expect(e.changes.map((c: { date: string }) => c.date)).toEqual(['2026-05-20', '2025-09-01']);
    const schema = JSON.parse(readPage(out, 'data/entries.schema.json'));
    const item = schema.properties.entries.items;
    expect(item.required).toEqual(expect.arrayContaining(['changes', 'withdrawn', 'withdrawnReason']));
    expect(item.properties.status.enum).toEqual(['published', 'superseded', 'withdrawn']);
    expect(item.properties.changes.items.required).toEqual(['date', 'note']);
  });
});

describe('a withdrawn entry', () => {
  const page = () => readPage(out, `cau-hoi/${GONE_ID}/index.html`);
  it('stays at its URL with a banner: why, since when, whom to ask', () => {
    const banner = textOf(/<div class="notice notice-withdrawn"[\s\S]*?<\/div>/.exec(page())![0]);
    expect(banner).toContain('Câu trả lời này đã được rút');
    expect(banner).toContain('Từ ngày 15/04/2026');
    expect(banner).toContain('Văn phòng đăng ký đất đai cấp tỉnh');
    expect(banner).toContain('Bộ Công Thương');
  });
  it('keeps the answer collapsed below the banner, and is not indexed for search', () => {
    const html = page();
    expect(html).toMatch(/<details[^>]*class="[^"]*entry-answer-withdrawn[^"]*"[^>]*>\s*<summary>/);
    expect(html.indexOf('notice-withdrawn')).toBeLessThan(html.indexOf('<details'));
    expect(html).not.toContain('data-pagefind-body');
    expect(html).not.toContain('data-pagefind-meta');
  });
  it('is out of the field page, the home page, the handbooks and the search index', () => {
    for (const p of ['index.html', 'linh-vuc/dat-dai/index.html']) {
      expect(readPage(out, p), p).not.toContain(`cau-hoi/${GONE_ID}/`);
    }
    // Handbooks print no withdrawn answer (nor list it in their table of contents).
    for (const p of ['so-tay/index.html', 'so-tay/dat-dai/index.html']) {
      const html = readPage(out, p);
      expect(html, p).not.toContain(`<article class="hb-entry" data-entry-id="${GONE_ID}"`);
      expect(html, p).not.toContain(`data-toc-entry="${GONE_ID}"`);
      expect(html, p).not.toContain(`id="q-${GONE_ID}"`);
    }
    expect(readPage(out, 'so-tay/index.html')).toContain(`data-toc-entry="${NOTED_ID}"`);
    const pagefind = [...siteTexts(path.join(out, 'pagefind'))].map(([, t]) => t).join('\n');
    expect(pagefind).toContain(`cau-hoi/${NOTED_ID}/`);
    expect(pagefind).not.toContain(`cau-hoi/${GONE_ID}/`);
  });
  it('is listed on its owner’s unit page and the review page', () => {
    expect(readPage(out, 'don-vi/bo-cong-thuong/index.html')).toMatch(/data-state="withdrawn" data-count="1"/);
    const review = readPage(out, 'ra-soat/index.html');
    expect(review).toContain('data-review-withdrawn');
    expect(textOf(review)).toContain('Văn phòng đăng ký đất đai cấp tỉnh');
  });
  it('appears in the feed only as a withdrawal, dated by it', () => {
    const xml = readPage(out, 'feeds/dat-dai.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const entries = [new XMLParser({ ignoreAttributes: false }).parse(xml).feed.entry].flat();
    const e = entries.find((x: { id: string }) => x.id.endsWith(`/cau-hoi/${GONE_ID}/`));
    expect(JSON.stringify(e.title)).toContain('Đã rút: ');
    expect(e.updated).toBe('2026-04-15T00:00:00.000Z');
  });
  it('is in the JSON export with status "withdrawn", its reason and date', () => {
    const data = JSON.parse(readPage(out, 'data/entries.json'));
    expect(data.entries.find((x: { id: string }) => x.id === GONE_ID)).toMatchObject({
      status: 'withdrawn',
      withdrawn: '2026-04-15',
      withdrawnReason: 'Nhiệm vụ đăng ký đất đai lần đầu đã chuyển về Văn phòng đăng ký đất đai cấp tỉnh.',
    });
  });
});

describe('the CLI with git', () => {
  const cli = (script: string, cwdRoot: string, ...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      cwd: PROJECT,
      env: { ...process.env, HOIDAP_CONTENT: cwdRoot, HOIDAP_BUILD_DATE: FIXTURE_TODAY },
      encoding: 'utf8',
      input: '',
    });
  it('npm run check warns when reviewed moved and the answer changed without a change note', () => {
    const file = path.join(root, NOTED);
    const committed = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, withKey(committed, 'reviewed', '2026-05-30').replace('Nội dung trả lời **chi tiết**', 'Nội dung trả lời đã viết lại'));
    try {
      const run = cli('src/cli/check.ts', root, '--skip-types', '--json');
      const json = JSON.parse(run.stdout);
      const w = json.warnings.find((x: { key: string; file: string }) => x.key === 'changes' && x.file === file);
      expect(w?.message).toMatch(/reviewed moved from 2025-10-01 to 2026-05-30 and the answer text changed, but no change note was added/);
      // Once a note is added, the warning goes.
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^changes:\n/m, 'changes:\n  - date: 2026-05-30\n    note: Viết lại phần trả lời.\n'));
      const again = JSON.parse(cli('src/cli/check.ts', root, '--skip-types', '--json').stdout);
      expect(again.warnings.filter((x: { key: string }) => x.key === 'changes')).toEqual([]);
    } finally {
      fs.writeFileSync(file, committed);
    }
  });
  it('npm run check, on a clean checkout, compares the last commit with the one before', () => {
    const repo = makeRoot();
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'one');
    const file = path.join(repo, NOTED);
    fs.writeFileSync(file, withKey(fs.readFileSync(file, 'utf8'), 'reviewed', '2026-05-30').replace('Nội dung trả lời **chi tiết**', 'Khác'));
    git(repo, 'commit', '-q', '-am', 'two');
    const json = JSON.parse(cli('src/cli/check.ts', repo, '--skip-types', '--json').stdout);
    expect(json.warnings.some((x: { key: string; file: string }) => x.key === 'changes' && x.file === file)).toBe(true);
  });
  it('npm run new --id <id> --change "…" adds a note dated today and moves reviewed; the entry stays valid', () => {
    const repo = makeRoot();
    const r = cli('src/cli/new.ts', repo, '--id', NOTED_ID, '--change', 'Bổ sung khoảng cách an toàn với đường dây 35 kV.');
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(path.join(repo, NOTED), 'utf8');
    expect(text).toContain(`reviewed: ${FIXTURE_TODAY}`);
    expect(text).toContain(`changes:\n  - date: ${FIXTURE_TODAY}\n    note: Bổ sung khoảng cách an toàn với đường dây 35 kV.`);
    const check = cli('src/cli/check.ts', repo, '--skip-types', '--json');
    expect(JSON.parse(check.stdout).errors).toEqual([]);
    expect(cli('src/cli/new.ts', repo, '--change', 'x').stderr).toContain('--change adds a note to an existing entry');
    expect(cli('src/cli/new.ts', repo, '--id', 'khong-co', '--change', 'x').status).toBe(1);
  });
});
