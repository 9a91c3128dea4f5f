// Temporary content roots for tests: a copy of tests/fixtures/minimal with files added, replaced or removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const MINIMAL_ROOT = path.join(FIXTURES, 'minimal');
/** Build date the fixtures are written against. */
export const FIXTURE_TODAY = '2026-06-01';

/** Copies the minimal root to a temp folder and applies `changes` (path → new text, or null to delete). */
export function makeRoot(changes: Record<string, string | null> = {}, from = MINIMAL_ROOT): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-root-'));
  fs.cpSync(from, dir, { recursive: true });
  for (const [rel, text] of Object.entries(changes)) {
    const file = path.join(dir, rel);
    if (text === null) fs.rmSync(file, { force: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  return dir;
}

export function readFixture(rel: string, from = MINIMAL_ROOT): string {
  return fs.readFileSync(path.join(from, rel), 'utf8');
}

/** Rewrites one frontmatter key of a fixture entry (`null` removes the key). Only for one-line keys. */
export function withKey(source: string, key: string, value: string | null): string {
  const line = new RegExp(`^${key}:.*\\n`, 'm');
  if (value === null) return source.replace(line, '');
  if (line.test(source)) return source.replace(line, `${key}: ${value}\n`);
  return source.replace(/^---\n/, `---\n${key}: ${value}\n`);
}
