// Setup file of the unit tier (vitest.config.ts): the tier promises no child process and no browser,
// so any attempt fails loudly with where the test belongs instead of quietly making the tier slow.
import { vi } from 'vitest';

function refuse(what: string) {
  return () => {
    throw new Error(`the unit tier is pure: ${what} is not allowed here; move the test to tests/build/ or tests/browser/ (see tests/tiers.ts)`);
  };
}

vi.mock('node:child_process', () => {
  const names = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
  const api = Object.fromEntries(names.map((n) => [n, refuse(`child_process.${n}`)]));
  return { ...api, default: api };
});

vi.mock('playwright-core', () => {
  const chromium = { launch: refuse('launching Chromium') };
  return { chromium, default: { chromium } };
});
