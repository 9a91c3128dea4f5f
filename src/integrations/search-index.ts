// Builds the Pagefind index with its Node API after the pages are built (in `astro:build:done`, or
// under `npm run build` in its own process once Astro has exited: src/cli/build.ts), plus the
// vocabulary the search page uses for typo correction, Telex/VNI readings and weighing query words. Only pages marked `data-pagefind-body` are indexed: the
// published entries (never drafts, superseded entries, lists or handbook pages).
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { ContentModel } from '../content/model.ts';
import { searchVocabularyOf } from '../content/search-vocabulary.ts';
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
        const published = model.entries.filter((e) => e.data.status === 'published');
        const handoff = afterAstroFile();
        if (handoff) {
          // `npm run build`: Pagefind runs after this process has exited (src/cli/build.ts). The
          // vocabulary needs the entries' text, which this process already holds.
          if (published.length) writeVocabulary(outDir, model, logger);
          writeHandoff(handoff, { outDir, published: published.length });
          return;
        }
        await writeSearchIndex(outDir, published.length, logger);
        if (published.length) writeVocabulary(outDir, model, logger);
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
 * Indexes the entry pages of a built site with Pagefind and checks the index holds exactly the
 * `expected` published entries. Runs in `astro:build:done` or, under `npm run build`, in the process
 * after Astro's (src/integrations/finish-site.ts).
 */
export async function writeSearchIndex(outDir: string, expected: number, logger: Logger): Promise<void> {
  mark('search-index:start');
  if (expected === 0) {
    // Pagefind would fall back to indexing every page (lists, handbook), and cannot load an
    // empty index: ship none; the search page knows there is nothing to search.
    logger.warn('no published entries: no search index written');
    mark('search-index:pagefind-done');
    return;
  }

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only entry pages can hold an indexable body: reading the lists and handbooks too costs
  // Pagefind a third of its time at 10k entries.
  const added = await index.addDirectory({ path: outDir, glob: 'cau-hoi/**/*.html' });
  if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  mark('search-index:pagefind-done');
  const indexed = indexedPageCount(outDir);
  if (indexed !== expected) {
    throw new Error(`Pagefind indexed ${indexed} pages, expected exactly the ${expected} published entries`);
  }
  for (const f of fs.readdirSync(path.join(outDir, 'pagefind'))) {
    if (UNUSED_PAGEFIND_FILES.test(f)) fs.rmSync(path.join(outDir, 'pagefind', f));
  }
  logger.info(`indexed ${indexed} published entries`);
}

/** The search vocabulary of the published entries and the synonyms (src/content/search-vocabulary.ts). */
function writeVocabulary(outDir: string, model: ContentModel, logger: Logger): void {
  const vocabulary = searchVocabularyOf(model);
  fs.mkdirSync(path.dirname(path.join(outDir, VOCABULARY_FILE)), { recursive: true });
  fs.writeFileSync(path.join(outDir, VOCABULARY_FILE), JSON.stringify(vocabulary));
  logger.info(`search vocabulary of ${vocabulary.words.length} words, ${Object.keys(vocabulary.terms).length} terms`);
  // The small index a first query is answered from (docs/search.md, "Two stages").
  writeFirstStageIndex(outDir, model, logger);
}

/** Pages in the written index, read from Pagefind's entry file. */
export function indexedPageCount(outDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}
