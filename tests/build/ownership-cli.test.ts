// The parts of the ownership features that run git or a CLI: history read from git, `npm run check`
// exit codes for the review, and `npm run new`. The pure parts are in tests/unit/ownership.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHistory, readGitHistory } from '../../src/lib/history.ts';
import { readContentRoot } from '../../src/lib/read-content-root.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

describe('change history', () => {
  const labels = { answered: 'Trả lời', reviewed: 'Rà soát' };
  it('is undefined outside a git repository', () => {
    const dir = fs.mkdtempSync('/tmp/hoidap-nogit-');
    expect(readGitHistory(dir)).toBeUndefined();
  });
  it('reads the commits of each file in a git repository', () => {
    const root = makeRoot();
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.vn', ...args], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Trả lời ban đầu', '--date', '2025-08-05T09:00:00+07:00');
    const file = path.join(root, 'entries/a/hanh-lang.md');
    fs.appendFileSync(file, '\nBổ sung hướng dẫn.\n');
    git('commit', '-q', '-am', 'Cập nhật theo Nghị định mới', '--date', '2026-01-20T09:00:00+07:00');
    const history = readGitHistory(root)!;
    expect(entryHistory(file, { answered: '2025-08-05', reviewed: '2025-10-01' }, history, labels)).toEqual([
      { date: '2026-01-20', summary: 'Cập nhật theo Nghị định mới', source: 'git' },
      { date: '2025-08-05', summary: 'Trả lời ban đầu', source: 'git' },
    ]);
    // A file with no commit of its own falls back to its dates.
    expect(entryHistory(path.join(root, 'entries/new.md'), { answered: '2026-01-01', reviewed: '2026-01-01' }, history, labels)).toHaveLength(1);
  });
});

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
