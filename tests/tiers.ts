// Which test file runs in which tier. vitest.config.ts turns each tier into a Vitest project and
// README.md ("Tests") documents the mapping; tests/unit/tiers.test.ts keeps the unit tier pure.
//
// Folders name their tier where they can: tests/unit/ is pure, tests/build/ builds sites and runs CLIs,
// tests/bench/ is the benchmark. Older feature folders (tests/e2e, tests/security, tests/handbook,
// tests/import, tests/cms, tests/search, …) are mapped here by glob so that they keep their place.
// A file that mixes tiers belongs to the heavier one, and any new folder lands in the build tier
// until it is listed here.

/** Pure tests: no site build, no browser, no child process, no network. Reading and writing temp files is fine. */
export const UNIT = [
  'tests/unit/**/*.test.ts',
  'tests/import/parts.test.ts',
  'tests/import/samples.test.ts',
  'tests/handbook/handbook-lib.test.ts',
];

/** Tests that drive Chromium (through playwright-core or a CLI that prints with it). */
export const BROWSER = [
  'tests/browser/**/*.test.ts',
  'tests/e2e/**/*.test.ts',
  'tests/security/**/*.test.ts',
  'tests/cms/cms-browser.test.ts',
  'tests/handbook/pages.test.ts',
  'tests/handbook/pdf.test.ts',
  'tests/handbook/page-contract.test.ts',
  'tests/handbook/printer-*.test.ts',
];

/** The scale benchmark's own checks: a small generated bank run through the bench CLI. */
export const BENCH = ['tests/bench/**/*.test.ts'];

/** Everything else: production builds of the fixture roots and the sample, CLI runs, type-check. */
export const BUILD = ['tests/**/*.test.ts'];
export const BUILD_EXCLUDE = [...UNIT, ...BROWSER, ...BENCH];
