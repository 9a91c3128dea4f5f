// `npm run handbook` end to end: prints handbooks of the built sample site (--dist) in Debian's Chromium
// and reads the PDFs back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm) and zbarimg.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT } from '../../src/node/build-site.ts';
import { buildDate, formatDateVi } from '../../src/content/dates.ts';
import { handbookSections } from '../../src/handbook/model.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { absoluteUrl, paths } from '../../src/publish/urls.ts';
import { siteBase, siteUrl } from '../../src/site.config.ts';

const dist = inject('sites').sample;
const CLI = path.join(PROJECT, 'src/cli/handbook.ts');
const today = buildDate();
const { model } = readContentRoot(path.join(PROJECT, 'content'), today);
const byId = new Map(model.entries.map((e) => [e.data.id, e]));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-handbook-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Whitespace collapsed, Unicode NFC: how text extracted from a PDF is compared with the source. */
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/**
 * Without whitespace or hyphens: a line may break after a dash or slash, where the source has no space,
 * and pdftotext joins a word hyphenated at the end of a line ("TT-" + "BCT" gives "TTBCT").
 */
const squash = (s: string) => s.normalize('NFC').replace(/[\s-]+/g, '');
const tool = (cmd: string, args: string[]) => {
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return run;
};

function printHandbook(name: string, args: string[]): { pdf: string; log: string } {
  const pdf = path.join(tmp, `${name}.pdf`);
  const run = spawnSync(process.execPath, [CLI, ...args, '--dist', dist, '--out', pdf], { cwd: PROJECT, encoding: 'utf8' });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return { pdf, log: run.stdout };
}

interface Printed {
  pdf: string;
  log: string;
  /** Text of each page (index 0 is page 1). */
  pages: string[];
  /** The same in pdftotext's layout mode. */
  layout: string[];
}

function read(pdf: string, log = ''): Printed {
  const pages = tool('pdftotext', [pdf, '-']).stdout.split('\f').slice(0, -1);
  const layout = tool('pdftotext', ['-layout', pdf, '-']).stdout.split('\f').slice(0, -1);
  return { pdf, log, pages, layout };
}

/** Questions of the table of contents with the page number printed after each (layout text of its pages). */
function tocNumbers(p: Printed, questions: string[]): Map<string, number> {
  const tocStart = p.pages.findIndex((t) => t.includes('Mục lục'));
  const text = norm(p.layout.slice(tocStart, tocStart + 3).join(' '));
  const numbers = new Map<string, number>();
  for (const q of questions) {
    const words = norm(q).split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // A wrapped question's lines may be interleaved with nothing but spaces; its page number ends its last line.
    const m = new RegExp(`${words.join('\\s+')}\\s+(\\d+)`).exec(text);
    if (m) numbers.set(q, Number(m[1]));
  }
  return numbers;
}

const FIELD = 'dien-luc';
const published = (field: string) => model.entries.filter((e) => e.data.field === field && e.data.status === 'published');
/** Handbook order, computed from the source (topics, then questions, as on the field page). */
const expectedOrder = (field: string) =>
  handbookSections(
    published(field).map((e) => ({ id: e.data.id, data: e.data })),
    [field],
  )[0].topics.flatMap((g) => g.entries.map((e) => e.data.question));

describe(`the handbook of "${FIELD}"`, () => {
  let p: Printed;
  beforeAll(() => {
    const run = printHandbook(FIELD, [FIELD]);
    p = read(run.pdf, run.log);
  }, 120_000);

  it('prints a progress line for each step', () => {
    for (const step of ['using the built site', 'serving', 'opening', 'rendering pass 1', 'rendering pass 2', 'writing', 'done']) {
      expect(p.log).toContain(step);
    }
  });

  it('is A4, tagged, with selectable text and only the shipped Noto Sans fonts', () => {
    const info = tool('pdfinfo', [p.pdf]).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const fonts = tool('pdffonts', [p.pdf]).stdout.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic|BoldItalic)$/);
  });

  it('lists every question of the field in its table of contents, in handbook order, as the body prints them', () => {
    const order = expectedOrder(FIELD);
    expect(order.length).toBe(published(FIELD).length);
    const numbers = tocNumbers(p, order);
    expect([...numbers.keys()]).toEqual(order);
    // The body prints them in the same order.
    const tocEnd = Math.max(...numbers.values()) > 0 ? p.pages.findIndex((t) => t.includes('Mục lục')) + 1 : 0;
    const body = norm(p.pages.slice(tocEnd).join(' '));
    const positions = order.map((q) => body.indexOf(norm(q)));
    expect(positions.every((x) => x >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('gives in the table of contents the page each question starts on', () => {
    const order = expectedOrder(FIELD);
    const numbers = tocNumbers(p, order);
    const tocPage = p.pages.findIndex((t) => t.includes('Mục lục')) + 1;
    for (const [q, page] of numbers) {
      expect(page, q).toBeGreaterThan(tocPage);
      expect(norm(p.pages[page - 1]), `${q} on page ${page}`).toContain(norm(q));
      // And not on an earlier page of the body.
      for (let earlier = tocPage + 1; earlier < page; earlier++) expect(norm(p.pages[earlier - 1])).not.toContain(norm(q));
    }
  });

  it('numbers the pages 1..N in the footer, with the print date; the header names the field', () => {
    const n = p.pages.length;
    expect(n).toBeGreaterThan(3);
    p.pages.forEach((text, i) => {
      const t = norm(text);
      expect(t, `page ${i + 1}`).toContain(`Trang ${i + 1} / ${n}`);
      expect(t, `page ${i + 1}`).toContain(`In ngày ${formatDateVi(today)}`);
      expect(t, `page ${i + 1}`).toContain('Sổ tay hỏi đáp · Điện lực');
    });
  });

  it('has a cover with the field, owning units, content version and print date', () => {
    const cover = norm(p.pages[0]);
    expect(cover).toContain('Sổ tay hỏi đáp');
    expect(cover).toContain('Điện lực');
    expect(cover).toContain(`${published(FIELD).length} câu hỏi`);
    for (const owner of new Set(published(FIELD).map((e) => e.data.owner))) expect(cover).toContain(norm(model.units.get(owner)!.data.name));
    expect(cover).toMatch(new RegExp(`Phiên bản nội dung ${formatDateVi(today).replace(/\//g, '\\/')}( · [0-9a-f]{7,})?`));
    expect(cover).toContain(`Ngày in ${formatDateVi(today)}`);
  });

  it('prints on every entry its owner, print date and review-due date', () => {
    const body = norm(p.pages.join(' '));
    expect(body.match(new RegExp(`In ngày: ${formatDateVi(today).replace(/\//g, '\\/')}`, 'g'))?.length).toBe(published(FIELD).length);
    expect(body.match(/Hạn rà soát: \d\d\/\d\d\/\d{4}/g)?.length).toBe(published(FIELD).length);
  });

  it('extracts the Vietnamese text exactly as the source wrote it', () => {
    const all = squash(p.pages.join(''));
    expect(all).not.toContain('\uFFFD');
    for (const e of published(FIELD)) {
      expect(all, e.data.id).toContain(squash(e.data.question));
      expect(all, e.data.id).toContain(squash(e.data.summary));
      for (const c of e.data.can ?? []) expect(all, e.data.id).toContain(squash(c));
    }
    // And with its spaces, for a sentence that fits on a line.
    expect(norm(p.pages.join(' '))).toContain('Cấp nào làm gì');
  });

  it('carries QR codes that decode to each entry\'s absolute URL', () => {
    const order = expectedOrder(FIELD);
    const numbers = tocNumbers(p, order);
    const first = order[0];
    const page = numbers.get(first)!;
    const png = path.join(tmp, 'qr-page');
    tool('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', String(page), '-l', String(page), p.pdf, png]);
    const decoded = tool('zbarimg', ['-q', '--raw', `${png}.png`]).stdout.split('\n').filter(Boolean);
    const id = published(FIELD).find((e) => e.data.question === first)!.data.id;
    expect(decoded).toContain(absoluteUrl(siteUrl(), siteBase(), paths.entry(id)));
    const onPage = published(FIELD).filter((e) => norm(p.pages[page - 1]).includes(norm(e.data.question)));
    expect(decoded.sort()).toEqual(onPage.map((e) => absoluteUrl(siteUrl(), siteBase(), paths.entry(e.data.id))).sort());
  });

  it('links to the public site, never to the temporary server it was printed from', () => {
    const raw = fs.readFileSync(p.pdf, 'latin1');
    expect(raw).not.toMatch(/127\.0\.0\.1/);
    expect(raw).toContain(`/URI (${absoluteUrl(siteUrl(), siteBase(), 'van-ban/')}`);
  });

  it('has a PDF bookmark for each question, on its page', () => {
    const xml = tool('pdftohtml', ['-xml', '-stdout', '-i', '-q', p.pdf]).stdout;
    const items = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => [norm(m[2]), Number(m[1])] as const);
    const bookmarks = new Map(items);
    for (const [q, page] of tocNumbers(p, expectedOrder(FIELD))) expect(bookmarks.get(norm(q)), q).toBe(page);
  });
});

describe('--level', () => {
  it('keeps only the entries whose levels include it, and says so on the cover', () => {
    const run = printHandbook('level', [FIELD, '--level', 'province']);
    const p = read(run.pdf, run.log);
    const text = squash(p.pages.join(''));
    const [kept, dropped] = [published(FIELD).filter((e) => e.data.levels.includes('province')), published(FIELD).filter((e) => !e.data.levels.includes('province'))];
    expect(kept.length).toBeGreaterThan(0);
    expect(dropped.length).toBeGreaterThan(0);
    for (const e of kept) expect(text, e.data.id).toContain(squash(e.data.question));
    for (const e of dropped) expect(text, e.data.id).not.toContain(squash(e.data.question));
    expect(norm(p.pages[0])).toContain('Cấp thực hiện: Cấp tỉnh');
    expect(norm(p.pages[0])).toContain(`${kept.length} câu hỏi`);
    // Its table of contents is numbered too.
    const numbers = tocNumbers(p, kept.map((e) => e.data.question));
    expect(numbers.size).toBe(kept.length);
    for (const [q, page] of numbers) expect(norm(p.pages[page - 1])).toContain(norm(q));
  }, 120_000);
});

describe('--since', () => {
  const field = 'thuong-mai';
  const since = '2026-06-01';

  it('prints only what changed after the date, after a first page listing what was added, reviewed and superseded', () => {
    const inField = published(field);
    const added = inField.filter((e) => e.data.answered > since);
    const changed = inField.filter((e) => e.data.answered <= since && e.data.reviewed > since);
    const unchanged = inField.filter((e) => e.data.answered <= since && e.data.reviewed <= since);
    const superseded = model.entries.filter(
      (e) =>
        e.data.field === field &&
        e.data.status === 'superseded' &&
        (e.data.reviewed > since || (byId.get(e.data.superseded_by!)?.data.answered ?? '') > since),
    );
    // The sample content exercises every part of the page.
    expect([added.length, changed.length, unchanged.length, superseded.length].every((n) => n > 0)).toBe(true);

    const run = printHandbook('since', [field, '--since', since]);
    const p = read(run.pdf, run.log);
    const changes = norm(p.pages[1]);
    expect(changes.startsWith(`Sổ tay hỏi đáp · Thương mại`)).toBe(true);
    expect(changes).toContain(`Thay đổi từ sau ngày ${formatDateVi(since)}`);
    const sectionOf = (q: string) => {
      const at = changes.indexOf(norm(q));
      const heads = ['Câu hỏi mới', 'Câu trả lời được rà soát lại', 'Câu trả lời đã được thay thế'].map((h) => changes.indexOf(h));
      return heads.filter((h) => h >= 0 && h < at).length;
    };
    for (const e of added) expect(sectionOf(e.data.question), e.data.id).toBe(1);
    for (const e of changed) expect(sectionOf(e.data.question), e.data.id).toBe(2);
    for (const e of superseded) expect(sectionOf(e.data.question), e.data.id).toBe(3);
    expect(changes).toContain(`Câu hỏi mới (${added.length})`);
    expect(changes).toContain(`Câu trả lời được rà soát lại (${changed.length})`);
    expect(changes).toContain(`Câu trả lời đã được thay thế (${superseded.length})`);

    // The entries printed after the table of contents are exactly the added and reviewed ones.
    const tocPage = p.pages.findIndex((t) => t.includes('Mục lục'));
    const body = squash(p.pages.slice(tocPage + 1).join(''));
    for (const e of [...added, ...changed]) expect(body, e.data.id).toContain(squash(e.data.summary));
    for (const e of unchanged) expect(body, e.data.id).not.toContain(squash(e.data.question));
    for (const e of superseded) expect(body, e.data.id).not.toContain(squash(e.data.summary));
    expect(norm(p.pages[0])).toContain(`Chỉ gồm câu hỏi mới hoặc được rà soát sau ngày ${formatDateVi(since)}`);
  }, 120_000);
});

describe('command line errors', () => {
  it('explains a bad field or option without printing anything', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT, encoding: 'utf8' });
    const unknown = run(['khong-co', '--dist', dist, '--out', path.join(tmp, 'x.pdf')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no handbook for field "khong-co". Fields: .*dien-luc/);
    const bad = run([FIELD, '--level', 'huyen']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--level must be one of commune, province, ministry');
    expect(bad.stderr).toContain('usage: npm run handbook');
    expect(fs.existsSync(path.join(tmp, 'x.pdf'))).toBe(false);
  });
});
