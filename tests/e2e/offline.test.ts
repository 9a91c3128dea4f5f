// Offline support (docs/offline.md) in a real browser (Debian's Chromium) with the network cut by
// context.setOffline, against the built minimal fixture site, at the root and under SITE_BASE.
// The test server sends the site's strict CSP (no inline script or style), can switch the folder it
// serves (a new build published at the same origin) and can answer slowly.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { buildSite, htmlFiles } from '../../src/node/build-site.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { bannerHtml, formatSavedDate, injectAfterBody, pageTitle, placeholderFragment, savedListHtml } from '../../src/sw/html.ts';
import { FIXTURE_TODAY, makeRoot, MINIMAL_ROOT, readFixture } from '../helpers/fixture-root.ts';

const sites = inject('sites');

const LAND = 'dang-ky-dat-dai-lan-dau';
const POWER = 'hanh-lang-an-toan-luoi-dien';
const POWER_Q = 'UBND cấp xã có trách nhiệm gì trong bảo vệ hành lang an toàn lưới điện?';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'";
const BANNER = /^Ngoại tuyến — đang hiển thị bản đã lưu ngày (\d\d\/\d\d\/\d{4})$/;

interface TestSite {
  url(p?: string): string;
  /** Serves another build from now on (a deployment). */
  publish(dir: string): void;
  /** Delay before every response, in ms. */
  delay: number;
  close(): Promise<void>;
}

async function serve(dir: string, base: string): Promise<TestSite> {
  const handlers = new Map<string, ReturnType<typeof sirv>>();
  let current = dir;
  const handler = (d: string) => {
    if (!handlers.has(d)) handlers.set(d, sirv(d, { dev: true, etag: true, gzip: true, brotli: true, extensions: ['html'] }));
    return handlers.get(d)!;
  };
  const site = {
    delay: 0,
    url: (p = '') => `${origin}${base}${p.replace(/^\//, '')}`,
    publish: (d: string) => void (current = d),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const respond = () => {
      const url = req.url ?? '/';
      if (!url.startsWith(base)) {
        res.statusCode = 404;
        res.end('not under base');
        return;
      }
      const dir = current;
      res.setHeader('Content-Security-Policy', CSP);
      req.url = `/${url.slice(base.length)}`;
      handler(dir)(req, res, () => {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(fs.readFileSync(path.join(dir, '404.html')));
      });
    };
    if (site.delay > 0) setTimeout(respond, site.delay);
    else respond();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page of a fresh browser profile on the home page, once the worker is installed and in control. */
async function installed(context: BrowserContext, site: TestSite): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.url(''));
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

/** The build id of the worker controlling the page (asked over a MessageChannel). */
function controllingBuild(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return resolve(null);
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data as string);
        controller.postMessage('hoidap:build', [channel.port2]);
      }),
  );
}

const buildIdOf = (dir: string) => /build ([0-9a-f]{12})/.exec(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8'))![1];
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const todayVi = () => formatSavedDate(new Date());

/** Runs a search on the search page; returns the status line, result titles and entry ids. */
async function search(page: Page, site: TestSite, q: string) {
  await page.goto(site.url(`tim-kiem/?q=${encodeURIComponent(q)}`));
  await page.waitForSelector('[data-search-results][data-state="done"], [data-search-results][data-state="error"]', { state: 'attached' });
  expect(await page.getAttribute('[data-search-results]', 'data-state')).toBe('done');
  return {
    status: (await page.textContent('[data-search-status]')) ?? '',
    titles: await page.locator('[data-search-results] a.entry-link').allTextContents(),
    ids: await page.$$eval('[data-search-results] a.entry-link', (links) => links.map((a) => (a as HTMLElement).dataset.entryId ?? '')),
  };
}

for (const [name, base] of [
  ['minimal', '/'],
  ['minimalBase', '/hoi-dap/'],
] as const) {
  describe(`offline support (${name}, base ${base})`, () => {
    const dir = sites[name];
    let site: TestSite;
    let context: BrowserContext;
    beforeAll(async () => {
      site = await serve(dir, base);
    });
    afterAll(async () => {
      await site?.close();
    });
    beforeAll(async () => {
      context = await browser.newContext();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('registers from every page but entry pages, which stay free of JavaScript', () => {
      for (const page of htmlFiles(dir)) {
        const html = fs.readFileSync(path.join(dir, page), 'utf8');
        if (page.startsWith('admin/')) continue;
        if (page.startsWith('cau-hoi/')) expect(html, page).not.toMatch(/<script/i);
        else expect(html, page).toContain(`<script src="${base}sw-register.js" defer></script>`);
      }
    });

    it('installs with the site base as its scope and precaches the shell and the search index, no entries', async () => {
      const page = await installed(context, site);
      const registration = await page.evaluate(async () => {
        const r = (await navigator.serviceWorker.getRegistration())!;
        return { scope: r.scope, script: r.active!.scriptURL };
      });
      expect(registration).toEqual({ scope: site.url(''), script: site.url('sw.js') });
      const id = buildIdOf(dir);
      expect(await controllingBuild(page)).toBe(id);
      const precache = `hoidap:${site.url('')}:precache:${id}`;
      expect(await cacheNames(page)).toContain(precache);
      const urls = await page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname), precache);
      for (const expected of ['', 'tim-kiem/', 'offline/', 'sw-register.js', 'search/vocabulary.json', 'pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/wasm.unknown.pagefind', 'pagefind/pagefind-entry.json']) {
        expect(urls).toContain(base + expected);
      }
      expect(urls.some((u) => u.endsWith('.pf_meta'))).toBe(true);
      expect(urls.some((u) => u.includes('/pagefind/index/'))).toBe(true);
      expect(urls.some((u) => u.includes('/pagefind/filter/'))).toBe(true);
      expect(urls.some((u) => u.includes('/_astro/') && u.endsWith('.css'))).toBe(true);
      expect(urls.filter((u) => u.includes('/cau-hoi/') || u.includes('/pagefind/fragment/'))).toEqual([]);
      await page.close();
    });

    it('serves a visited entry offline, with a banner dated when it was saved', async () => {
      const page = await installed(context, site);
      await page.goto(site.url(`cau-hoi/${POWER}/`));
      expect(await page.locator('.offline-banner').count()).toBe(0);
      await context.setOffline(true);
      try {
        await page.reload();
        expect(await page.textContent('h1')).toBe(POWER_Q);
        const banner = (await page.textContent('.offline-banner')) ?? '';
        expect(banner).toMatch(BANNER);
        expect(BANNER.exec(banner)![1]).toBe(todayVi());
        // The banner comes right after <body>, and its style (offline.css, precached) applies under the CSP.
        expect(await page.evaluate(() => document.body.firstElementChild?.className)).toBe('offline-banner');
        expect(await page.$eval('.offline-banner', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(27, 27, 27)');
        // The same page typed without its trailing slash (a QR code copied by hand).
        await page.goto(site.url(`cau-hoi/${POWER}`));
        expect(await page.textContent('h1')).toBe(POWER_Q);
      } finally {
        await context.setOffline(false);
      }
      await page.close();
    });

    it('answers a never-visited page offline with the offline page, listing the saved pages', async () => {
      const page = await installed(context, site);
      await page.goto(site.url(`cau-hoi/${POWER}/`));
      await context.setOffline(true);
      try {
        const response = await page.goto(site.url(`cau-hoi/${LAND}/`));
        expect(response?.status()).toBe(503);
        expect(await page.textContent('h1')).toBe('Không có kết nối mạng');
        const saved = page.locator('.saved-pages a');
        expect(await saved.allTextContents()).toContain(POWER_Q);
        expect(await page.locator(`.saved-pages a[href="${base}cau-hoi/${POWER}/"]`).count()).toBe(1);
        // The home page, precached, is served too.
        await page.goto(site.url(''));
        expect(await page.textContent('.offline-banner')).toMatch(BANNER);
        expect(await page.locator('.field-grid a').count()).toBeGreaterThan(0);
      } finally {
        await context.setOffline(false);
      }
      await page.close();
    });

    it('searches offline with the precached index; results opened before show in full', async () => {
      const fresh = await browser.newContext();
      try {
        const page = await installed(fresh, site);
        await fresh.setOffline(true);
        // Never searched: the index answers, the result's text is not on the device yet.
        let found = await search(page, site, 'dat dai');
        expect(found.status).toContain('1 kết quả');
        expect(found.titles).toEqual(['Kết quả chưa được lưu trên máy này']);
        await fresh.setOffline(false);
        found = await search(page, site, 'dat dai');
        expect(found.ids).toEqual([LAND]);
        await fresh.setOffline(true);
        found = await search(page, site, 'dat dai');
        expect(found.ids).toEqual([LAND]);
        expect(found.titles[0]).toContain('Ai cấp giấy chứng nhận quyền sử dụng đất lần đầu');
        // Typo correction works from the precached vocabulary.
        expect((await search(page, site, 'tuyen truyenn')).status).toContain('1 kết quả');
      } finally {
        await fresh.close();
      }
    });

    it('on a slow network, shows the saved copy after 3 seconds', async () => {
      const page = await installed(context, site);
      await page.goto(site.url(`cau-hoi/${POWER}/`));
      site.delay = 6000;
      try {
        const started = Date.now();
        await page.reload();
        expect(Date.now() - started).toBeLessThan(5500);
        expect(await page.textContent('.offline-banner')).toMatch(/^Mạng chậm — đang hiển thị bản đã lưu ngày \d\d\/\d\d\/\d{4}$/);
        expect(await page.textContent('h1')).toBe(POWER_Q);
      } finally {
        site.delay = 0;
      }
      await page.close();
    });
  });
}

describe('updates: a new build replaces the old one as a whole, never mixed', () => {
  const base = '/hoi-dap/';
  const NEW_Q = 'UBND cấp xã làm gì để bảo vệ hành lang an toàn lưới điện và trạm sạc xe điện?';
  const v1 = sites.minimalBase;
  // Private folders: several test runs may share the checkout.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-offline-'));
  const v2 = path.join(work, 'v2');
  const off = path.join(work, 'off');
  let site: TestSite;

  beforeAll(async () => {
    // BASE_URL: Vitest sets it to '/' in the test process, and the build would inherit it.
    const env = { HOIDAP_BUILD_DATE: FIXTURE_TODAY, SITE_BASE: base, BASE_URL: base };
    const power = readFixture('entries/a/hanh-lang.md').replace(/^question: .*$/m, `question: ${NEW_Q}`);
    const root2 = makeRoot({ 'entries/a/hanh-lang.md': power });
    for (const [outDir, root, extra] of [
      [v2, root2, {}],
      [off, MINIMAL_ROOT, { HOIDAP_OFFLINE: '0' }],
    ] as const) {
      const result = buildSite({ root, outDir, env: { ...env, ...extra, HOIDAP_CACHE_DIR: `${outDir}-astro-cache` } });
      if (result.status !== 0) throw new Error(`building ${outDir} failed:\n${result.output}`);
    }
    fs.rmSync(root2, { recursive: true, force: true });
    site = await serve(v1, base);
  }, 300_000);
  afterAll(async () => {
    await site?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('keeps an open old version consistent, then switches pages, index and caches together', async () => {
    const id1 = buildIdOf(v1);
    const id2 = buildIdOf(v2);
    expect(id2).not.toBe(id1);
    const context = await browser.newContext();
    try {
      site.publish(v1);
      const first = await installed(context, site);
      await first.goto(site.url(`cau-hoi/${POWER}/`));
      expect(await first.textContent('h1')).toBe(POWER_Q);
      expect((await search(first, site, 'luoi dien')).titles).toContain(POWER_Q);

      // A new build is published. The browser finds the new worker (it checks after navigations;
      // asked explicitly here), which installs beside the old one and waits.
      site.publish(v2);
      const second = await context.newPage();
      await second.goto(site.url(''));
      await second.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect.poll(() => second.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null), { timeout: 30_000 }).toBe('installed');
      const scope = site.url('');
      expect(await cacheNames(second)).toEqual(expect.arrayContaining([`hoidap:${scope}:precache:${id1}`, `hoidap:${scope}:precache:${id2}`]));

      // While old pages are open, the old worker serves the old build only: its search page, index
      // and result text (the old question, never the new one), and its own saved copies.
      expect(await controllingBuild(second)).toBe(id1);
      const old = await search(second, site, 'luoi dien');
      expect(old.titles).toContain(POWER_Q);
      expect(old.titles).not.toContain(NEW_Q);
      // Online, a page comes from the network (the published build), but is not saved by the old
      // worker: offline, its saved copy is still the old build's.
      await second.goto(site.url(`cau-hoi/${POWER}/`));
      expect(await second.textContent('h1')).toBe(NEW_Q);
      await context.setOffline(true);
      await second.reload();
      expect(await second.textContent('h1')).toBe(POWER_Q);
      expect(await second.textContent('.offline-banner')).toMatch(BANNER);
      await context.setOffline(false);

      // Once no page uses the old worker, the new one takes over and deletes the old caches.
      await first.close();
      await second.close();
      const third = await context.newPage();
      await third.goto(site.url(''));
      await expect.poll(() => controllingBuild(third), { timeout: 30_000 }).toBe(id2);
      const names = await cacheNames(third);
      expect(names.filter((n) => n.includes(id1))).toEqual([]);
      expect(names).toContain(`hoidap:${scope}:precache:${id2}`);

      // New search page and index, with the new text.
      const found = await search(third, site, 'luoi dien');
      expect(found.titles).toContain(NEW_Q);
      expect(found.titles).not.toContain(POWER_Q);
      expect((await search(third, site, 'tram sac xe')).ids).toEqual([POWER]);
      // The saved copy was downloaded again from the new build when it installed: offline, the new
      // version is shown, never the old copy.
      await context.setOffline(true);
      await third.goto(site.url(`cau-hoi/${POWER}/`));
      expect(await third.textContent('h1')).toBe(NEW_Q);
      expect(await third.textContent('.offline-banner')).toMatch(BANNER);
      await context.setOffline(false);
    } finally {
      await context.close();
    }
  });

  it('HOIDAP_OFFLINE=0: no worker for new visitors, and an installed one removes itself and its caches', async () => {
    expect(fs.existsSync(path.join(off, 'sw-register.js'))).toBe(false);
    expect(fs.existsSync(path.join(off, 'offline'))).toBe(false);
    for (const page of htmlFiles(off)) expect(fs.readFileSync(path.join(off, page), 'utf8'), page).not.toContain('sw-register.js');
    const context = await browser.newContext();
    try {
      site.publish(v1);
      const page = await installed(context, site);
      expect((await cacheNames(page)).length).toBeGreaterThan(0);
      site.publish(off);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => cacheNames(page), { timeout: 30_000 }).toEqual([]);
    } finally {
      await context.close();
      site.publish(v1);
    }
  });
});

describe('the build step', () => {
  it('over the size cap, leaves the index out of the precache; it is cached on first use instead', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-offline-cap-'));
    let site: TestSite | undefined;
    const context = await browser.newContext();
    try {
      fs.cpSync(sites.minimal, copy, { recursive: true });
      const under = await writeServiceWorker(copy, '/');
      expect(under.index.precached).toBe(true);
      const over = await writeServiceWorker(copy, '/', { indexCapBytes: 100 });
      expect(over.index.precached).toBe(false);
      expect(over.precache.some((e) => e.url.includes('/pagefind/index/') || e.url.includes('/pagefind/filter/'))).toBe(false);
      expect(over.precache.some((e) => e.url === '/pagefind/pagefind.js')).toBe(true);
      expect(over.buildId).not.toBe(under.buildId);
      expect(over.precache.every((e) => /^sha256-[A-Za-z0-9+/]+=*$/.test(e.integrity))).toBe(true);

      site = await serve(copy, '/');
      const page = await installed(context, site);
      expect((await search(page, site, 'dat dai')).ids).toEqual([LAND]);
      await context.setOffline(true);
      expect((await search(page, site, 'dat dai')).ids).toEqual([LAND]);
    } finally {
      await context.close();
      await site?.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('what the worker writes into pages', () => {
  it('inserts the banner right after <body>, escaped, dated in Vietnam time', () => {
    const html = injectAfterBody('<html><body class="x"><main>a</main></body></html>', bannerHtml('offline', new Date('2026-03-04T20:00:00Z')));
    expect(html).toBe(
      '<html><body class="x"><p class="offline-banner" role="status" data-offline-banner="offline">Ngoại tuyến — đang hiển thị bản đã lưu ngày 05/03/2026</p><main>a</main></body></html>',
    );
    expect(bannerHtml('slow')).toContain('Mạng chậm — đang hiển thị bản đã lưu trên máy này');
  });

  it('reads page titles and lists saved pages newest first, escaping what it writes', () => {
    expect(pageTitle('<title>Ai cấp &quot;sổ đỏ&quot; &amp; khi nào? | Hỏi đáp hai cấp</title>')).toBe('Ai cấp "sổ đỏ" & khi nào?');
    const list = savedListHtml([
      { url: '/a/', title: 'A <b>', savedAt: new Date('2026-01-01T00:00:00Z') },
      { url: '/b/', title: 'B', savedAt: new Date('2026-02-01T00:00:00Z') },
    ]);
    expect(list).toBe(
      '<ul class="saved-pages"><li><a href="/b/">B</a> <span class="saved-date">(lưu ngày 01/02/2026)</span></li><li><a href="/a/">A &lt;b&gt;</a> <span class="saved-date">(lưu ngày 01/01/2026)</span></li></ul>',
    );
    expect(savedListHtml([])).toContain('Chưa có trang nào được lưu.');
  });

  it('stands in for a search result that is not on the device with a valid Pagefind fragment', () => {
    const text = placeholderFragment('offline/');
    expect(text.startsWith('pagefind_dcd')).toBe(true);
    const fragment = JSON.parse(text.slice('pagefind_dcd'.length));
    expect(fragment).toMatchObject({ url: '/offline/', content: '', anchors: [], meta: { title: 'Kết quả chưa được lưu trên máy này' } });
  });
});
