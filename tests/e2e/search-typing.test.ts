// The search page in Chromium on the sample content, typed the way officers type: Telex and VNI with
// the Vietnamese keyboard off, chatty questions, and questions the bank does not answer (an honest
// "no answer", announced to screen readers, with a way to ask), with and without the field filter.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useServedSite } from '../helpers/served-site.ts';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sites = inject('sites');
const env = useServedSite(sites.sample);

async function open(q: string, params = '', width = 1280): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(env.served.url(`tim-kiem/?q=${encodeURIComponent(q)}${params}`));
  await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
  return page;
}
const answers = (page: Page) => page.$$eval('[data-search-results] a[data-entry-id]', (as) => as.map((a) => (a as HTMLElement).dataset.entryId!));

const ANSWERED: { label: string; q: string; id: string; field: string }[] = [
  { label: 'Telex', q: 'giaays pheps bans ler ruwowuj', id: 'giay-phep-ban-le-ruou-cap-xa', field: 'thuong-mai' },
  { label: 'VNI', q: 'tro65m ca81p d9ie65n', id: 'trom-cap-dien-cau-moc-xa-xu-ly', field: 'dien-luc' },
  {
    label: 'a chatty question',
    q: 'anh chị cho em hỏi, chủ nhà trọ thu tiền điện bốn nghìn một số thì xã mình có xử lý được không ạ',
    id: 'chu-tro-thu-tien-dien-cao-hon-quy-dinh',
    field: 'dien-luc',
  },
  {
    label: 'a chatty question without accents',
    q: 'anh chi cho em hoi, chu nha tro thu tien dien bon nghin mot so thi xa minh co xu ly duoc khong a',
    id: 'chu-tro-thu-tien-dien-cao-hon-quy-dinh',
    field: 'dien-luc',
  },
];

describe('answers however the question is typed', () => {
  for (const { label, q, id, field } of ANSWERED) {
    for (const params of ['', `&field=${field}`]) {
      it(`${label}${params ? ' with the field filter' : ''}: "${q.slice(0, 40)}…" answers with ${id} first`, async () => {
        const page = await open(q, params);
        try {
          expect((await answers(page))[0]).toBe(id);
          expect(await page.isHidden('[data-search-empty]')).toBe(true);
          expect(await page.isHidden('[data-search-related]')).toBe(true);
        } finally {
          await page.close();
        }
      });
    }
  }
  it('says which words it read as Telex', async () => {
    const page = await open('giaays pheps bans ler ruwowuj');
    try {
      expect(await page.textContent('[data-search-status]')).toContain('rượu');
      expect(await page.locator('[data-search-results] li').first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(['rượu']));
    } finally {
      await page.close();
    }
  });
});

describe('an honest "no answer"', () => {
  for (const [q, params] of [
    ['giá vàng hôm nay', ''],
    ['kết quả xổ số miền bắc', ''],
    ['tỷ giá đô la', '&field=thuong-mai'],
    ['thời tiết hà nội ngày mai', '&field=dien-luc'],
  ] as const) {
    it(`"${q}"${params ? ' with the field filter' : ''}: nothing inside the results, said plainly, with a way to ask`, async () => {
      const page = await open(q, params);
      try {
        expect(await answers(page)).toEqual([]);
        const status = page.locator('[data-search-status]');
        expect(await status.getAttribute('role')).toBe('status');
        expect(await status.getAttribute('aria-live')).toBe('polite');
        expect(await status.textContent()).toContain('Chưa có câu trả lời khớp');
        expect(await page.isVisible('[data-search-empty]')).toBe(true);
        expect(await page.getAttribute('[data-search-ask-question]', 'href')).toBe(`/hoi/?q=${encodeURIComponent(q)}`);
        expect(decodeURIComponent((await page.getAttribute('[data-search-ask]', 'href'))!)).toContain(q);
        // Anything listed is under a heading that says it may only be related, outside the results.
        const related = page.locator('[data-search-related]');
        if (await related.isVisible()) {
          expect(await related.locator('h2').textContent()).toContain('có thể liên quan');
          expect(await page.locator('[data-search-results] [data-search-related]').count()).toBe(0);
        }
      } finally {
        await page.close();
      }
    });
  }

  it('offers the owning unit when the owner filter is set', async () => {
    const page = await open('giá vàng hôm nay', '&owner=bo-cong-thuong');
    try {
      expect(await answers(page)).toEqual([]);
      expect(await page.getAttribute('[data-search-unit] a', 'href')).toBe('/don-vi/bo-cong-thuong/');
      expect(await page.getAttribute('[data-search-ask]', 'href')).toMatch(/^mailto:bbt@moit\.gov\.vn\?/);
    } finally {
      await page.close();
    }
  });

  for (const width of [360, 1280]) {
    it(`the no-answer state passes axe (WCAG 2.1 A/AA) at ${width} px`, async () => {
      const page = await open('giá vàng hôm nay', '', width);
      try {
        expect(await answers(page)).toEqual([]);
        expect(await page.isVisible('[data-search-related] a[data-entry-id]')).toBe(true);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
