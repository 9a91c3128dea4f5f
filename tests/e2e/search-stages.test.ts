// Search in two stages in Chromium, on the built sample site (docs/search.md, "Two stages"): a first
// query the small first-stage index answers loads nothing of Pagefind; the "search the full text too"
// button then loads Pagefind and shows entries that hold the words only in their bodies; a query the
// first stage cannot answer gets the full-text answer at once.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from '../helpers/served-site.ts';
import { vi as t } from '../../src/i18n/vi.ts';

const sites = inject('sites');
const env = useServedSite(sites.sample);

/** A fresh context (empty cache) on the search page with this query; records the paths it requests. */
async function open(q: string, params = ''): Promise<{ page: Page; requested: string[] }> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(env.served.url(`tim-kiem/?q=${encodeURIComponent(q)}${params}`));
  await done(page, q);
  return { page, requested };
}
const done = (page: Page, q: string) =>
  page.waitForSelector(`[data-search-results][data-state="done"][data-query="${q.replace(/["\\]/g, '\\$&')}"]`, { state: 'attached' });
const ids = (page: Page) => page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.map((a) => (a as HTMLElement).dataset.entryId!));
const stage = (page: Page) => page.$eval('[data-search-results]', (el) => (el as HTMLElement).dataset.stage);
const pagefindRequests = (requested: string[]) => requested.filter((p) => p.startsWith('/pagefind/'));

describe('search in two stages', () => {
  it('answers a first query from the first stage, without requesting anything under pagefind/', async () => {
    const { page, requested } = await open('tạp hóa');
    try {
      expect(await stage(page)).toBe('first');
      const first = await ids(page);
      expect(first.length).toBeGreaterThan(0);
      expect(requested.some((p) => p.startsWith('/search/first/'))).toBe(true);
      expect(pagefindRequests(requested)).toEqual([]);
      // Highlighting and the result meta work on first-stage data as on Pagefind's.
      expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-search-results] .entry-meta').first().textContent()).toContain(t.search.reviewed);

      // The reader asks for the full text: Pagefind loads, and entries holding the words only in their
      // bodies join the list (the acid and caustic shop entry says "tạp hóa" only in its answer).
      const button = page.getByRole('button', { name: t.search.fullText });
      expect(await button.isVisible()).toBe(true);
      await button.click();
      await page.waitForSelector('[data-search-results][data-stage="full"][data-state="done"]', { state: 'attached' });
      expect(pagefindRequests(requested).some((p) => p.endsWith('pagefind.js'))).toBe(true);
      const full = await ids(page);
      expect(first).not.toContain('cua-hang-ban-axit-xut-giay-chung-nhan-hoa-chat');
      expect(full).toContain('cua-hang-ban-axit-xut-giay-chung-nhan-hoa-chat');
      expect(await button.isVisible()).toBe(false);
      expect(await page.textContent('[data-search-status]')).toMatch(/^\d+ kết quả\./);
    } finally {
      await page.context().close();
    }
  });

  it('sends a query the first stage cannot answer to the full text, which answers it', async () => {
    // "cấp" is only in the summary of the licence entry: the first stage is not sure enough.
    const { page, requested } = await open('cap phep ban le ruou');
    try {
      expect(await stage(page)).toBe('full');
      expect((await ids(page))[0]).toBe('giay-phep-ban-le-ruou-cap-xa');
      expect(pagefindRequests(requested).length).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: t.search.fullText }).isVisible()).toBe(false);
    } finally {
      await page.context().close();
    }
  });

  it('sends owner and level filters to the full text, and a field filter to the first stage', async () => {
    const owner = await open('kiem tra attp', '&owner=so-cong-thuong-nghe-an');
    try {
      expect(await stage(owner.page)).toBe('full');
      expect((await ids(owner.page))[0]).toBe('kiem-tra-attp-tai-cho-xa');
      expect(owner.requested.some((p) => /^\/search\/first\/.+\/w\//.test(p))).toBe(false);
    } finally {
      await owner.page.context().close();
    }
    const field = await open('thuoc la', '&field=quan-ly-thi-truong');
    try {
      expect(await stage(field.page)).toBe('first');
      const found = await ids(field.page);
      expect(found[0]).toBe('thuoc-la-lau-hang-nhap-lau-xa-bien-gioi');
      // The retail licence entry (thuong-mai) holds the words in its question but is outside the field.
      expect(found).not.toContain('giay-phep-ban-le-thuoc-la-cap-xa');
      expect(pagefindRequests(field.requested)).toEqual([]);
    } finally {
      await field.page.context().close();
    }
  });

  it('searches the full text when the first-stage files cannot be had', async () => {
    const context = await env.browser.newContext();
    await context.route('**/search/first/**', (route) => route.abort());
    const page = await context.newPage();
    try {
      await page.goto(env.served.url(`tim-kiem/?q=${encodeURIComponent('tạp hóa')}`));
      await done(page, 'tạp hóa');
      expect(await stage(page)).toBe('full');
      expect(await ids(page)).toContain('cua-hang-ban-axit-xut-giay-chung-nhan-hoa-chat');
    } finally {
      await context.close();
    }
  });
});
