// Builds the sites the build and browser tests read, once per test run. Both the build and the browser
// tier (vitest.config.ts) list this file; Vitest calls it once per tier, so the builds are remembered
// for the run and each tier only gets the paths provided. The unit tier never runs it.
// For quick iteration on tests only: HOIDAP_TEST_REUSE=1 reuses sites already built;
// HOIDAP_TEST_SITES=minimal,minimalBase builds only those.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT } from '../src/node/build-site.ts';
import { FIXTURES, FIXTURE_TODAY, MINIMAL_ROOT } from './helpers/fixture-root.ts';

export const SITES_DIR = path.join(PROJECT, '.cache/test-sites');

const SITES = {
  sample: { root: path.join(PROJECT, 'content') },
  minimal: { root: MINIMAL_ROOT, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY } },
  minimalBase: { root: MINIMAL_ROOT, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY, SITE_BASE: '/hoi-dap/' } },
  // The sample content with its search index in shards of at most 12 entries (src/search/shards.ts).
  sharded: { root: path.join(PROJECT, 'content'), env: { HOIDAP_SEARCH_SHARD_ENTRIES: '12' } },
  // Every text field carries XSS payloads: tests/security/. One answer a field page, so the payloads
  // also reach the later pages of a field (/linh-vuc/<field>/trang-N/), its topic list and "(tiếp theo)".
  xss: { root: path.join(FIXTURES, 'xss'), env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY, HOIDAP_FIELD_PAGE_SIZE: '1' } },
} satisfies Record<string, { root?: string; env?: Record<string, string> }>;

export type SiteName = keyof typeof SITES;

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<SiteName, string>;
  }
}

// Shared by every tier in this process (each tier may load this module on its own).
const BUILT = Symbol.for('hoidap.test-sites');

export default function setup(project: TestProject) {
  const memo = globalThis as { [BUILT]?: Record<SiteName, string> };
  memo[BUILT] ??= buildSites();
  project.provide('sites', memo[BUILT]);
}

function buildSites(): Record<SiteName, string> {
  const sites = {} as Record<SiteName, string>;
  for (const [name, opts] of Object.entries(SITES) as [SiteName, (typeof SITES)[SiteName]][]) {
    const outDir = path.join(SITES_DIR, name);
    sites[name] = outDir;
    const only = process.env.HOIDAP_TEST_SITES?.split(',');
    if (only && !only.includes(name)) continue;
    if (process.env.HOIDAP_TEST_REUSE === '1' && fs.existsSync(path.join(outDir, 'index.html'))) continue;
    const result = buildSite({ ...opts, outDir });
    if (result.status !== 0) throw new Error(`building the ${name} test site failed:\n${result.output}`);
  }
  return sites;
}
