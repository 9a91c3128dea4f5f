// Builds the Pagefind index with its command-line runner after the pages are built (in
// `astro:build:done`, or under `npm run build` in its own process once Astro has exited:
// src/cli/build.ts), in shards for a large bank (src/search/shards.ts), plus the vocabulary the
// search page uses for typo correction, Telex/VNI readings and weighing query words. Only pages marked
// `data-pagefind-body` are indexed: the published entries (never drafts, superseded entries, lists or
// handbook pages).
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContentModel } from '../content/model.ts';
import { firstStageIndexOf, searchVocabularyOf } from '../content/search-data.ts';
import { paths } from '../publish/urls.ts';
import { MAIN_SHARD_DIR, SHARD_FOLDER, type PlannedShard } from '../search/shards.ts';
import { searchShards } from '../search/shard-options.ts';
import { mark } from './build-timings.ts';
import { afterAstroFile, writeHandoff } from './after-astro.ts';
import { writeFirstStageIndex } from './first-stage-index.ts';

export const VOCABULARY_FILE = 'search/vocabulary.json';
/** Pagefind's bundled UIs: the site has its own search page, so these are not shipped. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export function searchIndex(getModel: () => ContentModel): AstroIntegration {
  return {
    name: 'hoidap:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const model = getModel();
        const shards = searchShards(model.entries);
        const published = shards.some((s) => s.ids.length > 0);
        const handoff = afterAstroFile();
        if (handoff) {
          // `npm run build`: Pagefind runs after this process has exited (src/cli/build.ts). The
          // vocabulary needs the entries' text, which this process already holds.
          if (published) await writeVocabulary(outDir, model, logger);
          writeHandoff(handoff, { outDir, shards });
          return;
        }
        await writeSearchIndex(outDir, shards, logger);
        if (published) await writeVocabulary(outDir, model, logger);
        mark('search-index:end');
      },
    },
  };
}

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * Indexes the entry pages of a built site with the Pagefind CLI, one run per shard (src/search/shards.ts),
 * one after another so only one shard's text is in memory at a time, and checks each shard holds
 * exactly its published entries. Runs in `astro:build:done` or, under `npm run build`, in the process
 * after Astro's (src/integrations/finish-site.ts).
 */
export async function writeSearchIndex(outDir: string, shards: PlannedShard[], logger: Logger): Promise<void> {
  mark('search-index:start');
  const expected = shards.reduce((n, s) => n + s.ids.length, 0);
  if (expected === 0) {
    // Pagefind would fall back to indexing every page (lists, handbook), and cannot load an
    // empty index: ship none; the search page knows there is nothing to search.
    logger.warn('no published entries: no search index written');
    mark('search-index:pagefind-done');
    return;
  }
  if (shards.length === 1) {
    // Only entry pages can hold an indexable body: reading the lists and handbooks too costs
    // Pagefind a third of its time at 10k entries.
    await runPagefind(outDir, path.join(outDir, MAIN_SHARD_DIR), ENTRY_PAGES);
  } else {
    // Pagefind reads a whole site folder: give each shard a folder of its own entry pages, linked
    // (not copied) at the same paths, so the URLs it records are the site's.
    // A new folder next to the site (hard links need the same file system), never inside it.
    for (const shard of shards) {
      const site = fs.mkdtempSync(path.join(path.dirname(path.resolve(outDir)), '.hoidap-search-shard-'));
      try {
        for (const id of shard.ids) linkPage(outDir, site, `${paths.entry(id)}index.html`);
        await runPagefind(site, path.join(outDir, shard.dir), ENTRY_PAGES);
      } finally {
        fs.rmSync(site, { recursive: true, force: true });
      }
    }
  }
  mark('search-index:pagefind-done');
  for (const shard of shards) {
    const indexed = pageCount(path.join(outDir, shard.dir));
    if (indexed !== shard.ids.length) {
      throw new Error(`Pagefind indexed ${indexed} pages in ${shard.dir}, expected exactly its ${shard.ids.length} published entries`);
    }
    for (const f of fs.readdirSync(path.join(outDir, shard.dir))) {
      if (UNUSED_PAGEFIND_FILES.test(f)) fs.rmSync(path.join(outDir, shard.dir, f));
    }
  }
  logger.info(`indexed ${expected} published entries${shards.length > 1 ? ` in ${shards.length} shards` : ''}`);
}

const ENTRY_PAGES = 'cau-hoi/**/*.html';
/** Pagefind's command-line runner: several times faster than its Node API on the same pages (BENCHMARKS.md). */
const PAGEFIND_CLI = fileURLToPath(new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));

/** Runs Pagefind in its own process; asynchronously, so the caller can do other work meanwhile. */
function runPagefind(site: string, output: string, glob: string): Promise<void> {
  const args = [PAGEFIND_CLI, '--site', site, '--glob', glob, '--output-path', output, '--force-language', 'vi', '--quiet'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-64 * 1024));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (err) => reject(new Error(`Pagefind could not start (${PAGEFIND_CLI}): ${err.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Pagefind failed (${signal ?? `exit ${code}`}) on ${site}:\n${log}`));
    });
  });
}

function linkPage(outDir: string, site: string, rel: string): void {
  const to = path.join(site, rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(path.join(outDir, rel), to);
  } catch {
    fs.copyFileSync(path.join(outDir, rel), to); // another file system, or no hard links
  }
}

/** The search vocabulary and the first-stage index of the published entries (src/content/search-data.ts). */
async function writeVocabulary(outDir: string, model: ContentModel, logger: Logger): Promise<void> {
  const vocabulary = await searchVocabularyOf(model);
  fs.mkdirSync(path.dirname(path.join(outDir, VOCABULARY_FILE)), { recursive: true });
  fs.writeFileSync(path.join(outDir, VOCABULARY_FILE), JSON.stringify(vocabulary));
  logger.info(`search vocabulary of ${vocabulary.words.length} words, ${Object.keys(vocabulary.terms).length} terms`);
  // The small index a first query is answered from (docs/search.md, "Two stages").
  const published = new Set(model.entries.filter((e) => e.data.status === 'published').map((e) => e.id));
  writeFirstStageIndex(outDir, await firstStageIndexOf(model), published, logger);
}

/** Pages in one Pagefind bundle, read from its entry file. */
function pageCount(bundle: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** The folders of a written Pagefind index, relative to outDir: `pagefind`, then any shards in order. */
export function pagefindBundles(outDir: string): string[] {
  const main = path.join(outDir, MAIN_SHARD_DIR);
  if (!fs.existsSync(main)) return [];
  const shards = fs.readdirSync(main).filter((f) => SHARD_FOLDER.test(f) && fs.statSync(path.join(main, f)).isDirectory());
  return ['pagefind', ...shards.sort().map((f) => `pagefind/${f}`)];
}

/** Pages in the written index, every shard counted. */
export function indexedPageCount(outDir: string): number {
  return pagefindBundles(outDir).reduce((n, bundle) => n + pageCount(path.join(outDir, bundle)), 0);
}
