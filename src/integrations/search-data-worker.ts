// The worker thread of search-data-thread.ts: builds the search data from the input it was given.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchData, type SearchDataInput } from '../content/search-data.ts';

parentPort!.postMessage(buildSearchData(workerData as SearchDataInput));
