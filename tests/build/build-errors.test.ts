// The build itself refuses content that breaks the contract, naming the file and the key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, htmlFiles } from '../../src/node/build-site.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';
import { readPage } from '../helpers/html.ts';

const ENTRY = 'entries/a/hanh-lang.md';
const entry = readFixture(ENTRY);
const outDir = (name: string) => path.join(os.tmpdir(), `hoidap-build-${name}-${process.pid}`);
const env = { HOIDAP_BUILD_DATE: FIXTURE_TODAY };

describe('the build fails on contract violations', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['a reference to a missing unit', { [ENTRY]: withKey(entry, 'owner', 'so-khong-co') }, 'key "owner"'],
    ['an unknown key', { [ENTRY]: withKey(entry, 'mau_sac', 'do') }, 'key "mau_sac"'],
    ['a review date in the future', { [ENTRY]: withKey(entry, 'reviewed', '2030-01-01') }, 'key "reviewed"'],
    ['a duplicate id', { 'entries/b/again.md': entry }, 'key "id"'],
  ];
  for (const [name, changes, key] of cases) {
    it(name, () => {
      const root = makeRoot(changes);
      const result = buildSite({ root, outDir: outDir('fail'), env });
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(path.join('entries', Object.keys(changes)[0].split('/').slice(1).join('/')));
      expect(result.output).toContain(key);
      expect(fs.existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
    });
  }
});

describe('the build normalises text to NFC', () => {
  it('renders an NFD source file as NFC', () => {
    const root = makeRoot({ [ENTRY]: entry.normalize('NFD') });
    const result = buildSite({ root, outDir: outDir('nfd'), env });
    expect(result.status, result.output).toBe(0);
    const html = readPage(result.outDir, 'cau-hoi/hanh-lang-an-toan-luoi-dien/index.html');
    expect(html).toBe(html.normalize('NFC'));
    expect(html).toContain('UBND cấp xã có trách nhiệm gì');
    expect(html).toContain('Nội dung trả lời <strong>chi tiết</strong> về hành lang an toàn.');
    expect(htmlFiles(result.outDir)).toContain('cau-hoi/dang-ky-dat-dai-lan-dau/index.html');
  });
});

describe('a content root with no published entry', () => {
  it('builds, indexes nothing, and the search page answers with no results', () => {
    const root = makeRoot({
      'entries/a/hanh-lang.md': null,
      'entries/b/dang-ky.md': null,
      'entries/b/cu.md': null,
    });
    const result = buildSite({ root, outDir: outDir('empty'), env });
    expect(result.status, result.output).toBe(0);
    expect(fs.existsSync(path.join(result.outDir, 'pagefind'))).toBe(false);
    expect(readPage(result.outDir, 'tim-kiem/index.html')).toMatch(/data-empty/);
    expect(htmlFiles(result.outDir).filter((f) => f.startsWith('cau-hoi/'))).toEqual([]);
  });
});
