// The steps of `npm run build` that follow `astro build`, run in their own process once Astro has
// exited (src/cli/build.ts): the Pagefind index and its checks, then the service worker (it precaches
// the index), the security headers (they list the top-level folders, pagefind/ included) and
// precompression (it must see all of them). The same order as the integrations' `astro:build:done`
// hooks, which run these steps when `astro build` runs alone.
import { mark } from './build-timings.ts';
import { precompressFiles } from './precompress.ts';
import { writeSearchIndex } from './search-index.ts';
import { writeSecurityHeaders } from './security-headers.ts';
import { finishServiceWorker } from './service-worker.ts';
import type { AfterAstroHandoff } from './after-astro.ts';
import { siteBase } from '../site.config.ts';

export interface StepLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export async function finishSite(handoff: AfterAstroHandoff, logger: StepLogger): Promise<void> {
  const { outDir, shards } = handoff;
  const base = siteBase();
  writeSearchIndex(outDir, shards, logger);
  mark('search-index:end');
  await finishServiceWorker(outDir, base, logger);
  writeSecurityHeaders(outDir, base);
  mark('precompress:start');
  logger.info(`precompressed ${await precompressFiles(outDir)} assets (.gz, .br)`);
  mark('precompress:end');
}
