// Reads and parses a large bank's entry files on two threads before the content guard reads the root:
// the YAML parse is most of the guard's time (2.7 s of its 4.8 s at 10,000 entries), and Astro leaves
// the second core idle while its config hooks run. The guard's own reading then takes these parses
// for the files whose text is unchanged (src/content/files.ts, `keepEntryParses`) and reports every
// problem itself: a file that fails here is simply read again there.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { keepEntryParses, listContentFiles, readEntryFile, type ParsedEntryFile } from './files.ts';

/** Below this many entry files, starting a thread costs more than it saves. */
const MIN_FILES = 1000;

export type EntryParses = [file: string, parsed: ParsedEntryFile][];

/** Parses every other file of `files`, from index `first` (0 here, 1 in the worker). */
export function parseShare(files: readonly string[], first: 0 | 1): EntryParses {
  const out: EntryParses = [];
  for (let i = first; i < files.length; i += 2) {
    const parsed = readEntryFile(files[i], []);
    if (parsed) out.push([files[i], parsed]);
  }
  return out;
}

export async function preparseEntries(root: string, minFiles = MIN_FILES): Promise<void> {
  const files = listContentFiles(path.join(root, 'entries'), true, []);
  if (files.length < minFiles) return;
  const worker = new Worker(new URL('./preparse-worker.ts', import.meta.url), { workerData: files });
  const theirs = new Promise<EntryParses>((resolve) => {
    worker.once('message', resolve);
    // A worker that fails only costs its share of the parsing: the guard reads those files itself.
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
  const mine = parseShare(files, 0);
  keepEntryParses(mine);
  keepEntryParses(await theirs);
}
