// For browser test files: one Chromium and one HTTP server for a built site, started before the file's
// tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { serveSite, type Served } from '../../src/node/serve.ts';

export interface ServedSite {
  readonly browser: Browser;
  readonly served: Served;
}

export function useServedSite(dir: string): ServedSite {
  const env = {} as { browser: Browser; served: Served };
  beforeAll(async () => {
    env.browser = await launchBrowser();
    env.served = await serveSite(dir);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.served?.close();
  });
  return env;
}
