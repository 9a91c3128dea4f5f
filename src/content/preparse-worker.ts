// The worker thread of preparse.ts: parses its share of the entry files and hands the parses back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseShare } from './preparse.ts';

parentPort!.postMessage(parseShare(workerData as string[], 1));
