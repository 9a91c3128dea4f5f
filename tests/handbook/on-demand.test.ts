// A bank above HOIDAP_HANDBOOK_PAGES_MAX published entries: the site's build leaves the field handbook
// pages out (they would render every entry a second time) and says so, links to none of them, and
// `npm run handbook` on such a build says how to get them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlFiles, PROJECT } from '../../src/node/build-site.ts';
import { readPage } from '../helpers/html.ts';
import { FIXTURE_TODAY, MINIMAL_ROOT } from '../helpers/fixture-root.ts';

describe('field handbooks on demand (HOIDAP_HANDBOOK_PAGES_MAX)', () => {
  const outDir = path.join(os.tmpdir(), `hoidap-handbook-on-demand-${process.pid}`);
  beforeAll(() => {
    const built = buildSite({ root: MINIMAL_ROOT, outDir, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY, HOIDAP_HANDBOOK_PAGES_MAX: '1' } });
    expect(built.status, built.output).toBe(0);
  }, 180_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('builds no field handbook page, and /so-tay/ says they are printed on request', () => {
    expect(htmlFiles(outDir).filter((f) => f.startsWith('so-tay/'))).toEqual(['so-tay/index.html']);
    const html = readPage(outDir, 'so-tay/index.html');
    expect(html).toContain('data-hb-on-demand="2"');
    expect(html).toContain('in theo yêu cầu');
    expect(html).not.toMatch(/href="\/so-tay\/[a-z-]+\/"/);
  });

  it('links no field page to a handbook that was not built', () => {
    const html = readPage(outDir, 'linh-vuc/dien-luc/index.html');
    expect(html).toContain('href="/feeds/');
    expect(html).not.toContain('/so-tay/dien-luc/');
  });

  it('still builds every entry page and the search index', () => {
    expect(htmlFiles(outDir)).toContain('cau-hoi/hanh-lang-an-toan-luoi-dien/index.html');
    expect(fs.existsSync(path.join(outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('makes `npm run handbook -- <field> --dist` on such a build say how to get the pages', () => {
    const run = spawnSync(process.execPath, [path.join(PROJECT, 'src/cli/handbook.ts'), 'dien-luc', '--dist', outDir, '--out', path.join(outDir, 'x.pdf')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('HOIDAP_HANDBOOK_PAGES=always');
  });
});
