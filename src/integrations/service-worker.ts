// Offline support (docs/offline.md): after the search index is written, lists the app shell and the
// search index with workbox-build, bundles src/sw/sw.ts with that manifest into <base>sw.js, and
// bundles src/sw/register.ts into <base>sw-register.js (loaded by every page except entry pages).
// Runs before precompression, so both files get .gz/.br copies.
import type { AstroIntegration } from 'astro';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { normalizeBase, paths } from '../publish/urls.ts';
import { pagefindBundles, VOCABULARY_FILE } from './search-index.ts';
import { FIRST_STAGE_MANIFEST } from '../search/first-stage-index.ts';
import { afterAstroFile } from './after-astro.ts';
import { indexCapBytes, offlineEnabled } from '../sw/options.ts';
import { REGISTER_FILE, SW_FILE, type PrecacheEntry, type SwConfig } from '../sw/shared.ts';

/** The fallback page for pages not saved on the device (src/pages/offline.astro). */
export const OFFLINE_PAGE = 'offline/';
const SW_SOURCE = fileURLToPath(new URL('../sw/sw.ts', import.meta.url));
const REGISTER_SOURCE = fileURLToPath(new URL('../sw/register.ts', import.meta.url));
/** Older browsers on officers' phones: no syntax newer than this in the two scripts. */
const TARGET = ['es2019'];

export interface ServiceWorkerOptions {
  /** Pagefind index and filter chunks are precached while their total is at most this (default 5 MB). */
  indexCapBytes?: number;
  networkTimeoutMs?: number;
  maxPages?: number;
  maxRuntimeEntries?: number;
  refreshBudgetMs?: number;
}

export interface ServiceWorkerReport {
  buildId: string;
  /** Precached files and their total size in bytes (uncompressed). */
  files: number;
  bytes: number;
  /** The Pagefind index and filter chunks: their size, and whether they fit under the cap. */
  index: { bytes: number; precached: boolean };
  /** Size of sw.js and sw-register.js. */
  workerBytes: number;
  registerBytes: number;
  precache: PrecacheEntry[];
}

export function serviceWorker(options: ServiceWorkerOptions = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'hoidap:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (afterAstroFile()) return; // `npm run build` writes it after the search index, in its own process
        await finishServiceWorker(fileURLToPath(dir), base, logger, options);
      },
    },
  };
}

/** Writes the service worker (or the retiring one when offline support is off) and logs what it holds. */
export async function finishServiceWorker(outDir: string, base: string, logger: { info(msg: string): void }, options: ServiceWorkerOptions = {}): Promise<void> {
  if (!offlineEnabled()) {
    retireServiceWorker(outDir);
    logger.info('offline support off (HOIDAP_OFFLINE=0): sw.js only unregisters a worker installed by an earlier build');
    return;
  }
  const r = await writeServiceWorker(outDir, base, { indexCapBytes: indexCapBytes(), ...options });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  logger.info(
    `service worker ${r.buildId}: precaches ${r.files} files, ${kb(r.bytes)}; search index ${kb(r.index.bytes)} ` +
      `${r.index.precached ? 'precached' : 'over the cap, cached on use'}; sw.js ${kb(r.workerBytes)}`,
  );
}

export async function writeServiceWorker(outDir: string, base: string, options: ServiceWorkerOptions = {}): Promise<ServiceWorkerReport> {
  const cap = options.indexCapBytes ?? 5 * 1024 * 1024;

  const register = await bundle(REGISTER_SOURCE, {});
  fs.writeFileSync(path.join(outDir, REGISTER_FILE), register);

  const shellPages = [paths.home(), paths.search(), OFFLINE_PAGE];
  const files = new Set<string>([REGISTER_FILE]);
  for (const page of shellPages) {
    const file = `${page}index.html`;
    if (!fs.existsSync(path.join(outDir, file))) throw new Error(`service worker: the app shell page ${file} was not built`);
    files.add(file);
    for (const asset of shellAssets(outDir, base, file)) files.add(asset);
  }
  for (const f of pagefindRuntime(outDir)) files.add(f);
  if (fs.existsSync(path.join(outDir, VOCABULARY_FILE))) files.add(VOCABULARY_FILE);
  // The first-stage manifest names this build's shard folder (src/search/first-stage-index.ts): served
  // from the precache, a page of this build never reads another build's shards. Offline, or once the
  // server has dropped this build's shards, the first stage fails and the page searches the precached
  // Pagefind index instead (src/search/two-stage.ts).
  if (fs.existsSync(path.join(outDir, FIRST_STAGE_MANIFEST))) files.add(FIRST_STAGE_MANIFEST);
  const chunks = pagefindChunks(outDir);
  const indexBytes = chunks.reduce((n, f) => n + fs.statSync(path.join(outDir, f)).size, 0);
  const indexPrecached = indexBytes <= cap;
  if (indexPrecached) for (const f of chunks) files.add(f);

  // Loaded here, after the pages are built: importing workbox-build costs every build a third of a
  // second of start-up (BENCHMARKS.md).
  const { getManifest } = await import('workbox-build');
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: outDir,
    globPatterns: [...files].map(escapeGlob),
    globFollow: false,
    globIgnores: [],
    maximumFileSizeToCacheInBytes: Math.max(cap, 50 * 1024 * 1024),
  });
  if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);
  if (manifestEntries.length !== files.size) throw new Error(`service worker: expected ${files.size} precache entries, got ${manifestEntries.length}`);
  const precache: PrecacheEntry[] = manifestEntries
    .map((e) => ({ url: fileUrl(base, e.url), revision: e.revision ?? null, integrity: sri(path.join(outDir, e.url)) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const bytes = [...files].reduce((n, f) => n + fs.statSync(path.join(outDir, f)).size, 0);
  const buildId = crypto.createHash('sha256').update(JSON.stringify(precache)).digest('hex').slice(0, 12);

  const config: SwConfig = {
    buildId,
    base,
    precache,
    pages: { home: base, search: base + paths.search(), offline: base + OFFLINE_PAGE },
    bypass: ['admin/'],
    networkTimeoutMs: options.networkTimeoutMs ?? 3000,
    maxPages: options.maxPages ?? 150,
    maxRuntimeEntries: options.maxRuntimeEntries ?? 600,
    refreshBudgetMs: options.refreshBudgetMs ?? 120_000,
  };
  const worker =
    `// Offline service worker of Hỏi đáp hai cấp, build ${buildId} (docs/offline.md). Includes Workbox (MIT, Google LLC).\n` +
    (await bundle(SW_SOURCE, { __HOIDAP_SW__: JSON.stringify(config) }));
  fs.writeFileSync(path.join(outDir, SW_FILE), worker);

  return {
    buildId,
    files: files.size,
    bytes,
    index: { bytes: indexBytes, precached: indexPrecached },
    workerBytes: Buffer.byteLength(worker),
    registerBytes: Buffer.byteLength(register),
    precache,
  };
}

/**
 * With offline support switched off, sw.js becomes a worker that deletes this site's caches and
 * unregisters itself: browsers keep an installed worker while its script is missing, and it would go
 * on serving an old search index. No register script is written, so nothing new registers.
 */
export function retireServiceWorker(outDir: string): void {
  fs.rmSync(path.join(outDir, REGISTER_FILE), { force: true });
  fs.rmSync(path.join(outDir, OFFLINE_PAGE), { recursive: true, force: true });
  fs.writeFileSync(
    path.join(outDir, SW_FILE),
    `// Offline support is off (HOIDAP_OFFLINE=0): removes this site's caches and unregisters.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  const prefix = 'hoidap:' + self.registration.scope + ':';
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  await self.registration.unregister();
})()));
`,
  );
}

async function bundle(entry: string, define: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
  });
  return result.outputFiles[0].text;
}

const ASSET = /\.(css|m?js|svg|png|ico|webp|woff2)$/;

/** Local files (relative to outDir) a shell page loads: styles, scripts and what those import. */
export function shellAssets(outDir: string, base: string, pageFile: string): string[] {
  const html = fs.readFileSync(path.join(outDir, pageFile), 'utf8');
  const found = new Set<string>();
  const visit = (rel: string | undefined) => {
    if (!rel || found.has(rel) || !ASSET.test(rel) || !fs.existsSync(path.join(outDir, rel))) return;
    found.add(rel);
    const text = /\.(css|m?js)$/.test(rel) ? fs.readFileSync(path.join(outDir, rel), 'utf8') : '';
    const refs = rel.endsWith('.css')
      ? [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1])
      : [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    for (const ref of refs) {
      if (/^(?:data:|[a-z]+:|\/\/)/i.test(ref)) continue;
      visit(ref.startsWith('/') ? local(base, ref) : path.posix.normalize(path.posix.join(path.posix.dirname(rel), ref.split(/[?#]/)[0])));
    }
  };
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/gi) ?? []) {
    if (/\brel=["']?(?:alternate|canonical)\b/i.test(tag)) continue;
    const ref = /\b(?:href|src)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (ref?.startsWith('/') && !ref.startsWith('//')) visit(local(base, ref));
  }
  return [...found];
}

/** Pagefind's runtime: script, worker, WebAssembly, entry file and language metadata, of every shard. */
export function pagefindRuntime(outDir: string): string[] {
  return pagefindBundles(outDir).flatMap((bundle) =>
    fs
      .readdirSync(path.join(outDir, bundle))
      .filter((f) => /^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta)$/.test(f))
      .map((f) => `${bundle}/${f}`),
  );
}

/** The index and filter chunks (precached under the cap). Fragments, one per entry, never are. */
export function pagefindChunks(outDir: string): string[] {
  const list = (bundle: string, sub: string, ext: string) => {
    const dir = path.join(outDir, bundle, sub);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => `${bundle}/${sub}/${f}`) : [];
  };
  return pagefindBundles(outDir).flatMap((b) => [...list(b, 'index', '.pf_index'), ...list(b, 'filter', '.pf_filter')]);
}

function local(base: string, href: string): string | undefined {
  const p = href.split(/[?#]/)[0];
  return p.startsWith(base) ? decodeURI(p.slice(base.length)) : undefined;
}

/** The URL a file is requested at: pages by their directory URL. */
function fileUrl(base: string, rel: string): string {
  return base + rel.replace(/(^|\/)index\.html$/, '$1');
}

function sri(file: string): string {
  return `sha256-${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('base64')}`;
}

function escapeGlob(rel: string): string {
  return rel.replace(/[*?[\]{}()!@+\\]/g, '\\$&');
}
