// `npm run check` as a department runs it: exit codes, text and JSON output.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeCheck } from '../../src/cli/typecheck.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';

function check(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(PROJECT, 'src/cli/check.ts'), '--skip-types', ...args], {
    cwd: PROJECT,
    env: { ...process.env, HOIDAP_CONTENT: root, HOIDAP_BUILD_DATE: FIXTURE_TODAY },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run check', () => {
  it('passes a valid root with exit code 0 and counts', () => {
    const run = check(makeRoot());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 published, 1 draft, 1 superseded, 0 withdrawn entries');
    expect(run.stdout).toContain('Check passed.');
  });

  it('fails with exit code 1 and names the file, line and key', () => {
    const entry = readFixture('entries/a/hanh-lang.md');
    const root = makeRoot({ 'entries/a/hanh-lang.md': withKey(entry, 'owner', 'so-khong-co') });
    const run = check(root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/entries\/a\/hanh-lang\.md:\d+: key "owner": names unit "so-khong-co"/);
    expect(run.stdout).toContain('Check failed.');
  });

  it('reports JSON with --json', () => {
    const root = makeRoot({ 'fields/dien-luc.yaml': 'name: Điện lực\nmau: do\n' });
    const run = check(root, '--json');
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors).toEqual([expect.objectContaining({ severity: 'error', key: 'mau', file: path.join(root, 'fields/dien-luc.yaml') })]);
    expect(out.counts.published).toBe(2);
  });

  it('fails on a missing content root', () => {
    const run = check('/nonexistent/root');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('content root not found');
  });
});

describe('the code', () => {
  // tsc over the whole project: over a minute on a loaded 2-core machine.
  it('type-checks under strict TypeScript', { timeout: 300_000 }, () => {
    const result = typeCheck();
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
