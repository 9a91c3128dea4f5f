// The handbook pages of the built sample site (/so-tay/ and /so-tay/<field>/): what they hold, what the
// PDF tool reads from them, and what they must never hold. Sites are built once by tests/global-setup.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, PROJECT } from '../../src/node/build-site.ts';
import { buildDate } from '../../src/content/dates.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { absoluteUrl, paths } from '../../src/publish/urls.ts';
import { siteBase, siteUrl } from '../../src/site.config.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { FIXTURE_TODAY, MINIMAL_ROOT } from '../helpers/fixture-root.ts';

const out = inject('sites').sample;
const { model } = readContentRoot(path.join(PROJECT, 'content'), buildDate());
const inField = (field: string, status: string) => model.entries.filter((e) => e.data.field === field && e.data.status === status);
const articleIds = (html: string) => [...html.matchAll(/<article class="hb-entry" data-entry-id="([^"]+)"/g)].map((m) => m[1]);

describe('handbook pages of the sample site', () => {
  it('exist for the whole handbook and for every field', () => {
    expect(fs.existsSync(path.join(out, 'so-tay/index.html'))).toBe(true);
    for (const field of model.fields.keys()) expect(fs.existsSync(path.join(out, `so-tay/${field}/index.html`)), field).toBe(true);
  });

  it('print every published entry of the field once, never drafts or superseded entries', () => {
    for (const field of model.fields.keys()) {
      const html = readPage(out, `so-tay/${field}/index.html`);
      expect(articleIds(html).sort(), field).toEqual(inField(field, 'published').map((e) => e.data.id).sort());
      for (const draft of inField(field, 'draft')) expect(html, draft.data.id).not.toContain(draft.data.id);
    }
    const all = readPage(out, 'so-tay/index.html');
    expect(articleIds(all).sort()).toEqual(model.entries.filter((e) => e.data.status === 'published').map((e) => e.data.id).sort());
  });

  it('keep superseded entries only in the hidden list the --since change page reads', () => {
    const superseded = model.entries.filter((e) => e.data.status === 'superseded');
    expect(superseded.length).toBeGreaterThan(0);
    for (const e of superseded) {
      const html = readPage(out, `so-tay/${e.data.field}/index.html`);
      const list = /<ul hidden data-hb-superseded>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      expect(list).toContain(`data-entry-id="${e.data.id}"`);
      expect(list).toContain(`data-successor="${e.data.superseded_by}"`);
      expect(articleIds(html)).not.toContain(e.data.id);
    }
  });

  it('mark each entry with what the PDF tool filters on, and an inline QR code of its absolute URL', () => {
    const html = readPage(out, 'so-tay/dien-luc/index.html');
    for (const e of inField('dien-luc', 'published')) {
      const d = e.data;
      expect(html).toContain(
        `<article class="hb-entry" data-entry-id="${d.id}" data-levels="${d.levels.join(' ')}" data-answered="${d.answered}" data-reviewed="${d.reviewed}"`,
      );
      expect(html).toContain(`aria-label="Mã QR của câu trả lời trực tuyến: ${absoluteUrl(siteUrl(), siteBase(), paths.entry(d.id))}"`);
    }
    expect(html.match(/<svg class="hb-qr-code"/g)?.length).toBe(inField('dien-luc', 'published').length);
  });

  it('show the cover, the table of contents and each entry\'s dates', () => {
    const text = textOf(readPage(out, 'so-tay/dien-luc/index.html'));
    for (const expected of ['Sổ tay hỏi đáp', 'Điện lực', 'Đơn vị chủ trì', 'Phiên bản nội dung', 'Ngày in', 'Mục lục', 'Trả lời ngắn', 'Cấp nào làm gì', 'Căn cứ pháp lý', 'Hạn rà soát']) {
      expect(text).toContain(expected);
    }
  });

  it('are not indexed by the site search', () => {
    for (const page of ['so-tay/index.html', 'so-tay/dien-luc/index.html']) expect(readPage(out, page), page).not.toContain('data-pagefind-body');
  });

  it('load the shipped Noto Sans (Vietnamese and Latin woff2) from the built site', () => {
    const html = readPage(out, 'so-tay/dien-luc/index.html');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => fs.readFileSync(path.join(out, m[1]), 'utf8')).join('\n');
    for (const subset of ['vietnamese', 'latin']) {
      for (const face of ['400-normal', '700-normal', '400-italic', '700-italic']) {
        const url = new RegExp(`url\\((/_astro/noto-sans-${subset}-${face}\\.[^)]+\\.woff2)\\)`).exec(css)?.[1];
        expect(url, `${subset} ${face}`).toBeDefined();
        expect(fs.existsSync(path.join(out, url!))).toBe(true);
      }
    }
    expect(css).toMatch(/font-family:\s*["']?Hoidap Noto Sans/);
  });
});

describe('a corpus too large for one whole handbook (HOIDAP_HANDBOOK_MAX)', () => {
  const outDir = path.join(os.tmpdir(), `hoidap-handbook-max-${process.pid}`);
  beforeAll(() => {
    const built = buildSite({ root: MINIMAL_ROOT, outDir, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY, HOIDAP_HANDBOOK_MAX: '1' } });
    expect(built.status, built.output).toBe(0);
  }, 180_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('links /so-tay/ to the fields\' handbooks instead of printing every entry on one page', () => {
    const html = readPage(outDir, 'so-tay/index.html');
    expect(html).toContain('data-hb-too-large="2"');
    expect(html).not.toContain('class="hb-entry"');
    expect(html).toContain('href="/so-tay/dien-luc/"');
    // The fields' handbooks are complete.
    expect(articleIds(readPage(outDir, 'so-tay/dien-luc/index.html'))).toEqual(['hanh-lang-an-toan-luoi-dien']);
  });

  it('makes `npm run handbook -- all` say what to print instead', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT, 'src/cli/handbook.ts'), 'all', '--dist', outDir, '--out', path.join(outDir, 'x.pdf')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the whole handbook would hold 2 entries, more than HOIDAP_HANDBOOK_MAX allows');
    expect(run.stderr).toContain('npm run handbook -- <field-id>');
  });
});
