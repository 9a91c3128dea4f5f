// A large field's answers over several pages (src/content/pagination.ts), on the sample content built
// with three answers a page (HOIDAP_FIELD_PAGE_SIZE=3): every published answer of a field is on exactly
// one of its pages, the topic list and the pagination bar lead to
// pages that exist, and the pages pass axe on a phone and a desktop and reflow at 320 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite, htmlFiles } from '../../src/node/build-site.ts';
import { axeViolations } from '../helpers/axe.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { readPage } from '../helpers/html.ts';

const PAGE_SIZE = 3;
const outDir = path.join(os.tmpdir(), `hoidap-field-pages-${process.pid}`);

beforeAll(() => {
  const built = buildSite({ outDir, env: { HOIDAP_FIELD_PAGE_SIZE: String(PAGE_SIZE) } });
  expect(built.status, built.output).toBe(0);
}, 240_000);
// Registered after the build, so Chromium and the server start on the built site.
const env = useServedSite(outDir);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

interface Published {
  id: string;
  field: string;
  status: string;
}
const published = () =>
  (JSON.parse(fs.readFileSync(path.join(outDir, 'data/entries.json'), 'utf8')) as { entries: Published[] }).entries.filter((e) => e.status === 'published');
/** The field's page files in order: its page, then trang-2/, trang-3/… */
const pagesOf = (field: string) => {
  const rest = htmlFiles(outDir).filter((f) => f.startsWith(`linh-vuc/${field}/trang-`));
  return [`linh-vuc/${field}/index.html`, ...rest.sort((a, b) => Number(/trang-(\d+)/.exec(a)![1]) - Number(/trang-(\d+)/.exec(b)![1]))];
};
/** The answers a page lists, in order (the list, not the topic list or the pagination bar). */
const listed = (html: string) => [...html.matchAll(/<a class="entry-link" href="\/cau-hoi\/([^/"]+)\/"/g)].map((m) => m[1]!);
const fields = () => [...new Set(published().map((e) => e.field))].sort();

describe('a field of more answers than a page holds', () => {
  it('lists every published answer of the field exactly once over its pages, at most a page size each', () => {
    for (const field of fields()) {
      const expected = published().filter((e) => e.field === field).map((e) => e.id);
      const pages = pagesOf(field);
      expect(pages.length, field).toBe(Math.ceil(expected.length / PAGE_SIZE));
      const seen = pages.flatMap((p) => {
        const ids = listed(readPage(outDir, p));
        expect(ids.length, p).toBeLessThanOrEqual(PAGE_SIZE);
        return ids;
      });
      expect([...seen].sort(), field).toEqual([...expected].sort());
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('has a pagination bar whose links all lead to the field’s pages, the current one marked', () => {
    for (const field of fields()) {
      const pages = pagesOf(field);
      if (pages.length < 2) continue;
      pages.forEach((file, i) => {
        const html = readPage(outDir, file);
        const bar = /<nav class="pagination"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1];
        expect(bar, file).toBeDefined();
        const hrefs = [...bar!.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
        for (const href of hrefs) expect(fs.existsSync(path.join(outDir, href, 'index.html')), `${file} → ${href}`).toBe(true);
        expect(bar).toMatch(new RegExp(`aria-label="Trang ${i + 1}" aria-current="page"`));
        expect(bar!.includes('rel="prev"')).toBe(i > 0);
        expect(bar!.includes('rel="next"')).toBe(i < pages.length - 1);
        if (i > 0) expect(html).toContain(`<title>${/<h1>([^<]*)<\/h1>/.exec(html)![1]} (trang ${i + 1})`);
      });
    }
  });

  it('links each topic to the page where it starts, and that page has the topic’s heading', () => {
    for (const field of fields()) {
      for (const file of pagesOf(field)) {
        const toc = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(readPage(outDir, file))?.[1];
        if (!toc) continue;
        for (const [, href] of toc.matchAll(/href="([^"]+)"/g)) {
          const [page, anchor] = href!.split('#');
          const target = page ? path.join(page, 'index.html').replace(/^\//, '') : file;
          expect(readPage(outDir, target), `${file} → ${href}`).toContain(`id="${anchor}"`);
        }
      }
    }
  });

  it('keeps a field of no more answers than a page holds on one page with no pagination bar', () => {
    const small = fields().find((f) => pagesOf(f).length === 1);
    if (small) expect(readPage(outDir, `linh-vuc/${small}/index.html`)).not.toContain('class="pagination"');
  });
});

describe('the field pages in a browser', () => {
  const largest = () => fields().sort((a, b) => pagesOf(b).length - pagesOf(a).length)[0]!;
  async function open(url: string, width: number): Promise<Page> {
    const page = await env.browser.newPage({ viewport: { width, height: 800 } });
    const res = await page.goto(env.served.url(url));
    expect(res?.status(), url).toBe(200);
    return page;
  }

  for (const width of [360, 1280]) {
    it(`pass axe (WCAG 2.1 A/AA) on the first, a middle and the last page at ${width} px`, async () => {
      const pages = pagesOf(largest());
      for (const file of [...new Set([pages[0]!, pages[1]!, pages.at(-1)!])]) {
        const page = await open(`/${file.replace(/index\.html$/, '')}`, width);
        expect(await axeViolations(page), `${file} ${width}px`).toEqual([]);
        await page.close();
      }
    });
  }

  it('reflows at 320 px, and the next-page link is reachable by keyboard and leads to page 2', async () => {
    const field = largest();
    const page = await open(`/linh-vuc/${field}/`, 320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('.pagination-next a') ?? false);
    }
    expect(reached).toBe(true);
    await Promise.all([page.waitForURL(/\/trang-2\/$/), page.keyboard.press('Enter')]);
    expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toBe('2');
    await page.close();
  });
});
