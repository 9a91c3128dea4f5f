// Writes the first-stage search index (src/search/first-stage-index.ts) of the published entries under
// search/first/, next to the vocabulary, and checks it holds exactly the published entries: the same
// guarantee as the Pagefind index (never a draft, superseded or withdrawn entry).
import fs from 'node:fs';
import path from 'node:path';
import { bucketFile, FIRST_STAGE_DIR, FIRST_STAGE_MANIFEST, shardFile, type FirstStageIndex } from '../search/first-stage-index.ts';

interface Logger {
  info(msg: string): void;
}

/** Writes a built first-stage index under search/first/ and checks it holds exactly `published`. */
export function writeFirstStageIndex(outDir: string, index: FirstStageIndex, published: ReadonlySet<string>, logger: Logger): void {
  const dir = path.join(outDir, FIRST_STAGE_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  const write = (file: string, data: unknown) => {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file), JSON.stringify(data));
  };
  index.shards.forEach((s, n) => write(shardFile(index.manifest, n), s));
  index.buckets.forEach((b, n) => write(bucketFile(index.manifest, n), b));
  write(FIRST_STAGE_MANIFEST, index.manifest);
  checkFirstStageIndex(index, published);
  logger.info(`first-stage search index: ${index.manifest.docs} entries, ${index.manifest.words} words in ${index.manifest.shards} shards, ${index.buckets.length} buckets`);
}

/** The index holds exactly the published entries, each once. */
export function checkFirstStageIndex(index: FirstStageIndex, published: ReadonlySet<string>): void {
  const ids = index.buckets.flat().map((row) => row[0]);
  const extra = ids.filter((id) => !published.has(id));
  if (extra.length) throw new Error(`first-stage index holds entries that are not published: ${extra.slice(0, 5).join(', ')}`);
  if (new Set(ids).size !== published.size || ids.length !== published.size || index.manifest.docs !== published.size) {
    throw new Error(`first-stage index holds ${ids.length} entries, expected exactly the ${published.size} published entries`);
  }
}
