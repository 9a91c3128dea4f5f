// Measurements of a built site for the scale benchmark: sizes on disk, the weight of one entry page,
// and search cost in Chromium: every query as the first query of a fresh page load (its own browser
// context), then the same queries typed one after another into one page (warm), the site served as
// `npm start` serves it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../src/node/browser.ts';
import { serveSite, type Served } from '../src/node/serve.ts';
import { headersFor, parseHeadersFile } from '../src/publish/security-headers.ts';

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

/** What a transferred file is, for the split of a cold query's bytes. */
export type TransferKind = 'pfMeta' | 'pfIndex' | 'pfFragment' | 'pfRuntime' | 'searchFirst' | 'search' | 'page' | 'other';

export const TRANSFER_KINDS: Record<TransferKind, string> = {
  pfMeta: 'Pagefind pf_meta',
  pfIndex: 'Pagefind index chunks (and filters)',
  pfFragment: 'Pagefind fragments',
  pfRuntime: 'Pagefind runtime (JS, wasm, entry)',
  searchFirst: 'search/first/ files',
  search: 'other search/ files (vocabulary)',
  page: 'page, CSS and site JS',
  other: 'other (icons, manifest, service worker)',
};

/** Short column heads of the per-query table, in TRANSFER_KINDS order. */
export const TRANSFER_KIND_HEADS: Record<TransferKind, string> = {
  pfMeta: 'pf_meta',
  pfIndex: 'index',
  pfFragment: 'fragm.',
  pfRuntime: 'pf rt',
  searchFirst: 'first/',
  search: 'search/',
  page: 'page',
  other: 'other',
};

/** The kind of a request path under the site base. */
export function transferKind(pathname: string, base = '/'): TransferKind {
  const p = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  if (p.startsWith('pagefind/')) {
    if (p.endsWith('.pf_meta')) return 'pfMeta';
    if (p.endsWith('.pf_index') || p.endsWith('.pf_filter')) return 'pfIndex';
    if (p.endsWith('.pf_fragment')) return 'pfFragment';
    return 'pfRuntime';
  }
  if (p.startsWith('search/first/')) return 'searchFirst';
  if (p.startsWith('search/')) return 'search';
  if (p === '' || p.endsWith('/') || /\.(html|css)$/.test(p) || (p.startsWith('_astro/') && /\.m?js$/.test(p))) return 'page';
  return 'other';
}

/** A query typed as the first search of a fresh page load: a new browser context, empty cache, no service worker. */
export interface ColdQuery {
  query: string;
  /** From navigation to rendered results. */
  ms: number;
  /** Network bytes (bodies as sent, compressed where the server compressed, + headers) the page and its workers fetched until results were shown. */
  bytes: number;
  requests: number;
  /** `bytes` split by kind of file (TRANSFER_KINDS). */
  byKind: Record<TransferKind, number>;
  results: number;
}

export interface SearchCost {
  /** How the site was served: as `npm start` serves it (precompressed .br/.gz, the headers of `_headers`). */
  served: {
    headersFile: boolean;
    /** Content-Encoding of the responses of the cold queries, by encoding (`identity` when none). */
    encodings: Record<string, number>;
    /** Responses whose file has a .br or .gz copy on disk but that were sent without Content-Encoding (should be none). */
    precompressedSentRaw: string[];
  };
  /** Every query of the set as a cold first query, each in its own fresh context. */
  cold: ColdQuery[];
  /** The cold query that transferred the most. */
  worst: { query: string; bytes: number };
  /** The first query's page left open until the network is quiet (the service worker's offline precache included). */
  firstLoad: {
    query: string;
    bytesUntilQuiet: number;
    requestsUntilQuiet: number;
    /** The part of `bytesUntilQuiet` fetched by the service worker itself. */
    serviceWorkerBytes: number;
  };
  /** The other queries typed into the first query's page, one after another. */
  warm: { queries: number; medianMs: number; p95Ms: number; maxMs: number; medianBytes: number; maxBytes: number; emptyResults: number };
  /** An entry page in a fresh context (JavaScript must be 0). */
  entryPage: { path: string; requests: number; scripts: number; bytes: number };
}

interface Transfer {
  /** When the request finished (epoch ms). */
  t: number;
  path: string;
  type: string;
  bytes: number;
  /** Content-Encoding of the response, `identity` when none. */
  encoding: string;
  /** Fetched by a service worker (precache, or on behalf of a page). */
  sw: boolean;
}

interface Transfers {
  list: Transfer[];
  settled: () => Promise<void>;
}

/**
 * Network transfers of a browser context: pages, workers and the service worker. Responses a service
 * worker served from its cache are not network transfers and are left out.
 */
function recordTransfers(context: BrowserContext): Transfers {
  const list: Transfer[] = [];
  const pending = new Set<Promise<void>>();
  context.on('requestfinished', (req) => {
    // The time is taken now: the sizes below arrive later, and a request that finished before the
    // results were shown must be counted as such.
    const t = Date.now();
    const p = (async () => {
      const response = await req.response().catch(() => null);
      if (response?.fromServiceWorker()) return;
      const sizes = await req.sizes().catch(() => undefined);
      const bytes = sizes ? Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize) : 0;
      const encoding = (await response?.headerValue('content-encoding').catch(() => null)) ?? 'identity';
      list.push({ t, path: new URL(req.url()).pathname, type: req.resourceType(), bytes, encoding, sw: req.serviceWorker() !== null });
    })();
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  return { list, settled: async () => void (await Promise.all([...pending])) };
}

/** Waits until no request has finished for `quietMs` (at most `maxMs`). */
async function quiet(t: Transfers, quietMs = 1500, maxMs = 120_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    await t.settled();
    const last = Math.max(start, ...t.list.map((x) => x.t));
    if (Date.now() - last >= quietMs || Date.now() - start > maxMs) return;
  }
}

const sum = (list: Transfer[]) => list.reduce((n, x) => n + x.bytes, 0);
const doneSelector = (q: string) => `[data-search-results][data-state="done"][data-query="${q.replace(/["\\]/g, '\\$&')}"]`;
const resultCount = (page: Page) => page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.length);

/** Serves a built site as `npm start` does (src/cli/start.ts): precompressed copies and the headers of its `_headers`. */
async function serveLikeStart(siteDir: string): Promise<{ served: Served; headersFile: boolean }> {
  const file = path.join(siteDir, '_headers');
  if (!fs.existsSync(file)) return { served: await serveSite(siteDir), headersFile: false };
  const rules = parseHeadersFile(fs.readFileSync(file, 'utf8'));
  return { served: await serveSite(siteDir, '/', 0, (p, origin) => headersFor(rules, p, origin)), headersFile: true };
}

function splitByKind(list: Transfer[]): Record<TransferKind, number> {
  const byKind = Object.fromEntries(Object.keys(TRANSFER_KINDS).map((k) => [k, 0])) as Record<TransferKind, number>;
  for (const x of list) byKind[transferKind(x.path)] += x.bytes;
  return byKind;
}

/**
 * Opens the search page with `query` in its URL in a new context and waits for rendered results.
 * Returns the context still open (the caller closes it) and what was transferred until the results.
 */
async function coldQuery(browser: Browser, served: Served, query: string): Promise<{ cold: ColdQuery; toResults: Transfer[]; page: Page; context: BrowserContext; transfers: Transfers; done: number }> {
  const context = await browser.newContext();
  const transfers = recordTransfers(context);
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(served.url(`tim-kiem/?${new URLSearchParams({ q: query })}`));
  await page.waitForSelector(doneSelector(query), { state: 'attached', timeout: 120_000 });
  const done = Date.now();
  const results = await resultCount(page);
  await transfers.settled();
  const toResults = transfers.list.filter((x) => x.t <= done && !x.sw);
  return {
    cold: { query, ms: done - start, bytes: sum(toResults), requests: toResults.length, byKind: splitByKind(toResults), results },
    toResults,
    page,
    context,
    transfers,
    done,
  };
}

export async function measureSearch(siteDir: string, queries: string[], entryPath: string): Promise<SearchCost> {
  if (queries.length === 0) throw new Error('measureSearch: no query');
  const { served, headersFile } = await serveLikeStart(siteDir);
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

    const cold: ColdQuery[] = [];
    const coldTransfers: Transfer[] = [];

    // The first query: cold, then left open until the network is quiet, then the warm series typed into it.
    const first = await coldQuery(browser, served, queries[0]);
    cold.push(first.cold);
    coldTransfers.push(...first.toResults);
    await quiet(first.transfers);
    const untilQuiet = [...first.transfers.list];
    const warmMs: number[] = [];
    const warmBytes: number[] = [];
    let emptyResults = 0;
    for (const q of queries.slice(1)) {
      await first.page.fill('#q', '');
      await first.page.waitForSelector(doneSelector(''), { state: 'attached' }).catch(() => undefined);
      await first.transfers.settled();
      const before = first.transfers.list.length;
      const start = Date.now();
      await first.page.fill('#q', q);
      await first.page.waitForSelector(doneSelector(q), { state: 'attached', timeout: 60_000 });
      warmMs.push(Date.now() - start);
      if ((await resultCount(first.page)) === 0) emptyResults++;
      await first.transfers.settled();
      warmBytes.push(sum(first.transfers.list.slice(before)));
    }
    await first.context.close();

    // Every other query as the first query of its own fresh context (new cache, no service worker).
    for (const q of queries.slice(1)) {
      const run = await coldQuery(browser, served, q);
      cold.push(run.cold);
      coldTransfers.push(...run.toResults);
      await run.context.close();
    }

    const encodings: Record<string, number> = {};
    for (const x of coldTransfers) encodings[x.encoding] = (encodings[x.encoding] ?? 0) + 1;
    const precompressedSentRaw = [
      ...new Set(
        coldTransfers
          .filter((x) => x.encoding === 'identity' && ['.br', '.gz'].some((ext) => fs.existsSync(path.join(siteDir, decodeURIComponent(x.path) + ext))))
          .map((x) => x.path),
      ),
    ];
    const worst = cold.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const pct = (list: number[], p: number) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    };
    return {
      served: { headersFile, encodings, precompressedSentRaw },
      cold,
      worst: { query: worst.query, bytes: worst.bytes },
      firstLoad: {
        query: queries[0],
        bytesUntilQuiet: sum(untilQuiet),
        requestsUntilQuiet: untilQuiet.length,
        serviceWorkerBytes: sum(untilQuiet.filter((x) => x.sw)),
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
