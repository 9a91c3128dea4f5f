// Change notes and a withdrawn answer in a real browser (Debian's Chromium), on the built sample site:
// what a reader sees on a phone and a desktop, that the withdrawn answer is collapsed (without
// JavaScript too), unreachable from search and the handbook but still at its URL, and axe-clean.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from '../helpers/served-site.ts';
import { axeViolations } from '../helpers/axe.ts';

const SITE = inject('sites').sample;
const NOTED = 'tham-quyen-xu-phat-chu-tich-xa-linh-vuc-thuong-mai';
const GONE = 'cap-giay-chung-nhan-attp-dich-vu-an-uong-tai-xa';
const GONE_QUESTION = 'UBND xã có cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm cho nhà hàng, bếp ăn tập thể trên địa bàn không?';

const env = useServedSite(SITE);

async function open(path: string, opts: { width?: number; js?: boolean } = {}): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, javaScriptEnabled: opts.js ?? true });
  const page = await context.newPage();
  const res = await page.goto(env.served.url(path));
  expect(res?.status(), path).toBe(200);
  return page;
}

/** Nothing sticks out sideways: the page reflows at the width. */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

describe('an entry with change notes', () => {
  for (const width of [360, 1280]) {
    it(`shows its notes newest first in "Lịch sử thay đổi", no commit subject, axe-clean (${width} px)`, async () => {
      const page = await open(`cau-hoi/${NOTED}/`, { width });
      const items = await page.locator('section.history li').allInnerTexts();
      expect(items[0]).toMatch(/^05\/10\/2026: Bổ sung Nghị định 311\/2026\/NĐ-CP/);
      expect(items[1]).toMatch(/^24\/07\/2025: Thay câu trả lời ngày 02\/7\/2025/);
      expect(items.at(-1)).toBe('24/07/2025: Trả lời lần đầu');
      expect(await page.locator('section.history [data-history="change"]').count()).toBe(2);
      expect(await overflows(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('a withdrawn entry', () => {
  for (const width of [360, 1280]) {
    it(`is still at its URL with a banner (why, since when, whom to ask), axe-clean (${width} px)`, async () => {
      const page = await open(`cau-hoi/${GONE}/`, { width });
      const banner = page.locator('.notice-withdrawn');
      await expect(banner.isVisible()).resolves.toBe(true);
      const text = await banner.innerText();
      expect(text).toContain('Câu trả lời này đã được rút');
      expect(text).toContain('15/09/2026');
      expect(text).toContain('chuyển về Sở Y tế Nghệ An');
      expect(await banner.locator('a[href^="mailto:soyte@nghean.gov.vn"]').count()).toBe(1);
      expect(await banner.locator('a[href$="/don-vi/so-y-te-nghe-an/"]').count()).toBe(1);
      expect(await overflows(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
  it('keeps the old answer collapsed below the banner, and it opens without JavaScript', async () => {
    const page = await open(`cau-hoi/${GONE}/`, { js: false });
    const details = page.locator('details.entry-answer-withdrawn');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('#full-answer').isVisible()).toBe(false);
    const bannerBottom = await page.locator('.notice-withdrawn').evaluate((e) => e.getBoundingClientRect().bottom);
    const detailsTop = await details.evaluate((e) => e.getBoundingClientRect().top);
    expect(detailsTop).toBeGreaterThan(bannerBottom);
    await details.locator('summary').click();
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#full-answer').isVisible()).toBe(true);
    await page.context().close();
  });
  it('is axe-clean with the old answer open', async () => {
    const page = await open(`cau-hoi/${GONE}/`, { width: 360 });
    await page.locator('details.entry-answer-withdrawn > summary').click();
    expect(await page.locator('#full-answer').isVisible()).toBe(true);
    expect(await overflows(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
  it('is not found by search, even by its own question', async () => {
    const page = await open(`tim-kiem/?q=${encodeURIComponent(GONE_QUESTION)}`);
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    const ids = await page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.map((a) => (a as HTMLElement).dataset.entryId!));
    expect(ids.length).toBeGreaterThan(0); // the query finds current answers on the same subject
    expect(ids).not.toContain(GONE);
    await page.context().close();
  });
  it('is not in the handbook nor in its field’s list', async () => {
    for (const path of ['so-tay/an-toan-thuc-pham/', 'linh-vuc/an-toan-thuc-pham/', '']) {
      const page = await open(path);
      expect(await page.locator(`a[href*="/cau-hoi/${GONE}/"], [data-entry-id="${GONE}"]`).count(), path).toBe(0);
      await page.context().close();
    }
  });
  it('is listed on the review page and its owner’s page', async () => {
    for (const path of ['ra-soat/', 'don-vi/so-y-te-nghe-an/']) {
      const page = await open(path);
      expect(await page.locator(`a[href$="/cau-hoi/${GONE}/"]`).count(), path).toBe(1);
      await page.context().close();
    }
  });
});
