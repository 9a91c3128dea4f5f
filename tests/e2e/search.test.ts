// The search page in a real browser (Debian's Chromium), against the built minimal fixture site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { serveSite, type Served } from '../../src/node/serve.ts';

const sites = inject('sites');
let browser: Browser;
let served: Served;
let servedBase: Served;

beforeAll(async () => {
  browser = await launchBrowser();
  served = await serveSite(sites.minimal);
  servedBase = await serveSite(sites.minimalBase, '/hoi-dap/');
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
  await servedBase?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

/** Waits until the results for the current query are rendered, then returns the entry ids in order. */
async function resultIds(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
  return page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.map((a) => (a as HTMLElement).dataset.entryId!));
}

async function search(q: string, params = ''): Promise<string[]> {
  const page = await open(served.url(`tim-kiem/?q=${encodeURIComponent(q)}${params}`));
  try {
    return await resultIds(page);
  } finally {
    await page.close();
  }
}

const LAND = 'dang-ky-dat-dai-lan-dau';
const POWER = 'hanh-lang-an-toan-luoi-dien';

describe('folding: however the officer types it', () => {
  const cases: [string, string][] = [
    ['đất đai', LAND],
    ['dat dai', LAND],
    ['ĐẤT ĐAI', LAND],
    ['Dat Dai', LAND],
    ['đất đai'.normalize('NFD'), LAND],
    ['hanh lang an toan luoi dien', POWER],
    ['hành lang an toàn lưới điện', POWER],
    ['luoi dien', POWER],
    ['giay chung nhan quyen su dung dat', LAND],
  ];
  for (const [q, id] of cases) {
    it(`"${q}" finds ${id} first`, async () => {
      expect((await search(q))[0]).toBe(id);
    });
  }
  it('either tone style finds the same answer: "thủy điện" (old) and "thuỷ điện" (new)', async () => {
    expect((await search('thủy điện'))[0]).toBe(POWER);
    expect((await search('thuỷ điện'))[0]).toBe(POWER);
    expect((await search('THUỶ ĐIỆN'.normalize('NFD')))[0]).toBe(POWER);
  });
});

describe('synonyms, abbreviations, aliases and typos', () => {
  it('an abbreviation from synonyms.yaml', async () => expect((await search('GCN QSDĐ'))[0]).toBe(LAND));
  it('a colloquial synonym without diacritics', async () => expect((await search('so do'))[0]).toBe(LAND));
  it('an alias', async () => expect((await search('xay nha duoi duong day'))[0]).toBe(POWER));
  it('a one-letter typo in a long word', async () => expect((await search('tuyen truyenn'))[0]).toBe(POWER));
  it('a swapped pair of letters', async () => expect((await search('hanh lagn an toan'))[0]).toBe(POWER));
  it('nonsense finds nothing', async () => expect(await search('qxzvwk')).toEqual([]));
});

describe('never drafts or superseded entries', () => {
  it('a draft question is not found', async () => expect(await search('Câu hỏi đang soạn thảo')).not.toContain('ban-nhap-chua-xong'));
  it('a superseded question is not found', async () => expect(await search('Ai cấp sổ đỏ trước ngày')).not.toContain('cap-gcn-cu'));
  it('browsing all fields lists only published entries', async () => {
    const ids = [...(await search('', '&level=commune')), ...(await search('', '&level=province'))];
    expect(new Set(ids)).toEqual(new Set([LAND, POWER]));
  });
});

describe('filters', () => {
  it('by field with an empty query (browse)', async () => expect(await search('', '&field=dat-dai')).toEqual([LAND]));
  it('by owner', async () => expect(await search('', '&owner=so-cong-thuong-nghe-an')).toEqual([POWER]));
  it('by level', async () => expect(await search('', '&level=province')).toEqual([LAND]));
  it('combined with a query', async () => {
    expect(await search('cấp', '&field=dat-dai')).toEqual([LAND]);
    expect(await search('giay chung nhan', '&field=dien-luc')).toEqual([]);
  });
  it('shows the result count', async () => {
    const page = await open(served.url('tim-kiem/?field=dat-dai'));
    await resultIds(page);
    expect(await page.textContent('[data-search-status]')).toContain('1 kết quả');
    await page.close();
  });
});

describe('the results page', () => {
  it('shows question, short answer, field, owner, review date; highlights matched words', async () => {
    const page = await open(served.url('tim-kiem/?q=dat%20dai'));
    await resultIds(page);
    const item = page.locator('[data-search-results] li').first();
    const text = await item.textContent();
    expect(text).toContain('Ai cấp giấy chứng nhận quyền sử dụng đất lần đầu');
    expect(text).toContain('UBND cấp xã cấp giấy chứng nhận lần đầu');
    expect(text).toContain('Đất đai');
    expect(text).toContain('Bộ Công Thương');
    expect(text).toContain('10/01/2026');
    expect(await item.locator('mark').allTextContents()).toContain('đất');
    await page.close();
  });

  it('keeps query and filters in the URL; back and forward restore them', async () => {
    const page = await open(served.url('tim-kiem/'));
    await page.fill('#q', 'dat dai');
    await page.waitForFunction(() => location.search.includes('q=dat+dai'));
    expect(await resultIds(page)).toEqual([LAND]);
    await page.selectOption('#filter-field', 'dien-luc');
    await page.waitForFunction(() => location.search.includes('field=dien-luc'));
    expect(await resultIds(page)).toEqual([]);
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('field='));
    expect(await page.inputValue('#filter-field')).toBe('');
    expect(await resultIds(page)).toEqual([LAND]);
    await page.close();
  });

  it('suggests fields and a way to ask when nothing is found', async () => {
    const page = await open(served.url('tim-kiem/?q=qxzvwk&field=dien-luc'));
    await resultIds(page);
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
    const ask = await page.getAttribute('[data-search-ask]', 'href');
    expect(ask).toMatch(/^mailto:socongthuong@nghean\.gov\.vn\?/);
    expect(decodeURIComponent(ask!)).toContain('qxzvwk');
    expect(await page.locator('[data-search-empty] .field-links a').count()).toBe(2);
    await page.close();
  });

  it('is keyboard usable: / focuses the box, arrows move through results, Enter opens', async () => {
    const page = await open(served.url('tim-kiem/?q=cap'));
    await resultIds(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.entryId);
    expect(first).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cau-hoi/${first}/`);
    await page.close();
  });

  it('the header search box on any page leads to the search page with the query', async () => {
    const page = await open(served.url('cau-hoi/hanh-lang-an-toan-luoi-dien/'));
    await page.fill('#site-search-q', 'so do');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL('**/tim-kiem/?q=so+do');
    expect((await resultIds(page))[0]).toBe(LAND);
    await page.close();
  });
});

describe('under SITE_BASE', () => {
  it('searches and links under the base path', async () => {
    const page = await open(servedBase.url('tim-kiem/?q=dat%20dai'));
    expect(await resultIds(page)).toEqual([LAND]);
    expect(await page.getAttribute('[data-entry-id]', 'href')).toBe(`/hoi-dap/cau-hoi/${LAND}/`);
    await page.close();
  });
});
