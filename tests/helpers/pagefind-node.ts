// Runs a built site's own pagefind.js in Node, reading index files from disk through a fetch shim:
// fast relevance tests without a browser, with exactly the search code the page runs.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSearch, type Pagefind } from '../../src/search/engine.ts';
import { parseVocabulary } from '../../src/search/vocabulary.ts';
import type { PagefindMerge } from '../../src/search/federated-search.ts';
import type { SearchShard } from '../../src/search/shards.ts';
import { decodeEntities } from './html.ts';
import { firstStageSearch } from '../../src/search/first-stage-search.ts';
import { searchInStages, type StagedOutcome } from '../../src/search/two-stage.ts';

const ORIGIN = 'http://site.test';
let instance = 0;

export interface NodeSearch {
  /** Entry ids shown as answers, in rank order (none when the engine is not confident, as on the page). */
  ids(q: string, filters?: Record<string, string>): Promise<string[]>;
  /** Which stage answered the last query (two stages only). */
  lastStage?: StagedOutcome;
}

/**
 * `stages: 'two'` searches as the page does (src/search/two-stage.ts): the first-stage index, then
 * Pagefind when the first stage cannot answer; `'full'` (default) Pagefind alone.
 */
export async function nodeSearch(outDir: string, stages: 'full' | 'two' = 'full'): Promise<NodeSearch> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.origin !== ORIGIN) return realFetch(input);
    const file = path.join(outDir, decodeURIComponent(url.pathname));
    if (!fs.existsSync(file)) return new Response(null, { status: 404 });
    return new Response(fs.readFileSync(file));
  }) as typeof fetch;
  // The shards the search page loads (src/search/shards.ts): the first, with the others merged in.
  const page = fs.readFileSync(path.join(outDir, 'tim-kiem/index.html'), 'utf8');
  const shards = JSON.parse(decodeEntities(/data-shards="([^"]*)"/.exec(page)?.[1] ?? '[]')) as SearchShard[];
  const dirs = shards.length ? shards.map((s) => s.dir) : ['pagefind/'];
  // A fresh module instance per site: pagefind.js keeps its index in module state.
  const pf = (await import(`${pathToFileURL(path.join(outDir, dirs[0], 'pagefind.js')).href}?site=${instance++}`)) as Pagefind & PagefindMerge;
  await pf.options({ basePath: `${ORIGIN}/${dirs[0]}`, baseUrl: '/' });
  for (const dir of dirs.slice(1)) await pf.mergeIndex(`${ORIGIN}/${dir}`, { baseUrl: '/' });
  const vocabulary = parseVocabulary(JSON.parse(fs.readFileSync(path.join(outDir, 'search/vocabulary.json'), 'utf8')));
  const loadVocabulary = async () => vocabulary;
  const firstStage = firstStageSearch({ base: '/', vocabulary: loadVocabulary, fetch: ((u: string) => fetch(`${ORIGIN}${u}`)) as typeof fetch });
  const search: NodeSearch = {
    async ids(q, filters = {}) {
      let outcome;
      if (stages === 'two') {
        search.lastStage = await searchInStages({ first: firstStage, fullText: async () => pf, loadVocabulary }, q, filters);
        outcome = search.lastStage.outcome;
      } else outcome = await runSearch(pf, loadVocabulary, q, filters);
      const { first, rest, confident } = outcome;
      if (!confident) return [];
      const more = await Promise.all(rest.map((r) => r.data()));
      return [...first, ...more].map((d) => d.meta.id);
    },
  };
  return search;
}
