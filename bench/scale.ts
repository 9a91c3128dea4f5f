// `npm run bench -- --entries N [--seed S] [--keep] [--json] [--skip-bare] [--skip-browser] [--rebuild] [--profile] [--project DIR]`
// Scale benchmark: generates a synthetic content root of N entries (bench/generate.ts), builds
// the full product on it (as `npm run build` with HOIDAP_CONTENT), builds the bare pipeline on the
// same root (bench/bare + the Pagefind CLI) and reports wall time per phase, peak RSS per phase,
// sizes, the weight of an entry page and search cost in Chromium. With --rebuild it also edits one
// entry and rebuilds with Astro's cache kept. `--profile` instead runs one clean build under
// `node --cpu-prof --heap-prof` and prints where the build's main process spends CPU and memory.
// See bench/README.md and docs/scale.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { astroBin, PROJECT } from '../src/node/project.ts';
import { DEFAULT_BUILD_DATE, generateContentRoot, isReusable, readManifest, type GenerateSummary } from './generate.ts';
import { BENCH_QUERIES } from './vocabulary.ts';
import { runSampled, type RunResult } from './proc.ts';
import { snapshotProject } from './snapshot.ts';
import { dominantPhases, groupTotals, peakIn, productPhases, type AstroTimer, type GroupTotal, type Phase, type RebuildPhase } from './phases.ts';
import { dirStats, measureBareSearch, measureSearch, pageWeight, TRANSFER_KIND_HEADS, TRANSFER_KINDS, type BareSearchCost, type PageWeight, type SearchCost, type TransferKind } from './measure.ts';
import { summarizeHeapProfile, summarizeProfile } from './cpuprofile.ts';
import type { TimingsFile } from '../src/integrations/build-timings.ts';
import { indexedPageCount } from '../src/integrations/search-index.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'build-date': { type: 'string', default: DEFAULT_BUILD_DATE },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    pairs: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    project: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const N = Number(values.entries);
const SEED = Number(values.seed);
if (!Number.isInteger(N) || N < 10) fail(`--entries must be an integer of at least 10 (got "${values.entries}")`);
if (!Number.isInteger(SEED)) fail(`--seed must be an integer (got "${values.seed}")`);
const PAIRS = Number(values.pairs);
if (!Number.isInteger(PAIRS) || PAIRS < 1) fail(`--pairs must be a positive integer (got "${values.pairs}")`);
const BUILD_DATE = values['build-date'];
const log = (line: string) => (values.json ? process.stderr.write(`${line}\n`) : console.log(line));

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const PAGEFIND = path.join(PROJECT, 'node_modules/.bin/pagefind');
const WORK = path.join(PROJECT, '.cache/bench', `${N}-${SEED}`);
/**
 * The builds run in a snapshot of the project (bench/snapshot.ts explains why), or in the copy
 * `--project` names (to measure a proposed change without touching the checkout).
 */
const SNAPSHOT = values.project ? path.resolve(values.project) : path.join(WORK, 'project');
const ASTRO = astroBin(SNAPSHOT);
/** `npm run build`: astro build, then the search index and the steps after it in their own process. */
const BUILD = path.join(SNAPSHOT, 'src/cli/build.ts');
const CONTENT = path.join(WORK, 'content');
const SITE = path.join(WORK, 'site');
const BARE_SITE = path.join(WORK, 'bare-site');
const LOGS = path.join(WORK, 'logs');
const CACHE = path.join(PROJECT, '.cache/astro', `bench-${N}-${SEED}`);
const BARE_CACHE = path.join(PROJECT, '.cache/astro', `bench-bare-${N}-${SEED}`);
const BARE_ROOT = path.join(SNAPSHOT, 'bench/bare');

const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 2 ** 20).toFixed(0)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (bytes: number) => (bytes < 2 ** 20 ? kb(bytes) : mb(bytes));
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const readJson = <T>(file: string): T | undefined => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    astro: (require(path.join(PROJECT, 'node_modules/astro/package.json')) as { version: string }).version,
    pagefind: (require(path.join(PROJECT, 'node_modules/pagefind/package.json')) as { version: string }).version,
    heapLimitMB: Math.round((require('node:v8') as typeof import('node:v8')).getHeapStatistics().heap_size_limit / 2 ** 20),
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    nodeOptions: process.env.NODE_OPTIONS ?? '',
  };
}

/** The code measured: commit and number of changed files in the working tree. */
function revision() {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: PROJECT, encoding: 'utf8' }).stdout?.trim() ?? '';
  return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: git('status', '--porcelain').split('\n').filter(Boolean).length };
}

async function astroBuild(label: string, args: string[], env: Record<string, string>, nodeArgs: string[] = [], opts: { allowFailure?: boolean; pipeline?: boolean } = {}): Promise<RunResult> {
  fs.mkdirSync(LOGS, { recursive: true });
  const logFile = path.join(LOGS, `${label}.log`);
  // A --project copy older than src/cli/build.ts is built the way `npm run build` built it then.
  const command = opts.pipeline && fs.existsSync(BUILD) ? [BUILD] : [ASTRO, 'build'];
  const run = await runSampled(process.execPath, [...nodeArgs, ...command, ...args], {
    cwd: SNAPSHOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    logFile,
    echo: values.verbose,
  });
  if (run.code !== 0 && !opts.allowFailure) {
    process.stderr.write(run.output.slice(-8000));
    fail(`${label} failed (exit ${run.code}); full log: ${path.relative(PROJECT, logFile)}`);
  }
  return run;
}

interface ProductBuild {
  wallMs: number;
  cpuMs: number;
  /** The two sources of cpuMs (bench/proc.ts): reaped children's rusage and the /proc samples. */
  cpuReapedMs: number;
  cpuSampledMs: number;
  phases: Phase[];
  groups: GroupTotal[];
  peakRss: number;
  peakProcess: string;
  /** Highest V8 heap used by the build process at any mark. */
  peakHeapUsed: number;
  astroTimer?: AstroTimer;
  /** Set when the build failed: where it was, and the end of its output. */
  failed?: { code: number | null; lastMark: string; msAfterLastMark: number; peakRssAfterLastMark?: number; logTail: string; log: string };
}

/**
 * The full product: `npm run build` (src/cli/build.ts) of the project with the content root in
 * HOIDAP_CONTENT; `astro build` alone when profiling (the profile is of Astro's process).
 */
async function buildProduct(label: string, opts: { clean: boolean; nodeArgs?: string[] }): Promise<ProductBuild> {
  if (opts.clean) fs.rmSync(CACHE, { recursive: true, force: true });
  fs.rmSync(SITE, { recursive: true, force: true });
  const timingsFile = path.join(WORK, `${label}-timings.json`);
  const timerFile = path.join(WORK, `${label}-astro-timer.json`);
  fs.rmSync(timingsFile, { force: true });
  fs.rmSync(timerFile, { force: true });
  const run = await astroBuild(label, ['--outDir', SITE], {
    HOIDAP_CONTENT: CONTENT,
    HOIDAP_BUILD_DATE: BUILD_DATE,
    HOIDAP_CACHE_DIR: CACHE,
    HOIDAP_BUILD_TIMINGS: timingsFile,
    ASTRO_TIMER_PATH: timerFile,
    SITE_BASE: '/',
  }, opts.nodeArgs, { allowFailure: true, pipeline: !opts.nodeArgs });
  const timings = readJson<TimingsFile>(timingsFile);
  if (!timings) {
    process.stderr.write(run.output.slice(-8000));
    fail(`the build wrote no timings to ${timingsFile} (exit ${run.code}): is build-timings registered in src/integrations/index.ts?`);
  }
  const astroTimer = readJson<AstroTimer>(timerFile);
  const phases = productPhases(run, timings, astroTimer);
  const peak = peakIn(run.samples, run.start, run.end + 1);
  return {
    wallMs: run.end - run.start,
    cpuMs: run.cpuMs,
    cpuReapedMs: run.cpuReapedMs,
    cpuSampledMs: run.cpuSampledMs,
    phases,
    groups: groupTotals(phases),
    peakRss: peak?.rss ?? 0,
    peakProcess: peak?.name ?? '',
    peakHeapUsed: Math.max(0, ...timings.marks.map((m) => m.heapUsed)),
    astroTimer,
    failed: run.code === 0 ? undefined : failure(run, timings, label),
  };
}

function failure(run: RunResult, timings: TimingsFile, label: string): NonNullable<ProductBuild['failed']> {
  const last = timings.marks.filter((m) => m.name !== 'exit').at(-1)!;
  const lines = run.output.split('\n').filter((l) => l.trim() && !l.includes('├─'));
  return {
    code: run.code,
    lastMark: last.name,
    msAfterLastMark: run.end - last.at,
    peakRssAfterLastMark: peakIn(run.samples, last.at, run.end + 1)?.rss,
    logTail: lines.slice(-25).join('\n'),
    log: path.relative(PROJECT, path.join(LOGS, `${label}.log`)),
  };
}

interface BareBuild {
  wallMs: number;
  astroMs: number;
  pagefindMs: number;
  cpuMs: number;
  astroCpuMs: number;
  pagefindCpuMs: number;
  astroPeakRss: number;
  pagefindPeakRss: number;
  pages: number;
  indexedPages: number;
  astroTimer?: AstroTimer;
}

async function buildBare(): Promise<BareBuild> {
  fs.rmSync(BARE_CACHE, { recursive: true, force: true });
  fs.rmSync(BARE_SITE, { recursive: true, force: true });
  const timerFile = path.join(WORK, 'bare-astro-timer.json');
  const astro = await astroBuild('bare-astro', ['--root', BARE_ROOT, '--outDir', BARE_SITE], {
    HOIDAP_CONTENT: CONTENT,
    HOIDAP_CACHE_DIR: BARE_CACHE,
    ASTRO_TIMER_PATH: timerFile,
  });
  const pf = await runSampled(PAGEFIND, ['--site', BARE_SITE], { cwd: PROJECT, env: process.env, logFile: path.join(LOGS, 'bare-pagefind.log') });
  if (pf.code !== 0) fail(`pagefind CLI failed on the bare site:\n${pf.output.slice(-4000)}`);
  const pages = (fs.readdirSync(BARE_SITE, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).length;
  return {
    wallMs: astro.end - astro.start + (pf.end - pf.start),
    astroMs: astro.end - astro.start,
    pagefindMs: pf.end - pf.start,
    cpuMs: astro.cpuMs + pf.cpuMs,
    astroCpuMs: astro.cpuMs,
    pagefindCpuMs: pf.cpuMs,
    astroPeakRss: peakIn(astro.samples, astro.start, astro.end + 1)?.rss ?? 0,
    pagefindPeakRss: peakIn(pf.samples, pf.start, pf.end + 1)?.rss ?? 0,
    pages,
    indexedPages: indexedPageCount(BARE_SITE),
    astroTimer: readJson<AstroTimer>(timerFile),
  };
}

interface Pair {
  fullMs: number;
  bareMs: number;
  fullCpuMs: number;
  bareCpuMs: number;
  wallRatio: number;
  cpuRatio: number;
}

function pairOf(full: ProductBuild, bare: BareBuild): Pair {
  return {
    fullMs: full.wallMs,
    bareMs: bare.wallMs,
    fullCpuMs: full.cpuMs,
    bareCpuMs: bare.cpuMs,
    wallRatio: full.wallMs / bare.wallMs,
    cpuRatio: full.cpuMs / bare.cpuMs,
  };
}

interface Rebuild {
  edited: string;
  wallMs: number;
  cpuMs: number;
  cpuReapedMs: number;
  cpuSampledMs: number;
  cleanWallMs: number;
  cleanCpuMs: number;
  /** rebuild / clean (the issue's goal: ≤ 0.5 at 10k). */
  wallRatio: number;
  cpuRatio: number;
  phases: Phase[];
  groups: GroupTotal[];
  /** The rebuild's phases by CPU time, largest first, until they hold 90 % of it: what a one-entry rebuild still pays for. */
  dominant: RebuildPhase[];
  contentSyncMs: number;
  cleanContentSyncMs: number;
  cacheBytes: number;
  editVisible: boolean;
  failed?: ProductBuild['failed'];
}

/** Republishing one answer: edit one entry, rebuild with the Astro cache of the clean build kept. */
async function rebuild(sample: GenerateSummary['sample'], clean: ProductBuild): Promise<Rebuild> {
  const file = path.join(CONTENT, sample.file);
  const original = fs.readFileSync(file, 'utf8');
  const marker = `Cập nhật ngày ${BUILD_DATE.split('-').reverse().join('/')}: nội dung trả lời đã được rà soát lại.`;
  const edited = `${original.replace(/^reviewed: .*$/m, `reviewed: ${BUILD_DATE}`).trimEnd()}\n\n${marker}\n`;
  const cacheBytes = dirStats(CACHE).bytes;
  fs.writeFileSync(file, edited);
  try {
    const build = await buildProduct('rebuild', { clean: false });
    const page = path.join(SITE, 'cau-hoi', sample.id, 'index.html');
    const html = fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : '';
    const sync = (b: { phases: Phase[] }) => b.phases.find((p) => p.key === 'content.sync')?.ms ?? 0;
    const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(3)) : 0);
    return {
      edited: sample.file,
      wallMs: build.wallMs,
      cpuMs: build.cpuMs,
      cpuReapedMs: build.cpuReapedMs,
      cpuSampledMs: build.cpuSampledMs,
      cleanWallMs: clean.wallMs,
      cleanCpuMs: clean.cpuMs,
      wallRatio: ratio(build.wallMs, clean.wallMs),
      cpuRatio: ratio(build.cpuMs, clean.cpuMs),
      phases: build.phases,
      groups: build.groups,
      dominant: dominantPhases(build.phases, clean.phases),
      contentSyncMs: sync(build),
      cleanContentSyncMs: sync(clean),
      cacheBytes,
      editVisible: html.includes(marker),
      failed: build.failed,
    };
  } finally {
    fs.writeFileSync(file, original);
  }
}

/**
 * --profile: one clean full build under `node --cpu-prof --heap-prof` (no other measurement: a
 * profiled build is slower), then where the main process spent its CPU and what it still held at exit.
 */
async function profileBuild(): Promise<void> {
  log(`profiling a clean full build (node --cpu-prof --heap-prof) …`);
  const dir = path.join(WORK, 'profile');
  fs.rmSync(dir, { recursive: true, force: true });
  const build = await buildProduct('profiled', { clean: true, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--heap-prof', `--heap-prof-dir=${dir}`] });
  const largest = (ext: string) =>
    fs.readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  const cpuFile = largest('.cpuprofile');
  const heapFile = largest('.heapprofile');
  const cpu = cpuFile ? summarizeProfile(cpuFile) : undefined;
  const heap = heapFile ? summarizeHeapProfile(heapFile) : undefined;
  const result = { entries: N, wallMs: build.wallMs, cpuMs: build.cpuMs, peakRss: build.peakRss, peakHeapUsed: build.peakHeapUsed, phases: build.phases, cpuFile, heapFile, cpu, heap };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    console.log(`\nProfiled build of ${N} entries: ${sec(build.wallMs)} wall, ${sec(build.cpuMs)} CPU, peak RSS ${mb(build.peakRss)}, peak V8 heap ${mb(build.peakHeapUsed)} (profiling slows it down)`);
    for (const p of build.phases) console.log(`  ${`${p.group.padEnd(7)} ${p.label}`.padEnd(56)} ${sec(p.ms).padStart(8)} ${sec(p.cpuMs).padStart(8)} ${mb(p.peakRss).padStart(9)}`);
    if (cpu) {
      console.log(`\nCPU of the build's main process (${path.relative(PROJECT, cpuFile!)}):`);
      console.log(`  self time by owner: ${cpu.byOwner.slice(0, 14).map((o) => `${o.owner} ${sec(o.ms)}`).join(', ')}`);
      console.log(`  hottest functions:`);
      for (const f of cpu.topSelf.slice(0, 20)) console.log(`    ${sec(f.ms).padStart(8)}  ${f.fn} (${f.where})`);
      console.log(`  project code, callees included:`);
      for (const f of cpu.projectInclusive.slice(0, 20)) console.log(`    ${sec(f.ms).padStart(8)}  ${f.where}`);
    }
    if (heap) {
      console.log(`\nMemory still held at exit, sampled (${path.relative(PROJECT, heapFile!)}): ${mb(heap.totalBytes)}`);
      console.log(`  by owner: ${heap.byOwner.slice(0, 12).map((o) => `${o.owner} ${mb(o.bytes)}`).join(', ')}`);
      for (const site of heap.topSites.slice(0, 15)) console.log(`    ${mb(site.bytes).padStart(8)}  ${site.fn} (${site.where})${site.stack.length ? ` ← ${site.stack.join(' ← ')}` : ''}`);
    }
  }
  if (!values.keep) {
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.rmSync(CACHE, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------ run

const startedAt = new Date().toISOString();
const host = machine();
fs.mkdirSync(WORK, { recursive: true });
const measured = { ...revision(), project: values.project ? path.relative(PROJECT, SNAPSHOT) : 'snapshot of the checkout' };
if (!values.project) snapshotProject(PROJECT, SNAPSHOT);
else if (!fs.existsSync(path.join(SNAPSHOT, 'astro.config.mjs'))) fail(`--project ${values.project}: no astro.config.mjs there`);

let generateMs = 0;
let reused = false;
if (isReusable(CONTENT, { entries: N, seed: SEED, buildDate: BUILD_DATE })) {
  reused = true;
  log(`reusing the generated content root ${path.relative(PROJECT, CONTENT)}`);
} else {
  log(`generating ${N} entries (seed ${SEED}) into ${path.relative(PROJECT, CONTENT)} …`);
  const t = Date.now();
  generateContentRoot(CONTENT, { entries: N, seed: SEED, buildDate: BUILD_DATE });
  generateMs = Date.now() - t;
}
const content = readManifest(CONTENT)!;
const contentBytes = dirStats(CONTENT).bytes;

if (values.profile) {
  await profileBuild();
  process.exit(0);
}

log(`building the full product (npm run build: astro build, then the index in its own process; clean cache) …`);
const product = await buildProduct('full', { clean: true });
log(`  ${product.failed ? `FAILED (exit ${product.failed.code}) ${sec(product.failed.msAfterLastMark)} after "${product.failed.lastMark}"` : sec(product.wallMs)}, peak RSS ${mb(product.peakRss)}`);
const built = !product.failed;

// The bare pipeline right after the full build, so both see the same load on a shared machine.
let bare: BareBuild | undefined;
if (!values['skip-bare']) {
  log(`building the bare pipeline (astro build --root bench/bare, then the Pagefind CLI) …`);
  bare = await buildBare();
  log(`  ${sec(bare.wallMs)} (astro ${sec(bare.astroMs)} + pagefind ${sec(bare.pagefindMs)})`);
}

// --pairs N: N - 1 more clean builds of each, alternating which goes first, so that a shared machine
// speeding up or slowing down during the run favours neither. The ratio is the median pair's.
const pairs: Pair[] = bare && built ? [pairOf(product, bare)] : [];
for (let i = 2; i <= PAIRS && pairs.length > 0; i++) {
  log(`pair ${i} of ${PAIRS}: ${i % 2 === 0 ? 'bare, then full' : 'full, then bare'} …`);
  let full: ProductBuild | undefined;
  if (i % 2 === 1) full = await buildProduct(`full-${i}`, { clean: true });
  const bareAgain = await buildBare();
  if (i % 2 === 0) full = await buildProduct(`full-${i}`, { clean: true });
  if (full!.failed) fail(`the full build of pair ${i} failed (exit ${full!.failed.code}); log ${full!.failed.log}`);
  pairs.push(pairOf(full!, bareAgain));
  log(`  full ${sec(full!.wallMs)}, bare ${sec(bareAgain.wallMs)}: ${pairs.at(-1)!.wallRatio.toFixed(2)}×`);
}
// With an even number of pairs, the higher of the two middle ones.
const medianPair = pairs.length ? [...pairs].sort((a, b) => a.wallRatio - b.wallRatio)[Math.floor(pairs.length / 2)] : undefined;

const site = dirStats(SITE, { skipCompressed: true });
const siteWithCompressed = dirStats(SITE);
const index = dirStats(path.join(SITE, 'pagefind'));
const indexedPages = built ? indexedPageCount(SITE) : 0;
const entryRel = `cau-hoi/${content.sample.id}/index.html`;
const weight: PageWeight | undefined = built ? pageWeight(SITE, entryRel) : undefined;
const vocabularyFile = path.join(SITE, 'search/vocabulary.json');
const vocabularyBytes = fs.existsSync(vocabularyFile) ? fs.statSync(vocabularyFile).size : 0;
const largestPages = (fs.existsSync(SITE) ? (fs.readdirSync(SITE, { recursive: true }) as string[]) : [])
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ path: f.split(path.sep).join('/'), bytes: fs.statSync(path.join(SITE, f)).size }))
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, 5);

let search: SearchCost | undefined;
if (built && !values['skip-browser']) {
  log(`measuring search in Chromium (${BENCH_QUERIES.length} queries, each cold in its own context, then warm) …`);
  search = await measureSearch(SITE, BENCH_QUERIES, `cau-hoi/${content.sample.id}/`);
}
let bareSearch: BareSearchCost | undefined;
if (bare && !values['skip-browser']) bareSearch = await measureBareSearch(BARE_SITE, BENCH_QUERIES[0]);

let rebuilt: Rebuild | undefined;
if (built && values.rebuild) {
  log(`rebuilding after editing one entry (${content.sample.file}) …`);
  rebuilt = await rebuild(content.sample, product);
  log(`  ${sec(rebuilt.wallMs)}`);
}

const KB30 = 30 * 1024;
const GB6 = 6 * 2 ** 30;
const ratio = medianPair?.wallRatio;
const cpuRatio = medianPair?.cpuRatio;
const budgets = [
  {
    name: 'full build ≤ 1.5 × bare pipeline (applies at 10k and 50k)',
    ok: !built ? false : ratio === undefined ? undefined : ratio <= 1.5,
    value: !built ? 'the full build failed' : ratio === undefined ? 'not measured' : `${ratio.toFixed(2)}× wall time (${cpuRatio!.toFixed(2)}× CPU time)`,
  },
  { name: 'peak RSS ≤ 6 GB (applies at 50k)', ok: built && product.peakRss <= GB6, value: `${mb(product.peakRss)}${built ? '' : ' before the build failed'}` },
  { name: 'completes without a heap flag', ok: built, value: built ? `yes (peak V8 heap ${mb(product.peakHeapUsed)} of ${host.heapLimitMB} MB)` : `no: exit ${product.failed!.code} after "${product.failed!.lastMark}"` },
  { name: 'entry page HTML+CSS ≤ 30 KB', ok: weight ? weight.htmlBytes + weight.cssBytes <= KB30 : undefined, value: weight ? kb(weight.htmlBytes + weight.cssBytes) : 'not measured' },
  {
    name: 'entry page loads no JavaScript',
    ok: weight ? weight.scripts === 0 && (search ? search.entryPage.scripts === 0 : true) : undefined,
    value: weight ? `${weight.scripts} script tags${search ? `, ${search.entryPage.scripts} script requests` : ''}` : 'not measured',
  },
  {
    name: 'first search query ≤ 400 KB transferred (applies at 50k)',
    ok: search ? search.worst.bytes <= 400 * 1024 : undefined,
    value: search
      ? `worst of ${search.cold.length} cold queries "${search.worst.query}": ${kb(search.worst.bytes)} to results (median ${kb(median(search.cold.map((q) => q.bytes)))})`
      : 'not measured',
  },
];

const report = {
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  startedAt,
  revision: measured,
  machine: host,
  content: { ...content, reused, generateMs, bytes: contentBytes, root: path.relative(PROJECT, CONTENT) },
  full: {
    wallMs: product.wallMs,
    cpuMs: product.cpuMs,
    cpuReapedMs: product.cpuReapedMs,
    cpuSampledMs: product.cpuSampledMs,
    entriesPerSecond: Number((N / (product.wallMs / 1000)).toFixed(1)),
    phases: product.phases.map(({ key, label, group, start, end, ms, cpuMs, peakRss, peakProcess }) => ({ key, label, group, start, end, ms, cpuMs, peakRss, peakProcess })),
    groups: product.groups,
    peakRss: product.peakRss,
    peakProcess: product.peakProcess,
    peakHeapUsed: product.peakHeapUsed,
    astroTimer: product.astroTimer,
    failed: product.failed,
  },
  bare: bare && { ...bare, entriesPerSecond: Number((N / (bare.wallMs / 1000)).toFixed(1)) },
  ratioToBare: ratio === undefined ? undefined : Number(ratio.toFixed(3)),
  cpuRatioToBare: cpuRatio === undefined ? undefined : Number(cpuRatio.toFixed(3)),
  pairs,
  output: {
    dist: { bytes: site.bytes, files: site.files, bytesWithCompressedCopies: siteWithCompressed.bytes },
    searchIndex: { bytes: index.bytes, files: index.files, indexedPages },
    vocabularyBytes,
    entryPage: weight,
    largestPages,
  },
  search,
  bareSearch,
  rebuild: rebuilt,
  budgets,
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`\nScale benchmark: ${N} entries (seed ${SEED}), ${content.published} published, ${content.superseded} superseded, ${content.drafts} drafts, ${content.mdx} .mdx`);
  console.log(`Code: commit ${measured.commit}${measured.changedFiles ? ` with ${measured.changedFiles} changed file(s)` : ''} (${measured.project})`);
  console.log(`Machine: ${host.cores} × ${host.cpu}, ${host.memoryGB} GB, ${host.os}, Node ${host.node}, Astro ${host.astro}, Pagefind ${host.pagefind} (load average at start ${host.loadAverageAtStart.join(' ')})`);
  console.log(`Content: ${mb(contentBytes)} on disk, body words median ${content.bodyWords.median} (p95 ${content.bodyWords.p95}, max ${content.bodyWords.max})${reused ? ', reused' : `, generated in ${sec(generateMs)}`}`);
  if (product.failed) {
    console.log(`\nFULL BUILD FAILED (exit ${product.failed.code}) ${sec(product.failed.msAfterLastMark)} after its last mark "${product.failed.lastMark}" (peak RSS since ${mb(product.failed.peakRssAfterLastMark)}); log ${product.failed.log}:`);
    console.log(product.failed.logTail.replace(/^/gm, '  | '));
  }
  console.log(`\nFull product build: ${sec(product.wallMs)} wall, ${sec(product.cpuMs)} CPU (${report.full.entriesPerSecond} entries/s), peak RSS ${mb(product.peakRss)} (${product.peakProcess}), peak V8 heap ${mb(product.peakHeapUsed)}`);
  console.log(`  ${pad('phase', 56)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'peak RSS'.padStart(9)}`);
  for (const p of product.phases) console.log(`  ${pad(`${p.group.padEnd(7)} ${p.label}`, 56)} ${sec(p.ms).padStart(8)} ${sec(p.cpuMs).padStart(8)} ${mb(p.peakRss).padStart(9)}`);
  console.log(`  ${'-'.repeat(84)}`);
  for (const g of product.groups) console.log(`  ${pad(g.label, 56)} ${sec(g.ms).padStart(8)} ${sec(g.cpuMs).padStart(8)} ${mb(g.peakRss).padStart(9)}`);
  if (bare) {
    console.log(`\nBare pipeline: ${sec(bare.wallMs)} wall, ${sec(bare.cpuMs)} CPU = astro ${sec(bare.astroMs)} (CPU ${sec(bare.astroCpuMs)}, peak ${mb(bare.astroPeakRss)}) + pagefind CLI ${sec(bare.pagefindMs)} (CPU ${sec(bare.pagefindCpuMs)}, peak ${mb(bare.pagefindPeakRss)}); ${bare.pages} pages, ${bare.indexedPages} indexed`);
    if (ratio !== undefined) console.log(`Full / bare: ${ratio.toFixed(2)}× wall time, ${cpuRatio!.toFixed(2)}× CPU time${pairs.length > 1 ? ' (the median pair)' : ''}`);
    if (pairs.length > 1) for (const [i, p] of pairs.entries()) console.log(`  pair ${i + 1}: full ${sec(p.fullMs)} (CPU ${sec(p.fullCpuMs)}), bare ${sec(p.bareMs)} (CPU ${sec(p.bareCpuMs)}): ${p.wallRatio.toFixed(2)}× wall, ${p.cpuRatio.toFixed(2)}× CPU`);
  }
  console.log(`\nOutput: ${size(site.bytes)} in ${site.files} files (${size(siteWithCompressed.bytes)} with .gz/.br copies); search index ${size(index.bytes)} in ${index.files} files, ${indexedPages} pages; vocabulary ${kb(vocabularyBytes)}`);
  if (weight) console.log(`Entry page ${weight.path}: HTML ${kb(weight.htmlBytes)} + CSS ${kb(weight.cssBytes)} (${weight.cssFiles} file) = ${kb(weight.htmlBytes + weight.cssBytes)}; ${weight.scripts} script tags`);
  console.log(`Largest pages: ${largestPages.map((p) => `${p.path} ${kb(p.bytes)}`).join(', ')}`);
  if (search) {
    const heads = Object.keys(TRANSFER_KINDS) as TransferKind[];
    console.log(`\nSearch (Chromium), every query as the first query of a fresh page load (own context, empty cache, no service worker); served as by npm start${search.served.headersFile ? '' : ' (no _headers file)'}:`);
    console.log(`  ${pad('query', 36)} ${'to results'.padStart(10)} ${'req'.padStart(4)} ${'ms'.padStart(6)} ${'shown'.padStart(5)} ${heads.map((k) => TRANSFER_KIND_HEADS[k].padStart(8)).join(' ')}`);
    for (const q of search.cold) {
      const mark = q.query === search.worst.query ? '*' : ' ';
      console.log(`${mark} ${pad(`"${q.query}"`, 36)} ${kb(q.bytes).padStart(10)} ${String(q.requests).padStart(4)} ${String(q.ms).padStart(6)} ${String(q.results).padStart(5)} ${heads.map((k) => kb(q.byKind[k]).replace(' KB', '').padStart(8)).join(' ')}`);
    }
    console.log(`  (* the worst; kinds in KB: ${heads.map((k) => `${TRANSFER_KIND_HEADS[k]} = ${TRANSFER_KINDS[k]}`).join(', ')})`);
    console.log(`  responses by Content-Encoding: ${Object.entries(search.served.encodings).map(([e, n]) => `${e} ${n}`).join(', ')}${search.served.precompressedSentRaw.length ? `; WITH A .br/.gz COPY BUT SENT RAW: ${search.served.precompressedSentRaw.join(', ')}` : ''}`);
    console.log(`  first query's page until the network is quiet: ${kb(search.firstLoad.bytesUntilQuiet)} in ${search.firstLoad.requestsUntilQuiet} requests, of which ${kb(search.firstLoad.serviceWorkerBytes)} fetched by the service worker (offline precache)`);
    console.log(`  warm (typed into that page): median ${search.warm.medianMs} ms, p95 ${search.warm.p95Ms} ms over ${search.warm.queries} queries (120 ms debounce included); median ${kb(search.warm.medianBytes)}, max ${kb(search.warm.maxBytes)} per query`);
    console.log(`  entry page in a fresh context: ${search.entryPage.requests} requests, ${kb(search.entryPage.bytes)}, ${search.entryPage.scripts} scripts`);
    if (bareSearch) console.log(`  bare pipeline, Pagefind's own first query (no site UI): ${kb(bareSearch.bytes)} in ${bareSearch.requests} requests, of which pf_meta ${kb(bareSearch.metaBytes)}`);
  }
  if (rebuilt) {
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
    console.log(`\nOne-entry rebuild (${rebuilt.edited}, Astro cache kept)${rebuilt.failed ? ` FAILED (exit ${rebuilt.failed.code}), log ${rebuilt.failed.log}` : ''}: ${sec(rebuilt.wallMs)} wall / ${sec(rebuilt.cpuMs)} CPU vs ${sec(rebuilt.cleanWallMs)} / ${sec(rebuilt.cleanCpuMs)} clean = ${pct(rebuilt.wallRatio)} of the clean build's wall time, ${pct(rebuilt.cpuRatio)} of its CPU time`);
    console.log(`  content layer sync ${sec(rebuilt.contentSyncMs)} vs ${sec(rebuilt.cleanContentSyncMs)}; cache ${mb(rebuilt.cacheBytes)}; edit visible: ${rebuilt.editVisible}`);
    console.log(`  CPU sources (reaped / sampled): rebuild ${sec(rebuilt.cpuReapedMs)} / ${sec(rebuilt.cpuSampledMs)}, clean ${sec(product.cpuReapedMs)} / ${sec(product.cpuSampledMs)}`);
    console.log(`  ${pad('phase', 56)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'peak RSS'.padStart(9)}`);
    for (const p of rebuilt.phases) console.log(`  ${pad(`${p.group.padEnd(7)} ${p.label}`, 56)} ${sec(p.ms).padStart(8)} ${sec(p.cpuMs).padStart(8)} ${mb(p.peakRss).padStart(9)}`);
    console.log(`  what the rebuild still pays for (phases holding 90 % of its CPU, largest first; clean build beside):`);
    for (const d of rebuilt.dominant) console.log(`    ${pad(d.label, 54)} ${sec(d.cpuMs).padStart(8)} CPU (${pct(d.cpuShare).padStart(4)})  clean ${sec(d.cleanCpuMs)} CPU, ${sec(d.cleanMs)} wall`);
  }
  console.log(`\nBudgets:`);
  for (const b of budgets) console.log(`  ${b.ok === undefined ? '·' : b.ok ? '✓' : '✗'} ${b.name}: ${b.value}`);
}

if (!values.keep) {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.rmSync(BARE_CACHE, { recursive: true, force: true });
} else {
  log(`kept: ${path.relative(PROJECT, WORK)} (content, site${bare ? ', bare-site' : ''}, logs) and ${path.relative(PROJECT, CACHE)}`);
}
