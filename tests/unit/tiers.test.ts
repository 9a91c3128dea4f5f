// The unit tier stays pure (tests/tiers.ts): its guard refuses child processes and Chromium, and no
// unit test asks for the built sites, which this tier never builds.
import fs from 'node:fs';
import path from 'node:path';
import * as childProcess from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BROWSER, BUILD_EXCLUDE, UNIT } from '../tiers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const unitFiles = UNIT.flatMap((glob) => fs.globSync(glob, { cwd: ROOT }));

describe('the unit tier', () => {
  it('refuses child processes', () => {
    expect(() => childProcess.spawnSync('true')).toThrow(/unit tier is pure/);
  });

  it('has files, and none of them needs a built site', () => {
    expect(unitFiles.length).toBeGreaterThan(5);
    for (const file of unitFiles) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/\binject\(\s*['"]sites['"]\s*\)|\bbuildSite\(|\blaunchBrowser\(/);
    }
  });

  it('is excluded from the build tier, like the browser tier', () => {
    expect(BUILD_EXCLUDE).toEqual(expect.arrayContaining([...UNIT, ...BROWSER]));
  });
});
