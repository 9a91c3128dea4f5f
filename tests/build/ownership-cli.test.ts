// The parts of the ownership features that run a CLI: `npm run check` exit codes for the review,
// and `npm run new`. The pure parts are in tests/unit/ownership.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

describe('owner report (npm run check)', () => {
  it('--strict turns warnings into a failing exit code, --json carries the review', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['src/cli/check.ts', '--skip-types', ...args], {
        cwd: PROJECT,
        env: { ...process.env, HOIDAP_CONTENT: makeRoot(), HOIDAP_BUILD_DATE: FIXTURE_TODAY },
        encoding: 'utf8',
      });
    expect(run().status).toBe(0);
    expect(run('--strict').status).toBe(1);
    const json = JSON.parse(run('--json').stdout);
    expect(json.review.owners.find((o: { owner: string }) => o.owner === 'so-cong-thuong-nghe-an').legalChanged[0].documents[0].ref).toBe('nd-98-2020');
    expect(run('--similarity', '2').status).toBe(2);
  });
});

describe('npm run new', () => {
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, ['src/cli/new.ts', ...args], {
      cwd: PROJECT,
      env: { ...process.env, HOIDAP_CONTENT: root, HOIDAP_BUILD_DATE: FIXTURE_TODAY },
      encoding: 'utf8',
      input: '',
    });
  it('writes an entry that passes check, with a Vietnamese-aware id and today’s dates', () => {
    const root = makeRoot();
    const r = run(root, '--question', 'Đội QLTT có được kiểm tra cửa hàng tạp hóa không?', '--field', 'dien-luc', '--owner', 'bo-cong-thuong', '--levels', 'commune,province');
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(root, 'entries/dien-luc/doi-qltt-co-duoc-kiem-tra-cua-hang-tap-hoa-khong.md');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('answered: 2026-06-01');
    expect(text).toContain('status: draft');
    const { model, issues } = readContentRoot(root, FIXTURE_TODAY);
    expect(issues).toEqual([]);
    expect(model.entries.find((e) => e.id === 'doi-qltt-co-duoc-kiem-tra-cua-hang-tap-hoa-khong')?.data.levels).toEqual(['commune', 'province']);
  });
  it('refuses an id that exists and unknown fields or owners', () => {
    const root = makeRoot();
    const exists = run(root, '--question', 'x', '--id', 'hanh-lang-an-toan-luoi-dien', '--field', 'dien-luc', '--owner', 'bo-cong-thuong', '--levels', 'commune');
    expect(exists.status).toBe(1);
    expect(exists.stderr).toContain('already exists');
    expect(run(root, '--question', 'x', '--field', 'thuy-san', '--owner', 'bo-cong-thuong', '--levels', 'commune').stderr).toContain('unknown field');
    expect(run(root, '--question', 'x', '--field', 'dien-luc', '--owner', 'so-khac', '--levels', 'commune').stderr).toContain('unknown unit');
    expect(run(root, '--question', 'x', '--field', 'dien-luc', '--owner', 'bo-cong-thuong', '--levels', 'huyen').status).toBe(2);
    expect(run(root, '--field', 'dien-luc').stderr).toContain('--question is required');
  });
});
