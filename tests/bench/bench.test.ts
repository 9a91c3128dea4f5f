// The scale benchmark: its synthetic content follows the contract, and `npm run bench` on a small
// root reports every figure with sane values. Nothing here is timed: figures are checked for
// presence and consistency, never against a duration.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContentRoot, MANIFEST } from '../../bench/generate.ts';
import { BENCH_QUERIES } from '../../bench/vocabulary.ts';
import { TRANSFER_KIND_HEADS, TRANSFER_KINDS, transferKind } from '../../bench/measure.ts';
import { dominantPhases } from '../../bench/phases.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { errorsOf, formatIssues } from '../../src/content/issues.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { typeCheck } from '../../src/cli/typecheck.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-bench-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function hashTree(dir: string): string {
  const h = crypto.createHash('sha256');
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) h.update(rel).update(fs.readFileSync(file));
  }
  return h.digest('hex');
}

describe('the synthetic content root', () => {
  const root = path.join(tmp, 'root-200');
  const summary = generateContentRoot(root, { entries: 200, seed: 3 });
  const { model, issues } = readContentRoot(root, summary.buildDate);

  it('follows the content contract: zero errors', () => {
    expect(formatIssues(errorsOf(issues))).toBe('');
    expect(model.entries).toHaveLength(200);
  });

  it('has the shape the benchmark promises', () => {
    expect(model.fields.size).toBeGreaterThanOrEqual(6);
    expect(model.units.size).toBeGreaterThanOrEqual(30);
    expect(new Set([...model.units.values()].map((u) => u.data.level))).toEqual(new Set(['ministry', 'province', 'commune']));
    expect(model.documents.size).toBeGreaterThan(10);
    expect(model.synonyms.length).toBeGreaterThan(5);
    const status = (s: string) => model.entries.filter((e) => e.data.status === s).length;
    expect(status('draft')).toBeGreaterThan(0);
    expect(status('superseded')).toBeGreaterThan(0);
    expect(status('published')).toBe(summary.published);
    expect(model.entries.filter((e) => e.file.endsWith('.mdx')).length).toBe(summary.mdx);
    expect(summary.mdx).toBeGreaterThan(0);
    const withAliases = model.entries.filter((e) => (e.data.aliases?.length ?? 0) > 0).length;
    expect(withAliases).toBeGreaterThanOrEqual(8);
    expect(withAliases).toBeLessThanOrEqual(40);
    expect(model.entries.some((e) => e.data.legal_basis?.some((l) => l.ref))).toBe(true);
    for (const e of model.entries) {
      expect(words(e.data.question)).toBeGreaterThanOrEqual(8);
      expect(words(e.data.question)).toBeLessThanOrEqual(25);
      expect([...e.data.summary].length).toBeLessThanOrEqual(400);
      const bodyWords = words(e.body.replace(/^#+ |^- |^\d+\. /gm, ''));
      expect(bodyWords).toBeGreaterThanOrEqual(80);
      expect(bodyWords).toBeLessThanOrEqual(1500);
      expect(e.data.reviewed <= summary.buildDate && e.data.answered <= e.data.reviewed).toBe(true);
      if (e.data.status === 'superseded') expect(model.entries.find((x) => x.id === e.data.superseded_by)?.data.status).toBe('published');
    }
    // Vietnamese with diacritics, lists and headings.
    const bodies = model.entries.map((e) => e.body).join('\n');
    expect(bodies).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    expect(bodies).toMatch(/^### /m);
    expect(bodies).toMatch(/^- /m);
  });

  it('is deterministic: the same seed writes the same files, another seed different ones', () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const c = path.join(tmp, 'c');
    generateContentRoot(a, { entries: 60, seed: 11 });
    generateContentRoot(b, { entries: 60, seed: 11 });
    generateContentRoot(c, { entries: 60, seed: 12 });
    expect(hashTree(a)).toBe(hashTree(b));
    expect(hashTree(a)).not.toBe(hashTree(c));
    expect(fs.existsSync(path.join(a, MANIFEST))).toBe(true);
  });
});

describe('npm run bench', () => {
  it('reports every figure, with sane values', { timeout: 900_000 }, () => {
    const N = 150;
    const run = spawnSync(process.execPath, ['bench/scale.ts', '--entries', String(N), '--seed', '7', '--json', '--rebuild'], {
      cwd: PROJECT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, `${run.stderr}\n${run.stdout}`).toBe(0);
    const r = JSON.parse(run.stdout);

    expect(r.machine.cores).toBeGreaterThan(0);
    expect(r.content.entries).toBe(N);
    expect(r.content.published + r.content.drafts + r.content.superseded).toBe(N);

    // Phases tile the wall time; every group is present.
    const full = r.full;
    expect(full.wallMs).toBeGreaterThan(0);
    const keys = full.phases.map((p: { key: string }) => p.key);
    for (const k of ['other.startup', 'content.validate', 'content.sync', 'render.bundle', 'render.generate', 'search.pagefind', 'search.vocabulary', 'other.precompress', 'other.exit']) {
      expect(keys).toContain(k);
    }
    const sum = full.phases.reduce((n: number, p: { ms: number }) => n + p.ms, 0);
    expect(sum).toBeLessThanOrEqual(full.wallMs + 5);
    expect(sum).toBeGreaterThanOrEqual(full.wallMs * 0.95);
    expect(full.groups.map((g: { group: string }) => g.group)).toEqual(['content', 'render', 'search', 'other']);
    for (const p of full.phases) expect(p.ms).toBeGreaterThanOrEqual(0);
    expect(full.peakRss).toBeGreaterThan(50 * 2 ** 20);
    expect(full.peakRss).toBeLessThan(64 * 2 ** 30);
    expect(full.peakHeapUsed).toBeGreaterThan(0);
    expect(full.entriesPerSecond).toBeGreaterThan(0);
    expect(full.phases.find((p: { key: string }) => p.key === 'render.generate').peakRss).toBeGreaterThan(0);

    // The bare pipeline built the same non-draft entries, and Pagefind indexed them all.
    expect(r.bare.pages).toBe(r.content.published + r.content.superseded);
    expect(r.bare.indexedPages).toBe(r.bare.pages);
    expect(r.bare.wallMs).toBe(r.bare.astroMs + r.bare.pagefindMs);
    expect(r.ratioToBare).toBeGreaterThan(0);
    expect(r.ratioToBare).toBeCloseTo(full.wallMs / r.bare.wallMs, 2);

    // Output sizes.
    const out = r.output;
    expect(out.searchIndex.indexedPages).toBe(r.content.published);
    expect(out.searchIndex.files).toBeGreaterThan(0);
    expect(out.dist.bytes).toBeGreaterThan(out.searchIndex.bytes);
    expect(out.dist.files).toBeGreaterThan(N);
    expect(out.entryPage.htmlBytes).toBeGreaterThan(1000);
    expect(out.entryPage.cssBytes).toBeGreaterThan(0);
    expect(out.entryPage.scripts).toBe(0);

    // Search in Chromium: every query cold, in its own context, served as `npm start` serves it.
    const s = r.search;
    expect(s.served.headersFile).toBe(true);
    expect(s.served.precompressedSentRaw).toEqual([]);
    expect(s.served.encodings.br).toBeGreaterThan(0);
    expect(s.cold.map((q: { query: string }) => q.query)).toEqual(BENCH_QUERIES);
    for (const q of s.cold) {
      expect(q.bytes, q.query).toBeGreaterThan(0);
      expect(q.ms, q.query).toBeGreaterThan(0);
      expect(q.requests, q.query).toBeGreaterThan(0);
      const kinds = Object.values(q.byKind as Record<string, number>);
      expect(kinds.reduce((n, x) => n + x, 0), q.query).toBe(q.bytes);
      // A fresh page load fetches the page and the first-stage index (docs/search.md, two stages); when
      // that cannot answer, Pagefind's metadata and runtime, and its fragments for the results shown.
      expect(q.byKind.page, q.query).toBeGreaterThan(0);
      expect(q.byKind.searchFirst, q.query).toBeGreaterThan(0);
      const fullText = q.byKind.pfMeta > 0;
      expect(q.byKind.pfRuntime > 0, q.query).toBe(fullText);
      if (fullText && q.results > 0) expect(q.byKind.pfFragment, q.query).toBeGreaterThan(0);
      if (!fullText) expect(q.byKind.pfIndex + q.byKind.pfFragment, q.query).toBe(0);
    }
    // Most of the bench's queries are answered by the first stage alone (the point of it).
    expect(s.cold.filter((q: { byKind: Record<string, number> }) => q.byKind.pfMeta === 0).length).toBeGreaterThan(BENCH_QUERIES.length / 2);
    expect(s.cold.filter((q: { results: number }) => q.results > 0).length).toBeGreaterThan(BENCH_QUERIES.length / 2);
    const worst = Math.max(...s.cold.map((q: { bytes: number }) => q.bytes));
    expect(s.worst.bytes).toBe(worst);
    expect(s.cold.find((q: { query: string }) => q.query === s.worst.query).bytes).toBe(worst);
    const budget = r.budgets.find((b: { name: string }) => b.name.startsWith('first search query'));
    expect(budget.value).toContain(s.worst.query);
    expect(budget.ok).toBe(worst <= 400 * 1024);
    expect(s.firstLoad.bytesUntilQuiet).toBeGreaterThanOrEqual(s.cold[0].bytes);
    expect(s.warm.queries).toBe(BENCH_QUERIES.length - 1);
    expect(s.warm.medianMs).toBeGreaterThan(0);
    expect(s.warm.p95Ms).toBeGreaterThanOrEqual(s.warm.medianMs);
    expect(s.entryPage.scripts).toBe(0);

    // One-entry rebuild: its own figures, not the clean build's (BENCHMARKS.md once reported the clean
    // build's CPU time for both), with the ratio to the clean build and the phases that dominate it.
    const rb = r.rebuild;
    expect(rb.failed).toBeUndefined();
    expect(rb.editVisible).toBe(true);
    expect(rb.wallMs).toBeGreaterThan(0);
    expect(rb.cacheBytes).toBeGreaterThan(0);
    expect(rb.cleanWallMs).toBe(full.wallMs);
    expect(rb.cleanCpuMs).toBe(full.cpuMs);
    expect(rb.cpuMs).toBeGreaterThan(0);
    expect(rb.cpuMs, 'the rebuild reports the clean build\'s CPU time').not.toBe(full.cpuMs);
    expect(rb.wallMs, 'the rebuild reports the clean build\'s wall time').not.toBe(full.wallMs);
    expect(rb.phases.map((p: { start: number }) => p.start)).not.toEqual(full.phases.map((p: { start: number }) => p.start));
    expect(rb.phases[0].start).toBeGreaterThanOrEqual(full.phases.at(-1).end);
    expect(rb.cpuMs).toBe(Math.max(rb.cpuReapedMs, rb.cpuSampledMs));
    expect(full.cpuMs).toBe(Math.max(full.cpuReapedMs, full.cpuSampledMs));
    // Both sources see the rebuild's own processes: neither is zero, neither is many times the other.
    expect(rb.cpuReapedMs).toBeGreaterThan(0);
    expect(rb.cpuSampledMs).toBeGreaterThan(0);
    expect(rb.cpuSampledMs).toBeLessThanOrEqual(rb.cpuReapedMs * 3);
    expect(rb.cpuReapedMs).toBeLessThanOrEqual(rb.cpuSampledMs * 3);
    // CPU time of the tree cannot exceed its wall time on every core.
    expect(rb.cpuMs).toBeLessThanOrEqual(rb.wallMs * r.machine.cores * 1.1 + 500);
    expect(full.cpuMs).toBeLessThanOrEqual(full.wallMs * r.machine.cores * 1.1 + 500);
    expect(rb.wallRatio).toBeCloseTo(rb.wallMs / full.wallMs, 2);
    expect(rb.cpuRatio).toBeCloseTo(rb.cpuMs / full.cpuMs, 2);
    const phaseCpu = rb.phases.reduce((n: number, p: { cpuMs: number }) => n + p.cpuMs, 0);
    expect(rb.dominant.length).toBeGreaterThan(0);
    expect(rb.dominant.reduce((n: number, d: { cpuMs: number }) => n + d.cpuMs, 0)).toBeGreaterThanOrEqual(phaseCpu * 0.9);
    for (const d of rb.dominant) expect(full.phases.find((p: { key: string }) => p.key === d.key).cpuMs).toBe(d.cleanCpuMs);

    expect(r.budgets.map((b: { name: string }) => b.name)).toHaveLength(6);
    expect(r.full.failed).toBeUndefined();
    expect(r.bareSearch.bytes).toBeGreaterThan(0);
    expect(r.cpuRatioToBare).toBeGreaterThan(0);
    // Without --keep, nothing is left behind.
    expect(fs.existsSync(path.join(PROJECT, '.cache/bench', `${N}-7`))).toBe(false);
    expect(fs.existsSync(path.join(PROJECT, '.cache/astro', `bench-${N}-7`))).toBe(false);
  });
});

describe('the search cost split', () => {
  it('names the kind of every file a cold query fetches', () => {
    expect(transferKind('/pagefind/pagefind.en_1a2b3c.pf_meta')).toBe('pfMeta');
    expect(transferKind('/pagefind/index/vi_0a1b2c3.pf_index')).toBe('pfIndex');
    expect(transferKind('/pagefind/filter/vi_0a1b2c3.pf_filter')).toBe('pfIndex');
    expect(transferKind('/pagefind/fragment/vi_0a1b2c3.pf_fragment')).toBe('pfFragment');
    expect(transferKind('/pagefind/pagefind.js')).toBe('pfRuntime');
    expect(transferKind('/pagefind/wasm.vi.pagefind')).toBe('pfRuntime');
    expect(transferKind('/pagefind/pagefind-entry.json')).toBe('pfRuntime');
    expect(transferKind('/search/first/gi.json')).toBe('searchFirst');
    expect(transferKind('/search/vocabulary.json')).toBe('search');
    expect(transferKind('/tim-kiem/')).toBe('page');
    expect(transferKind('/_astro/search.BcD3.js')).toBe('page');
    expect(transferKind('/_astro/base.XyZ.css')).toBe('page');
    expect(transferKind('/sw.js')).toBe('other');
    expect(transferKind('/favicon.svg')).toBe('other');
    // Under a base path.
    expect(transferKind('/hoi-dap/pagefind/pagefind.js', '/hoi-dap/')).toBe('pfRuntime');
    expect(transferKind('/hoi-dap/search/first/a.json', '/hoi-dap/')).toBe('searchFirst');
    expect(Object.keys(TRANSFER_KINDS)).toEqual(Object.keys(TRANSFER_KIND_HEADS));
  });
});

describe('the rebuild report', () => {
  const phase = (key: string, cpuMs: number, ms = cpuMs) => ({ key, label: key, group: 'other' as const, start: 0, end: ms, ms, cpuMs });
  it('names the phases holding 90 % of the rebuild\'s CPU, largest first, beside the clean build', () => {
    const rebuilt = [phase('a', 10), phase('b', 600), phase('c', 300), phase('d', 90)];
    const clean = [phase('a', 20), phase('b', 900, 1000), phase('c', 700), phase('d', 100)];
    const d = dominantPhases(rebuilt, clean);
    expect(d.map((x) => x.key)).toEqual(['b', 'c']);
    expect(d[0]).toMatchObject({ cpuMs: 600, cpuShare: 0.6, cleanCpuMs: 900, cleanMs: 1000 });
    expect(dominantPhases(rebuilt, clean, 1).map((x) => x.key)).toEqual(['b', 'c', 'd', 'a']);
  });
});

describe('the benchmark code', () => {
  it('type-checks on its own (bench/tsconfig.json; the app\'s tsconfig leaves bench/ out)', { timeout: 300_000 }, () => {
    const result = typeCheck('bench');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
