// Builds the search data (src/content/search-data.ts) in a worker thread: several seconds of CPU at
// 10,000 entries that Astro's single rendering thread no longer spends, done on the second core while
// Astro syncs the content layer and bundles the pages (BENCHMARKS.md). Started at `astro:config:done`
// by helper-threads.ts; the data/vocabulary.json route, the entry pages and the search index
// integration's `astro:build:done` hook await it.
import { Worker } from 'node:worker_threads';
import type { ContentModel } from '../content/model.ts';
import { provideSearchData, searchDataInput, type SearchData } from '../content/search-data.ts';

export function startSearchDataThread(model: ContentModel): void {
  const worker = new Worker(new URL('./search-data-worker.ts', import.meta.url), { workerData: searchDataInput(model) });
  // A failed build must not wait for it.
  worker.unref();
  const data = new Promise<SearchData>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', (err) => reject(new Error(`building the search data failed: ${err.message}`)));
    worker.once('exit', (code) => reject(new Error(`the search data worker stopped (exit ${code}) before it finished`)));
  });
  // Awaited by the route and the hook; until then a failure is not an unhandled rejection.
  data.catch(() => undefined);
  provideSearchData(model, data);
}
