// Four test tiers, one Vitest project each (the mapping lives in tests/tiers.ts, README "Tests"):
//   npm run test:unit     pure tests, no site builds
//   npm run test:build    production builds of fixture roots and the sample, CLIs
//   npm run test:browser  Chromium
//   npm run test:bench    the benchmark's checks
// `npm test` runs all four. Only the build and browser tiers run tests/global-setup.ts (4 site builds);
// it builds once per run even when both tiers run.
import { configDefaults, defineConfig } from 'vitest/config';
import { BENCH, BROWSER, BUILD, BUILD_EXCLUDE, UNIT } from './tests/tiers.ts';

const SITES = ['tests/global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, setupFiles: ['tests/unit-tier-guard.ts'] } },
      { extends: true, test: { name: 'build', include: BUILD, exclude: [...configDefaults.exclude, ...BUILD_EXCLUDE], globalSetup: SITES } },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: SITES } },
      { extends: true, test: { name: 'bench', include: BENCH } },
    ],
  },
});
