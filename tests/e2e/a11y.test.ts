// Accessibility of every page template in a real browser (Debian's Chromium), against the built sample
// site: axe-core finds no WCAG 2.1 A/AA violation on screen and in print, on a phone (360 px) and a
// desktop (1280 px); keyboard use (skip link, search, filters, results, navigation); visible focus;
// reflow at 320 px; lang="vi" on every page. The /admin/ page is a third-party CMS application: only
// its language and title are checked.
//
// Templates are read from the built site, not listed here: the HTML files are grouped by route pattern
// (first path segment and depth; index.html and 404.html on their own), so a new kind of page is
// covered automatically.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { htmlFiles } from '../../src/node/build-site.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { axeViolations } from '../helpers/axe.ts';

const SITE = inject('sites').sample;
const WIDTHS = [360, 1280] as const;
const MEDIA = ['screen', 'print'] as const;
/** Pages of a third-party application: checked for language and title only. */
const APPS = new Set(['admin/']);

// The route pattern (template) of a built HTML file: its first path segment and its depth, e.g.
// "so-tay/" for so-tay/index.html and "so-tay/*/" for so-tay/dat-dai/index.html. Top-level files
// (index.html, 404.html) are templates of their own.
const templateOf = (file: string) => {
  const parts = file.split('/');
  if (parts.length === 1) return file;
  return `${parts[0]}/${'*/'.repeat(parts.length - 2)}`;
};
const urlOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

const files = htmlFiles(SITE);
const templates = new Map<string, string[]>();
for (const f of files) templates.set(templateOf(f), [...(templates.get(templateOf(f)) ?? []), f]);
/** What a page is made of: its element names, classes and roles. */
function features(file: string): Set<string> {
  const html = fs.readFileSync(path.join(SITE, file), 'utf8');
  const found = new Set<string>();
  for (const m of html.matchAll(/<([a-z][\w-]*)([^>]*)>/g)) {
    found.add(m[1]!);
    for (const c of /\sclass="([^"]*)"/.exec(m[2]!)?.[1]?.split(/\s+/) ?? []) if (c) found.add(`.${c}`);
    const role = /\srole="([^"]*)"/.exec(m[2]!)?.[1];
    if (role) found.add(`[role=${role}]`);
  }
  return found;
}

/**
 * The pages of a template to test: the first one, then as few others as cover every element, class
 * and role the template's pages use (a superseded answer, an overdue badge...), at most four.
 */
function pick(list: string[]): string[] {
  const feats = new Map(list.map((f) => [f, features(f)]));
  const chosen = [list[0]!];
  const covered = new Set(feats.get(list[0]!));
  while (chosen.length < 4) {
    let best: string | undefined;
    let gain = 0;
    for (const [f, set] of feats) {
      const n = [...set].filter((x) => !covered.has(x)).length;
      if (n > gain) [best, gain] = [f, n];
    }
    if (!best) break;
    chosen.push(best);
    for (const x of feats.get(best)!) covered.add(x);
  }
  return chosen;
}

const samples = [...templates].filter(([name]) => !APPS.has(name)).map(([name, list]) => ({ name, pages: pick(list) }));

const env = useServedSite(SITE);

async function open(url: string, opts: { width?: number; locale?: string } = {}): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: opts.width ?? 1280, height: 800 }, locale: opts.locale });
  await page.goto(env.served.url(url));
  return page;
}

/** Waits until the search page has rendered the results of the query in its URL. */
async function searchDone(page: Page): Promise<void> {
  await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
}

const active = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e && e !== document.body ? { tag: e.tagName.toLowerCase(), id: e.id, cls: e.className, text: (e.textContent ?? '').trim().slice(0, 40), entry: e.dataset.entryId } : null;
  });

/** Presses Tab until the focused element matches the selector (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('the templates of the built site', () => {
  it('are read from the output: every known kind of page is there, and each has a page to test', () => {
    for (const known of ['index.html', '404.html', 'cau-hoi/*/', 'linh-vuc/*/', 'don-vi/*/', 'van-ban/*/', 'ra-soat/', 'tim-kiem/', 'so-tay/', 'so-tay/*/']) {
      expect([...templates.keys()], known).toContain(known);
    }
    expect(samples.every((s) => s.pages.length >= 1)).toBe(true);
  });

  it('every page declares lang="vi" and has a title (the CMS page too)', () => {
    for (const f of files) {
      const html = fs.readFileSync(path.join(SITE, f), 'utf8');
      expect(/<html[^>]*\slang="vi"/.test(html), f).toBe(true);
      expect(/<title>[^<]*\S[^<]*<\/title>/.test(html), f).toBe(true);
    }
  });
});

// Each test has its own page: they run side by side in the one browser.
describe.concurrent('axe-core: no WCAG 2.1 A/AA violation', () => {
  for (const { name, pages } of samples) {
    for (const file of pages) {
      for (const width of WIDTHS) {
        it(`${name}: ${file} at ${width} px, on screen and in print`, { timeout: 120_000 }, async ({ expect }) => {
          const page = await open(urlOf(file), { width });
          try {
            if (name === 'tim-kiem/') await searchDone(page);
            for (const media of MEDIA) {
              await page.emulateMedia({ media });
              expect(await page.evaluate((m) => matchMedia(m).matches, media)).toBe(true);
              expect(await axeViolations(page), `${file} ${width}px ${media}`).toEqual([]);
            }
          } finally {
            await page.close();
          }
        });
      }
    }
  }

  const searches = [
    { label: 'with results', q: 'dien', results: true },
    { label: 'with no results', q: 'qxzvwk', results: false },
  ];
  for (const { label, q, results } of searches) {
    for (const width of WIDTHS) {
      it(`the search page ${label} at ${width} px, on screen and in print`, async ({ expect }) => {
        const page = await open(`tim-kiem/?q=${q}`, { width });
        try {
          await searchDone(page);
          const count = await page.locator('[data-search-results] a[data-entry-id]').count();
          expect(count > 0).toBe(results);
          expect(await page.locator('[data-search-empty]').isHidden()).toBe(results);
          for (const media of MEDIA) {
            await page.emulateMedia({ media });
            expect(await page.evaluate((m) => matchMedia(m).matches, media)).toBe(true);
            expect(await axeViolations(page), `${q} ${width}px ${media}`).toEqual([]);
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe('keyboard and focus on every template', () => {
  for (const { name, pages } of samples) {
    const file = pages[0]!;
    it(`${name}: Tab reaches the skip link first, and it moves focus to the main content`, async () => {
      const page = await open(urlOf(file), { width: 360 });
      try {
        await page.keyboard.press('Tab');
        expect(await active(page)).toMatchObject({ tag: 'a', cls: 'skip-link' });
        // Shown when focused: inside the viewport, not clipped to nothing.
        const box = await page.locator('.skip-link').boundingBox();
        expect(box && box.x >= 0 && box.y >= 0 && box.width > 20 && box.height > 10).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => location.hash === '#main');
        expect(await active(page)).toMatchObject({ tag: 'main', id: 'main' });
        // The next Tab continues inside the main content, not back in the header.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
      } finally {
        await page.close();
      }
    });

    it(`${name}: every element reached with Tab shows a visible focus indicator`, async () => {
      const page = await open(urlOf(file), { width: 1280 });
      try {
        if (name === 'tim-kiem/') await searchDone(page);
        const bad: string[] = [];
        let reached = 0;
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const state = await page.evaluate(() => {
            const e = document.activeElement as HTMLElement | null;
            if (!e || e === document.body) return null;
            const cs = getComputedStyle(e);
            const box = e.getBoundingClientRect();
            const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
            const shadow = cs.boxShadow !== 'none';
            return {
              what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`,
              ok: e.matches(':focus-visible') && (outline || shadow) && box.width > 0 && box.height > 0,
            };
          });
          if (!state) break;
          reached++;
          if (!state.ok) bad.push(state.what);
        }
        expect(reached).toBeGreaterThan(3);
        expect(bad).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it(`${name}: reflows at 320 px without horizontal scrolling`, async () => {
      const page = await open(urlOf(file), { width: 320 });
      try {
        if (name === 'tim-kiem/') await searchDone(page);
        const wide = await page.evaluate(() => {
          const w = document.documentElement.clientWidth;
          const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && e.getBoundingClientRect().width > 0);
          return { scroll: document.documentElement.scrollWidth - w, over: over.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
        });
        expect(wide).toEqual({ scroll: 0, over: [] });
      } finally {
        await page.close();
      }
    });
  }
});

describe('keyboard-only search', () => {
  it('type a query, open the filters, choose a field with the arrow keys, move through the results, open one', async () => {
    // A phone: the filters start folded away.
    const page = await open('tim-kiem/', { width: 360 });
    try {
      await searchDone(page);
      await tabTo(page, '#q');
      await page.keyboard.type('dien');
      await page.waitForFunction(() => location.search.includes('q=dien'));
      await searchDone(page);
      const all = await page.locator('[data-search-results] a[data-entry-id]').count();
      expect(all).toBeGreaterThan(0);

      // Submit button, then the filters' summary: Enter opens them.
      await page.keyboard.press('Tab');
      expect(await active(page)).toMatchObject({ tag: 'button' });
      await page.keyboard.press('Tab');
      expect(await active(page)).toMatchObject({ tag: 'summary' });
      expect(await page.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await page.keyboard.press('Enter');
      expect(await page.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);

      // The field filter: ArrowDown picks the next option and the results follow.
      await page.keyboard.press('Tab');
      expect(await active(page)).toMatchObject({ tag: 'select', id: 'filter-field' });
      await page.keyboard.press('ArrowDown');
      const field = await page.inputValue('#filter-field');
      expect(field).not.toBe('');
      await page.waitForFunction((f) => location.search.includes(`field=${f}`), field);
      await searchDone(page);
      const filtered = await page.locator('[data-search-results] a[data-entry-id]').count();
      expect(filtered).toBeLessThanOrEqual(all);
      // The owner and level filters follow in the Tab order.
      await page.keyboard.press('Tab');
      expect(await active(page)).toMatchObject({ tag: 'select', id: 'filter-owner' });
      await page.keyboard.press('Tab');
      expect(await active(page)).toMatchObject({ tag: 'select', id: 'filter-level' });

      // Back to the query with Shift+Tab, back to all fields with ArrowUp on the field filter.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(() => !location.search.includes('field='));
      await searchDone(page);
      expect(await page.locator('[data-search-results] a[data-entry-id]').count()).toBe(all);

      // From outside a form control, "/" goes to the query box; arrows move through the results and
      // back; Escape returns to the box.
      await page.keyboard.press('Shift+Tab');
      expect(await active(page)).toMatchObject({ tag: 'summary' });
      await page.keyboard.press('/');
      expect(await active(page)).toMatchObject({ tag: 'input', id: 'q' });
      await page.keyboard.press('ArrowDown');
      const first = await active(page);
      expect(first?.entry).toBeTruthy();
      await page.keyboard.press('ArrowDown');
      const second = await active(page);
      if (all > 1) expect(second?.entry).not.toBe(first?.entry);
      await page.keyboard.press('ArrowUp');
      expect((await active(page))?.entry).toBe(first?.entry);
      await page.keyboard.press('ArrowUp');
      expect(await active(page)).toMatchObject({ id: 'q' });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      expect(await active(page)).toMatchObject({ id: 'q' });

      // Results are ordinary links in the Tab order too; Enter opens one.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/cau-hoi/${first!.entry}/`);
      expect(await page.locator('h1').textContent()).toBeTruthy();
    } finally {
      await page.close();
    }
  });

  it('the no-results state: the status is announced, and the field links and the ask link are reachable with Tab', async () => {
    const page = await open('tim-kiem/?q=qxzvwk', { width: 1280 });
    try {
      await searchDone(page);
      expect(await page.getAttribute('[data-search-status]', 'role')).toBe('status');
      expect(await page.textContent('[data-search-status]')).toContain('0 kết quả');
      await tabTo(page, '[data-search-empty] .field-links a', 40);
      await tabTo(page, '[data-search-ask]', 40);
    } finally {
      await page.close();
    }
  });

  it('the header search box on any page: Tab to it, type, Enter', async () => {
    const page = await open('', { width: 360 });
    try {
      await tabTo(page, '#site-search-q');
      await page.keyboard.type('dien');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/tim-kiem/?q=dien');
      await searchDone(page);
      expect(await page.locator('[data-search-results] a[data-entry-id]').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard-only navigation', () => {
  it('home → field → topic → question, with Tab and Enter only', async () => {
    const page = await open('', { width: 360 });
    try {
      await tabTo(page, '.field-card a');
      const field = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      await page.keyboard.press('Enter');
      await page.waitForURL(field);
      // A topic link of the table of contents moves to its section, and Tab continues from there.
      const toc = page.locator('.toc a');
      if ((await toc.count()) > 0) {
        await tabTo(page, '.toc a');
        const hash = await page.evaluate(() => new URL((document.activeElement as HTMLAnchorElement).href).hash);
        await page.keyboard.press('Enter');
        await page.waitForFunction((h) => location.hash === h, hash);
        await page.keyboard.press('Tab');
        const inSection = await page.evaluate((h) => document.getElementById(decodeURIComponent(h.slice(1)))!.closest('section')!.contains(document.activeElement), hash);
        expect(inSection).toBe(true);
      }
      await tabTo(page, 'a.entry-link', 60);
      const entry = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      await page.keyboard.press('Enter');
      await page.waitForURL(entry);
      expect(await page.locator('main h1').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe('the CMS page (/admin/, a third-party application)', () => {
  it('keeps lang="vi" and its title once the CMS has started (Vietnamese browser)', async () => {
    const page = await open('admin/', { locale: 'vi-VN' });
    try {
      // The CMS sets the document language from its UI language once its script has run.
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => document.querySelectorAll('meta[name="viewport"]').length > 1 || document.body.childElementCount > 2, undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^vi\b/);
      expect((await page.title()).trim()).not.toBe('');
    } finally {
      await page.close();
    }
  });
});
