// Check and build read the same files the same way (issue 16, findings 4, 5, 7, 8, 9, 10, 11): what the
// content reader rejects stops the build before Astro parses anything, naming the file; what it accepts
// (CRLF, a BOM, NFD, Word's soft line breaks) is built from the reader's normalised text, MDX included;
// a render error fails the build naming the file; builds of two roots never share cached entries;
// every feed is well-formed XML. Builds real sites.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, type BuildResult } from '../../src/node/build-site.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';
import { readPage, textOf } from '../helpers/html.ts';

const ENTRY = 'entries/a/hanh-lang.md';
const entry = readFixture(ENTRY);
const cu = readFixture('entries/b/cu.md');
const outDir = (name: string) => path.join(os.tmpdir(), `hoidap-reader-${name}-${process.pid}`);
const env = { HOIDAP_BUILD_DATE: FIXTURE_TODAY };

function expectRefused(result: BuildResult, file: string, message: RegExp) {
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain(path.join(...file.split('/')));
  expect(result.output).toMatch(message);
  // The guard spoke first: Astro's own parsers never saw the file.
  expect(result.output).toContain('breaks the content contract');
  expect(result.output).not.toMatch(/YAMLException|js-yaml|\[content\] Syncing/);
  expect(fs.existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
}

describe('the build refuses what the reader refuses, before Astro parses it', () => {
  it('a symlinked superseded entry with a script body, pointing outside the root (finding 4)', () => {
    const root = makeRoot({ 'entries/b/cu.md': null });
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-outside-')), 'cu.md');
    fs.writeFileSync(outside, cu.replace('Câu trả lời cũ.', '<script>alert(1)</script>'));
    fs.symlinkSync(outside, path.join(root, 'entries/b/cu.md'));
    expectRefused(buildSite({ root, outDir: outDir('refused'), env }), 'entries/b/cu.md', /symbolic link/);
  });
  it('"#" in a superseded entry\'s file name (finding 7)', () => {
    const root = makeRoot({ 'entries/b/cu.md': null, 'entries/b/cu#1.md': cu });
    expectRefused(buildSite({ root, outDir: outDir('refused'), env }), 'entries/b/cu#1.md', /"#"/);
  });
  it('a field whose id takes the address of /feeds/all.xml (finding 7)', () => {
    const root = makeRoot({ 'fields/all.yaml': 'name: Tất cả\n' });
    expectRefused(buildSite({ root, outDir: outDir('refused'), env }), 'fields/all.yaml', /key "id": the id "all" is reserved/);
  });
  it('a !!js/function tag (finding 10)', () => {
    const root = makeRoot({ [ENTRY]: withKey(entry, 'topic', '!!js/function "function () { return process.exit(7) }"') });
    expectRefused(buildSite({ root, outDir: outDir('refused'), env }), `${ENTRY}:8`, /tag "!!js\/function" is not allowed/);
  });
  it('raw control characters and a bidi override (findings 10, 11)', () => {
    const root = makeRoot({ [ENTRY]: entry.replace('topic: Bảo vệ', 'topic: Bảo\u0000 vệ'), 'fields/dien-luc.yaml': 'name: Điện\u202E lực\n' });
    const result = buildSite({ root, outDir: outDir('refused'), env });
    expectRefused(result, `${ENTRY}:8`, /U\+0000 \(NUL\)/);
    expect(result.output).toMatch(/fields[/\\]dien-luc\.yaml:1: U\+202E \(bidirectional override\)|dien-luc\.yaml:1:.*U\+202E/);
  });
  it('an entry over the size limit, quickly and before parsing (finding 9)', () => {
    const big = entry + '\n' + '- mục *nhấn* [liên kết](https://example.gov.vn/)\n'.repeat(60_000);
    const root = makeRoot({ [ENTRY]: big });
    const started = performance.now();
    const result = buildSite({ root, outDir: outDir('refused'), env });
    expectRefused(result, ENTRY, /over the limit of 256 KB.*HOIDAP_MAX_ENTRY_BYTES/);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

// Malformed percent-encoding made Astro's image pipeline throw while rendering, and the glob loader then
// published an empty answer with exit 0. The Markdown guard now refuses such URLs before rendering
// (src/content/markdown-safety.ts); either way the build must fail naming the file.
describe('an entry whose URL cannot be rendered fails the build naming the file (render errors)', () => {
  it('malformed percent-encoding in an image URL (it used to publish an empty answer with exit 0)', () => {
    const root = makeRoot({ [ENTRY]: entry.replace('Nội dung', '![ảnh](https://example.gov.vn/a%E0%A4%A.png)\n\nNội dung') });
    const result = buildSite({ root, outDir: outDir('render'), env });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(/entries[/\\]a[/\\]hanh-lang\.md:\d+.*malformed percent-escape/);
    expect(fs.existsSync(path.join(result.outDir, 'cau-hoi/hanh-lang-an-toan-luoi-dien/index.html'))).toBe(false);
  });
  it('the same in a published MDX entry (compiled later, by the MDX plugin)', () => {
    const mdx = readFixture('entries/b/nhap.mdx').replace('status: draft\n', '').replace('Bản nháp.', '![ảnh](https://example.gov.vn/a%E0%A4%A.png)');
    const result = buildSite({ root: makeRoot({ 'entries/b/nhap.mdx': mdx }), outDir: outDir('render'), env });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(/entries[/\\]b[/\\]nhap\.mdx:\d+.*malformed percent-escape/);
  });
});

describe('a root of Windows files, Word text and hostile names builds from the reader\'s text (findings 8, 10)', () => {
  const crlfBom = (s: string) => `\uFEFF${s.replace(/\n/g, '\r\n')}`;
  const mdx = [
    '---',
    'id: mdx-windows',
    'question: "Câu hỏi\\x0BMDX <b>có</b> & \\"ngoặc\\"\\u2028dòng mới?"',
    'summary: Tóm tắt MDX.',
    'field: dien-luc',
    'owner: so-cong-thuong-nghe-an',
    'levels: [commune]',
    'answered: 2025-07-02',
    'reviewed: 2025-07-02',
    '---',
    'Trả lời **MDX** ở dạng tổ hợp: hành lang.',
    '',
  ].join('\n');
  const root = makeRoot({
    [ENTRY]: crlfBom(withKey(entry, 'question', '"UBND cấp xã\\x0Bcó trách nhiệm gì?"')),
    'entries/b/windows.mdx': crlfBom(mdx).normalize('NFD'),
    'fields/dien-luc.yaml': crlfBom('name: Điện <lực> & "năng" \'lượng\'\norder: 1\n'),
    'units/so-cong-thuong-nghe-an.yaml': crlfBom('name: Sở <Công> & "Thương"\nlevel: province\n'),
    'synonyms.yaml': crlfBom('- [sổ đỏ, GCN]\n'),
  });
  let result: BuildResult;
  let out: string;
  beforeAll(() => {
    result = buildSite({ root, outDir: outDir('windows'), env });
    out = result.outDir;
  });

  it('builds', () => expect(result.status, result.output).toBe(0));
  it('renders a CRLF + BOM Markdown entry with the soft line break as a space', () => {
    const html = readPage(out, 'cau-hoi/hanh-lang-an-toan-luoi-dien/index.html');
    expect(textOf(html)).toContain('UBND cấp xã có trách nhiệm gì?');
    expect(html).toContain('Nội dung trả lời <strong>chi tiết</strong> về hành lang an toàn.');
    expect(html).not.toMatch(/[\r\u000B\uFEFF]/);
  });
  it('renders a CRLF + BOM + NFD MDX entry from the normalised text', () => {
    const html = readPage(out, 'cau-hoi/mdx-windows/index.html');
    expect(html).toContain('Trả lời <strong>MDX</strong> ở dạng tổ hợp: hành lang.');
    expect(html).toBe(html.normalize('NFC'));
    expect(html).not.toMatch(/[\r\u000B\u2028\uFEFF]/);
  });
  it('writes every feed as well-formed XML, titles exact', () => {
    const feeds = fs.readdirSync(path.join(out, 'feeds')).filter((f) => f.endsWith('.xml'));
    expect(feeds).toEqual(expect.arrayContaining(['all.xml', 'dien-luc.xml', 'dat-dai.xml']));
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
    for (const f of feeds) {
      const xml = readPage(out, `feeds/${f}`);
      expect(XMLValidator.validate(xml), f).toBe(true);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    const doc = parser.parse(readPage(out, 'feeds/dien-luc.xml')).feed;
    expect(doc.title['#text']).toBe('Điện <lực> & "năng" \'lượng\' | Hỏi đáp hai cấp');
    const mdxEntry = [doc.entry].flat().find((e: { id: string }) => e.id.includes('/mdx-windows/'));
    const decodeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(decodeHtml(mdxEntry.title['#text'])).toBe('Câu hỏi MDX <b>có</b> & "ngoặc" dòng mới?');
    expect(mdxEntry.category['@_label']).toBe('Điện <lực> & "năng" \'lượng\'');
    expect(mdxEntry.author.name).toBe('Sở <Công> & "Thương"');
  });
});

describe('every feed of the sample site is well-formed XML', () => {
  it('parses', () => {
    const out = inject('sites').sample;
    const feeds = fs.readdirSync(path.join(out, 'feeds')).filter((f) => f.endsWith('.xml'));
    expect(feeds.length).toBeGreaterThan(3);
    for (const f of feeds) expect(XMLValidator.validate(readPage(out, `feeds/${f}`)), f).toBe(true);
  });
});

describe('builds of two content roots never share cached entries (finding 5)', () => {
  it('building root B after root A in one checkout shows B\'s text only', () => {
    const page = (id: string, body: string) =>
      ['---', `id: ${id}`, 'question: Câu hỏi chung?', 'summary: Tóm tắt.', 'field: dien-luc', 'owner: so-cong-thuong-nghe-an', 'levels: [commune]', 'answered: 2025-07-02', 'reviewed: 2025-07-02', '---', body, ''].join('\n');
    const same = page('chung', 'Văn bản của đơn vị B, trùng với bản cũ của A.');
    const rootA = makeRoot({ 'entries/a/chung.mdx': same });
    const rootB = makeRoot({ 'entries/a/chung.mdx': same });
    // Same output name: the same HOIDAP_CACHE_DIR, as two builds in one checkout.
    const a = buildSite({ root: rootA, outDir: outDir('cache'), env });
    expect(a.status, a.output).toBe(0);
    // A edits its file after its build; B's file still has A's old text (same digest as A's cached entry).
    fs.writeFileSync(path.join(rootA, 'entries/a/chung.mdx'), page('chung', 'BÍ MẬT CỦA A.'));
    const b = buildSite({ root: rootB, outDir: outDir('cache'), env });
    expect(b.status, b.output).toBe(0);
    const html = readPage(b.outDir, 'cau-hoi/chung/index.html');
    expect(html).toContain('Văn bản của đơn vị B, trùng với bản cũ của A.');
    expect(html).not.toContain('BÍ MẬT CỦA A');
  });
});
