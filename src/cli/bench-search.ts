// `npm run bench:search -- [queries.json] [--dist DIR] [--json]`
// Search quality and cost in Chromium: builds the site for the content root (./content or
// HOIDAP_CONTENT) unless --dist names a built site, runs every query of the file through the real
// search page, and prints recall@1, recall@3 and MRR overall and per kind, plus bytes transferred
// and latency for the first (cold) and later (warm) queries.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../node/browser.ts';
import { buildSite, PROJECT } from '../node/build-site.ts';
import { serveSite } from '../node/serve.ts';
import { metrics, metricsByKind, noAnswerRates, parseQueryFile, rankOf, type QueryCase, type QueryOutcome } from '../search/metrics.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string' }, json: { type: 'boolean', default: false }, top: { type: 'string', default: '10' } },
});
const queryFile = path.resolve(positionals[0] ?? path.join(PROJECT, 'tests/search/queries.json'));
const cases = parseQueryFile(fs.readFileSync(queryFile, 'utf8'), queryFile);
const log = (line: string) => (values.json ? process.stderr.write(`${line}\n`) : console.log(line));

let dist = values.dist ? path.resolve(values.dist) : '';
if (!dist) {
  dist = path.join(PROJECT, '.cache/bench-search/site');
  log(`building the site for ${process.env.HOIDAP_CONTENT ?? 'content'} into ${path.relative(PROJECT, dist)} …`);
  const built = buildSite({ outDir: dist, env: { SITE_BASE: '/' } });
  if (built.status !== 0) {
    console.error(built.output);
    process.exit(1);
  }
}

const served = await serveSite(dist);
const browser = await launchBrowser();
const SEARCH_ASSET = /\/(pagefind|search)\/|\/_astro\/.*\.js$|\/data\/(site|vocabulary)\.json$/;
const top = Number(values.top);

const queryUrl = (c: QueryCase) => {
  const p = new URLSearchParams({ q: c.q, ...(c.filters ?? {}) });
  return served.url(`tim-kiem/?${p}`);
};
const doneSelector = (q: string) => `[data-search-results][data-state="done"][data-query="${q.replace(/["\\]/g, '\\$&')}"]`;
const readIds = (page: Page) =>
  page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.map((a) => (a as HTMLElement).dataset.entryId!));

async function loadAll(page: Page): Promise<string[]> {
  // The page shows 20 at a time; rank is only measured within the first `top`.
  return (await readIds(page)).slice(0, top);
}

// Cold: a fresh browser context (empty cache) loads the search page with the first query in its URL.
const coldContext = await browser.newContext();
const coldPage = await coldContext.newPage();
let coldBytes = 0;
const coldFiles: string[] = [];
coldPage.on('requestfinished', async (req) => {
  if (!SEARCH_ASSET.test(new URL(req.url()).pathname)) return;
  const sizes = await req.sizes().catch(() => undefined);
  if (sizes) {
    coldBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    coldFiles.push(new URL(req.url()).pathname);
  }
});
const first = cases.find((c) => c.q.trim()) ?? cases[0];
const coldStart = Date.now();
await coldPage.goto(queryUrl(first));
await coldPage.waitForSelector(doneSelector(first.q), { state: 'attached', timeout: 30_000 });
const coldMs = Date.now() - coldStart;
await coldPage.waitForLoadState('networkidle');
await coldContext.close();

// Warm: one page, each query typed into the box; time from the last keystroke to rendered results.
const page = await browser.newPage();
await page.goto(served.url('tim-kiem/'));
await page.waitForSelector(doneSelector(''), { state: 'attached' });
const outcomes: QueryOutcome[] = [];
const warmMs: number[] = [];
for (const c of cases) {
  for (const [name, value] of Object.entries({ field: '', owner: '', level: '', ...(c.filters ?? {}) })) {
    await page.selectOption(`select[name="${name}"]`, value);
  }
  await page.fill('#q', '');
  await page.waitForSelector(doneSelector(''), { state: 'attached' }).catch(() => undefined);
  const start = Date.now();
  await page.fill('#q', c.q);
  await page.waitForSelector(doneSelector(c.q), { state: 'attached', timeout: 30_000 });
  warmMs.push(Date.now() - start);
  const results = await loadAll(page);
  outcomes.push({ ...c, results, rank: rankOf(c, results) });
}
await browser.close();
await served.close();

const sorted = [...warmMs].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const report = {
  queries: cases.length,
  queryFile: path.relative(PROJECT, queryFile),
  overall: metrics(outcomes),
  byKind: metricsByKind(outcomes),
  /** Queries that must find nothing: share showing no answer inside [data-search-results]. */
  noAnswer: noAnswerRates(outcomes),
  cold: { query: first.q, ms: coldMs, bytes: coldBytes, files: coldFiles.length },
  warm: { medianMs: pct(50), p95Ms: pct(95), maxMs: sorted.at(-1) ?? 0, note: 'from the last keystroke (120 ms debounce included) to rendered results' },
  misses: outcomes.filter((o) => o.rank === 0 || o.rank > 3).map((o) => ({ q: o.q, kind: o.kind, expect: o.expect, got: o.results.slice(0, 3), rank: o.rank })),
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const f = (x: number) => x.toFixed(3);
  console.log(`\nSearch quality: ${report.queries} queries from ${report.queryFile}`);
  console.log(`${'kind'.padEnd(22)} ${'n'.padStart(4)}  recall@1  recall@3    MRR`);
  for (const [kind, m] of [...Object.entries(report.byKind), ['OVERALL', report.overall] as const]) {
    console.log(`${kind.padEnd(22)} ${String(m.n).padStart(4)}     ${f(m.recall1)}     ${f(m.recall3)}  ${f(m.mrr)}`);
  }
  for (const [kind, r] of Object.entries(report.noAnswer)) {
    console.log(`no answer shown (${kind}): ${Math.round(r.rate * r.n)} of ${r.n} (${(r.rate * 100).toFixed(0)} %)`);
  }
  console.log(`\nCold first query ("${first.q}"): ${(coldBytes / 1024).toFixed(1)} KB of search assets in ${coldFiles.length} files, ${coldMs} ms from navigation to results`);
  console.log(`Warm queries: median ${report.warm.medianMs} ms, p95 ${report.warm.p95Ms} ms, max ${report.warm.maxMs} ms (${report.warm.note})`);
  if (report.misses.length) {
    console.log(`\nNot in the top 3 (${report.misses.length}):`);
    for (const m of report.misses) console.log(`  [${m.kind}] "${m.q}" expected ${m.expect.join('|') || '(nothing)'}, got ${m.got.join(', ') || '(nothing)'}`);
  }
}
