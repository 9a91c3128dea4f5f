// The steps of `npm run build` that follow `astro build`, run in their own process once Astro has
// exited (src/cli/build.ts): the Pagefind index and its checks, then the service worker (it precaches
// the index), the security headers (they list the top-level folders, pagefind/ included) and
// precompression (it must see all of them; the files none of those steps writes are compressed while
// Pagefind runs). The same order as the integrations' `astro:build:done` hooks, which run these steps
// when `astro build` runs alone.
import { mark } from './build-timings.ts';
import { precompressFiles } from './precompress.ts';
import { writeSearchIndex } from './search-index.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import { finishServiceWorker } from './service-worker.ts';
import type { AfterAstroHandoff } from './after-astro.ts';
import { siteBase } from '../site.config.ts';
import { MAIN_SHARD_DIR } from '../search/shards.ts';
import { REGISTER_FILE, SW_FILE } from '../sw/shared.ts';

export interface StepLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export async function finishSite(handoff: AfterAstroHandoff, logger: StepLogger): Promise<void> {
  const { outDir, shards } = handoff;
  const base = siteBase();
  // Pagefind runs in its own process: meanwhile this one compresses what the index, the service
  // worker and the headers do not write (nearly every compressed file), on libuv's thread pool.
  const written = (rel: string) => rel.startsWith(MAIN_SHARD_DIR) || rel === SW_FILE || rel === REGISTER_FILE;
  const index = writeSearchIndex(outDir, shards, logger);
  const before = precompressFiles(outDir, (rel) => !written(rel));
  // Both settle before anything fails the build, so no file is being written when it stops.
  const [indexed, compressed] = await Promise.allSettled([index, before]);
  if (indexed.status === 'rejected') throw indexed.reason;
  if (compressed.status === 'rejected') throw compressed.reason;
  mark('search-index:end');
  await finishServiceWorker(outDir, base, logger);
  writeSecurityHeaders(outDir, base);
  mark('precompress:start');
  const after = await precompressFiles(outDir, written);
  logger.info(`precompressed ${compressed.value + after} assets (.gz, .br)`);
  mark('precompress:end');
}
