// Measurements of a built site for the scale benchmark: sizes on disk, the weight of one entry page,
// and search cost in Chromium (the approach of src/cli/bench-search.ts: cold first query in a fresh
// context, then warm queries typed into the same page).
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../src/node/browser.ts';
import { serveSite } from '../src/node/serve.ts';

export interface DirStats {
  bytes: number;
  files: number;
}

/** Bytes and files under `dir` (precompressed .gz/.br copies counted separately when `skipCompressed`). */
export function dirStats(dir: string, opts: { skipCompressed?: boolean } = {}): DirStats {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const d of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!d.isFile()) continue;
    if (opts.skipCompressed && /\.(gz|br)$/.test(d.name)) continue;
    bytes += fs.statSync(path.join(d.parentPath, d.name)).size;
    files++;
  }
  return { bytes, files };
}

export interface PageWeight {
  path: string;
  htmlBytes: number;
  cssBytes: number;
  cssFiles: number;
  /** `<script` tags and modulepreload links in the HTML (should be 0 on entry pages). */
  scripts: number;
}

/** HTML plus the CSS it links (uncompressed), and any script it references. */
export function pageWeight(siteDir: string, rel: string, base = '/'): PageWeight {
  const html = fs.readFileSync(path.join(siteDir, rel), 'utf8');
  let cssBytes = 0;
  let cssFiles = 0;
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (!href || /^https?:/.test(href)) continue;
    const file = path.join(siteDir, href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, ''));
    if (fs.existsSync(file)) {
      cssBytes += fs.statSync(file).size;
      cssFiles++;
    }
  }
  const scripts = (html.match(/<script\b/g) ?? []).length + (html.match(/rel="modulepreload"/g) ?? []).length;
  return { path: rel, htmlBytes: Buffer.byteLength(html), cssBytes, cssFiles, scripts };
}

export interface SearchCost {
  cold: {
    query: string;
    ms: number;
    /** Network bytes (bodies + headers) the page and its workers fetched from navigation to rendered results. */
    bytes: number;
    /** The part of `bytes` that is search assets (Pagefind, vocabulary, the search script). */
    searchBytes: number;
    requests: number;
    /** Network bytes until the network is quiet, the service worker's downloads (offline precache) included. */
    bytesUntilQuiet: number;
    requestsUntilQuiet: number;
    /** The part of `bytesUntilQuiet` fetched by the service worker itself. */
    serviceWorkerBytes: number;
    results: number;
  };
  warm: { queries: number; medianMs: number; p95Ms: number; maxMs: number; medianBytes: number; maxBytes: number; emptyResults: number };
  /** An entry page in a fresh context (JavaScript must be 0). */
  entryPage: { path: string; requests: number; scripts: number; bytes: number };
}

const SEARCH_ASSET = /\/(pagefind|search)\/|\/_astro\/.*\.js$/;

interface Transfer {
  t: number;
  path: string;
  type: string;
  bytes: number;
  /** Fetched by a service worker (precache, or on behalf of a page). */
  sw: boolean;
}

/**
 * Network transfers of a browser context: pages, workers and the service worker. Responses a service
 * worker served from its cache are not network transfers and are left out.
 */
function recordTransfers(context: BrowserContext): { list: Transfer[]; settled: () => Promise<void> } {
  const list: Transfer[] = [];
  const pending = new Set<Promise<void>>();
  context.on('requestfinished', (req) => {
    const p = (async () => {
      const response = await req.response().catch(() => null);
      if (response?.fromServiceWorker()) return;
      const sizes = await req.sizes().catch(() => undefined);
      const bytes = sizes ? Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize) : 0;
      list.push({ t: Date.now(), path: new URL(req.url()).pathname, type: req.resourceType(), bytes, sw: req.serviceWorker() !== null });
    })();
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  return { list, settled: async () => void (await Promise.all([...pending])) };
}

/** Waits until no request has finished for `quietMs` (at most `maxMs`). */
async function quiet(t: { list: Transfer[]; settled: () => Promise<void> }, quietMs = 1500, maxMs = 120_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    await t.settled();
    const last = t.list.at(-1)?.t ?? start;
    if (Date.now() - last >= quietMs || Date.now() - start > maxMs) return;
  }
}

const sum = (list: Transfer[]) => list.reduce((n, x) => n + x.bytes, 0);
const doneSelector = (q: string) => `[data-search-results][data-state="done"][data-query="${q.replace(/["\\]/g, '\\$&')}"]`;
const resultCount = (page: Page) => page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.length);

export async function measureSearch(siteDir: string, queries: string[], entryPath: string): Promise<SearchCost> {
  const served = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    // Entry page: no JavaScript until search is used.
    const entryContext = await browser.newContext();
    const entryTransfers = recordTransfers(entryContext);
    const entryPage = await entryContext.newPage();
    await entryPage.goto(served.url(entryPath));
    await entryPage.waitForLoadState('networkidle');
    await quiet(entryTransfers);
    const entry = {
      path: entryPath,
      requests: entryTransfers.list.length,
      scripts: entryTransfers.list.filter((r) => r.type === 'script' || /\.m?js$/.test(r.path)).length,
      bytes: sum(entryTransfers.list),
    };
    await entryContext.close();

    // Cold: a fresh context loads the search page with the first query in its URL.
    const coldContext = await browser.newContext();
    const coldTransfers = recordTransfers(coldContext);
    const coldPage = await coldContext.newPage();
    const first = queries[0];
    const coldStart = Date.now();
    await coldPage.goto(served.url(`tim-kiem/?${new URLSearchParams({ q: first })}`));
    await coldPage.waitForSelector(doneSelector(first), { state: 'attached', timeout: 120_000 });
    const coldDone = Date.now();
    const coldResults = await resultCount(coldPage);
    await coldTransfers.settled();
    const toResults = coldTransfers.list.filter((x) => x.t <= coldDone && !x.sw);
    await quiet(coldTransfers);
    const untilQuiet = [...coldTransfers.list];

    // Warm: the other queries typed into the same page, from the last keystroke to rendered results.
    const warmMs: number[] = [];
    const warmBytes: number[] = [];
    let emptyResults = 0;
    for (const q of queries.slice(1)) {
      await coldPage.fill('#q', '');
      await coldPage.waitForSelector(doneSelector(''), { state: 'attached' }).catch(() => undefined);
      await coldTransfers.settled();
      const before = coldTransfers.list.length;
      const start = Date.now();
      await coldPage.fill('#q', q);
      await coldPage.waitForSelector(doneSelector(q), { state: 'attached', timeout: 60_000 });
      warmMs.push(Date.now() - start);
      if ((await resultCount(coldPage)) === 0) emptyResults++;
      await coldTransfers.settled();
      warmBytes.push(sum(coldTransfers.list.slice(before)));
    }
    await coldContext.close();
    const pct = (list: number[], p: number) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    };
    return {
      cold: {
        query: first,
        ms: coldDone - coldStart,
        bytes: sum(toResults),
        searchBytes: sum(toResults.filter((x) => SEARCH_ASSET.test(x.path))),
        requests: toResults.length,
        bytesUntilQuiet: sum(untilQuiet),
        requestsUntilQuiet: untilQuiet.length,
        serviceWorkerBytes: sum(untilQuiet.filter((x) => x.sw)),
        results: coldResults,
      },
      warm: {
        queries: warmMs.length,
        medianMs: pct(warmMs, 50),
        p95Ms: pct(warmMs, 95),
        maxMs: Math.max(0, ...warmMs),
        medianBytes: pct(warmBytes, 50),
        maxBytes: Math.max(0, ...warmBytes),
        emptyResults,
      },
      entryPage: entry,
    };
  } finally {
    await browser.close();
    await served.close();
  }
}

export interface BareSearchCost {
  query: string;
  /** Network bytes for Pagefind's own first query (search + the top 10 results' data), no site UI. */
  bytes: number;
  requests: number;
  /** The part of `bytes` that is Pagefind's metadata file (pagefind.*.pf_meta), which grows with the page count. */
  metaBytes: number;
  results: number;
}

/** The bare pipeline's first query: Pagefind's JS API on a bare page, in a fresh context. */
export async function measureBareSearch(siteDir: string, query: string): Promise<BareSearchCost> {
  const served = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    const first = (fs.readdirSync(siteDir, { withFileTypes: true }) as fs.Dirent[]).find((d) => d.isDirectory() && d.name !== 'pagefind' && !d.name.startsWith('_'));
    if (!first) throw new Error(`no page in ${siteDir}`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(served.url(`${first.name}/`));
    await page.waitForLoadState('networkidle');
    const transfers = recordTransfers(context);
    const results = await page.evaluate(async (q) => {
      const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const search = await pf.search(q);
      await Promise.all(search.results.slice(0, 10).map((r: { data(): Promise<unknown> }) => r.data()));
      return search.results.length as number;
    }, query);
    await transfers.settled();
    await context.close();
    return {
      query,
      bytes: sum(transfers.list),
      requests: transfers.list.length,
      metaBytes: sum(transfers.list.filter((x) => x.path.endsWith('.pf_meta'))),
      results,
    };
  } finally {
    await browser.close();
    await served.close();
  }
}
