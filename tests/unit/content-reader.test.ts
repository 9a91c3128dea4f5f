// The one content reader (src/content/files.ts via load-content.ts): symlinks, file names, encodings,
// control characters, YAML tags, size limits, reserved ids, question length (issue 16: findings 4, 7,
// 9, 10, 11). Pure: fixture roots in a temp folder, no build.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalEntryText, entryLimit, forgetEntryParses, parseYamlStrict, readEntryFile, splitEntry } from '../../src/content/files.ts';
import { preparseEntries } from '../../src/content/preparse.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { fieldSchema, QUESTION_MAX, RESERVED_IDS } from '../../src/schema/index.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';

const ENTRY = 'entries/a/hanh-lang.md';
const entry = readFixture(ENTRY);

function read(root: string) {
  const { model, issues } = readContentRoot(root, FIXTURE_TODAY);
  const errors = issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file: path.relative(root, i.file) }));
  return { model, errors };
}
const errorsFor = (changes: Record<string, string | null>) => read(makeRoot(changes)).errors;

function expectError(errors: ReturnType<typeof errorsFor>, file: string, key: string, message: RegExp, line?: number) {
  const match = errors.find((e) => e.file === file && e.key === key && message.test(e.message));
  expect(match, `expected an error on ${file} key "${key}" matching ${message}, got ${JSON.stringify(errors, null, 1)}`).toBeDefined();
  if (line !== undefined) expect(match!.line).toBe(line);
  return match!;
}

describe('symbolic links are rejected, never skipped (finding 4)', () => {
  it('a symlinked entry file pointing outside the root', () => {
    const root = makeRoot();
    const outside = path.join(makeRoot(), 'entries/a/hanh-lang.md');
    fs.writeFileSync(outside, withKey(withKey(entry, 'id', 'ngoai-goc'), 'status', 'superseded').replace('---\nNội', 'superseded_by: dang-ky-dat-dai-lan-dau\n---\n<script>alert(1)</script>\nNội'));
    fs.symlinkSync(outside, path.join(root, 'entries/a/link.md'));
    const { errors, model } = read(root);
    expectError(errors, 'entries/a/link.md', '', /symbolic link/);
    expect(model.entries.map((e) => e.id)).not.toContain('ngoai-goc');
  });
  it('a symlinked folder of entries', () => {
    const root = makeRoot();
    fs.symlinkSync(path.join(root, 'entries/b'), path.join(root, 'entries/c'));
    expectError(read(root).errors, 'entries/c', '', /symbolic link/);
  });
  it('a symlinked field, unit, document and synonyms file', () => {
    const root = makeRoot();
    const elsewhere = makeRoot();
    for (const rel of ['fields/dat-dai.yaml', 'units/ubnd-xa-hanh-lam.yaml', 'documents/nd-98-2020.yaml', 'synonyms.yaml']) {
      fs.rmSync(path.join(root, rel));
      fs.symlinkSync(path.join(elsewhere, rel), path.join(root, rel));
    }
    const { errors } = read(root);
    for (const rel of ['fields/dat-dai.yaml', 'units/ubnd-xa-hanh-lam.yaml', 'documents/nd-98-2020.yaml', 'synonyms.yaml']) {
      expectError(errors, rel, '', /symbolic link/);
    }
  });
  it('a symlinked collection folder', () => {
    const root = makeRoot();
    const elsewhere = makeRoot();
    fs.rmSync(path.join(root, 'fields'), { recursive: true });
    fs.symlinkSync(path.join(elsewhere, 'fields'), path.join(root, 'fields'));
    expectError(read(root).errors, 'fields', '', /symbolic link/);
  });
  it('a dangling symlink is reported too', () => {
    const root = makeRoot();
    fs.symlinkSync('/nonexistent/x.md', path.join(root, 'entries/a/dangling.md'));
    expectError(read(root).errors, 'entries/a/dangling.md', '', /symbolic link/);
  });
});

describe('file names the build cannot load are rejected with the file named (finding 7)', () => {
  const cu = readFixture('entries/b/cu.md');
  for (const name of ['cu#1.md', 'cu?x.md', 'cu%20.md', 'cu%.md', 'a\\b.md', 'cu\u0007.md', 'cu\u202Egpj.md', 'cu\u0085.md']) {
    it(`entry file ${JSON.stringify(name)}`, () => {
      const rel = `entries/b/${name}`;
      const { errors, model } = read(makeRoot({ 'entries/b/cu.md': null, [rel]: cu }));
      expectError(errors, rel, '', /must not contain/);
      // Nothing published from it, and references to it are not double-reported as missing.
      expect(model.entries.map((e) => e.id)).not.toContain('cap-gcn-cu');
    });
  }
  it('a folder name with "#"', () => {
    const { errors } = read(makeRoot({ 'entries/b/cu.md': null, 'entries/b#2/cu.md': cu }));
    expectError(errors, 'entries/b#2', '', /"#"/);
  });
  it('a field file name with "?"', () => {
    // The id rule would reject it too; the name rule speaks first and says why.
    expectError(errorsFor({ 'fields/x?y.yaml': 'name: X\n' }), 'fields/x?y.yaml', '', /"\?"/);
  });
  it('a subfolder of fields/ is reported, not silently ignored', () => {
    expectError(errorsFor({ 'fields/cu/dien-luc.yaml': 'name: Điện lực\n' }), 'fields/cu', '', /unexpected folder/);
  });
  it('Vietnamese letters, spaces and brackets in folder and file names stay accepted', () => {
    const { errors, model } = read(makeRoot({ 'entries/b/cu.md': null, 'entries/Điện lực (cũ)/bản [1].md': cu }));
    expect(errors).toEqual([]);
    expect(model.entries.map((e) => e.id)).toContain('cap-gcn-cu');
  });
});

describe('line endings and byte-order marks are accepted and normalised (finding 10)', () => {
  const reference = read(makeRoot()).model;
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  const bom = (s: string) => `\uFEFF${s}`;
  for (const [name, change] of [
    ['CRLF', crlf],
    ['a BOM', bom],
    ['CRLF and a BOM', (s: string) => bom(crlf(s))],
    ['old Mac CR', (s: string) => s.replace(/\n/g, '\r')],
  ] as const) {
    it(`${name} in every kind of file`, () => {
      const files = [ENTRY, 'entries/b/nhap.mdx', 'fields/dien-luc.yaml', 'units/so-cong-thuong-nghe-an.yaml', 'documents/nd-139-2025.yaml', 'synonyms.yaml'];
      const { errors, model } = read(makeRoot(Object.fromEntries(files.map((f) => [f, change(readFixture(f))]))));
      expect(errors).toEqual([]);
      const e = model.entries.find((x) => x.id === 'hanh-lang-an-toan-luoi-dien')!;
      const ref = reference.entries.find((x) => x.id === e.id)!;
      expect(e.data).toEqual(ref.data);
      expect(e.body).toBe(ref.body);
      expect(e.bodyLine).toBe(ref.bodyLine);
      expect(e.body).not.toMatch(/[\r\uFEFF]/);
      expect(model.fields.get('dien-luc')!.data).toEqual(reference.fields.get('dien-luc')!.data);
      expect(model.units.get('so-cong-thuong-nghe-an')!.data).toEqual(reference.units.get('so-cong-thuong-nghe-an')!.data);
      expect(model.synonyms).toEqual(reference.synonyms);
    });
  }
  it('a CRLF file with an error still gets the right key and line', () => {
    const errors = errorsFor({ [ENTRY]: crlf(bom(withKey(entry, 'owner', 'khong-co'))) });
    expectError(errors, ENTRY, 'owner', /does not exist/, 6);
  });
  it('text that is not UTF-8 (a Windows-1258 file) is rejected, not garbled', () => {
    const root = makeRoot();
    fs.writeFileSync(path.join(root, ENTRY), Buffer.concat([Buffer.from(entry.slice(0, 40)), Buffer.from([0xd0, 0xe3, 0x20, 0xff]), Buffer.from('\n---\n')]));
    expectError(read(root).errors, ENTRY, '', /not valid UTF-8/);
  });
});

describe('raw control and bidi characters in files are rejected with line and column (findings 10, 11)', () => {
  const cases: [string, string, string, number][] = [
    ['NUL in a frontmatter value', ENTRY, entry.replace('topic: Bảo vệ', 'topic: Bảo\u0000 vệ'), 8],
    ['a bell in the body', ENTRY, entry.replace('Nội dung', 'Nội\u0007dung'), 26],
    ['a right-to-left override in the body', ENTRY, entry.replace('Nội dung', '\u202Egnud iộN'), 26],
    ['a first-strong isolate in the question', ENTRY, entry.replace('question: UBND', 'question: \u2068UBND'), 3],
    ['a raw vertical tab in the body', ENTRY, entry.replace('Nội dung', 'Nội\u000Bdung'), 26],
    ['a raw escape in a field file', 'fields/dien-luc.yaml', 'name: Điện\u001B[31m lực\norder: 1\n', 1],
    ['DEL in a unit file', 'units/bo-cong-thuong.yaml', 'name: Bộ Công Thương\nlevel: ministry\u007F\n', 2],
    ['a C1 control in synonyms', 'synonyms.yaml', '- [sổ đỏ, GCN]\n- [QLTT\u0085, quản lý thị trường]\n', 2],
  ];
  for (const [name, file, text, line] of cases) {
    it(name, () => {
      const e = expectError(errorsFor({ [file]: text }), file, '', /U\+[0-9A-F]{4}.*not allowed/, line);
      expect(e.message).toMatch(/column \d+/);
    });
  }
  it('tabs stay allowed', () => {
    expect(errorsFor({ [ENTRY]: entry.replace('Nội dung', 'Nội\tdung') })).toEqual([]);
  });
});

describe('escaped control characters in YAML values (finding 8, 10, 11)', () => {
  it('Word\'s manual line break "\\x0B" and U+2028/U+2029 in a question become a space', () => {
    const { errors, model } = read(makeRoot({ [ENTRY]: withKey(entry, 'question', '"Hỏi\\x0Bvề\\u2028hành\\u2029lang\\fđiện?"') }));
    expect(errors).toEqual([]);
    expect(model.entries.find((e) => e.id === 'hanh-lang-an-toan-luoi-dien')!.data.question).toBe('Hỏi về hành lang điện?');
  });
  const cases: [string, string, string, string][] = [
    ['NUL escape in a question', ENTRY, withKey(entry, 'question', '"Hỏi\\0gì?"'), 'question'],
    ['bell escape in a summary', ENTRY, withKey(entry, 'summary', '"Tóm\\atắt"'), 'summary'],
    ['RLO escape in a tag', ENTRY, withKey(entry, 'tags', '["a\\u202Eb"]'), 'tags[0]'],
    ['LRI escape in a legal basis article', ENTRY, entry.replace('article: Điều 22 khoản 3', 'article: "Điều\\u2066 22"'), 'legal_basis[0].article'],
    ['escape in a key', ENTRY, withKey(entry, '"ta\\x01g"', 'x'), 'ta\u0001g'],
    ['lone surrogate escape', ENTRY, withKey(entry, 'topic', '"\\uD800"'), 'topic'],
    ['escape in a unit phone (not a text() key)', 'units/so-cong-thuong-nghe-an.yaml', 'name: Sở\nlevel: province\nphone: "0238\\x00"\n', 'phone'],
    ['escape in a field name', 'fields/dien-luc.yaml', 'name: "Điện\\x1Blực"\n', 'name'],
    ['escape in a document title', 'documents/nd-98-2020.yaml', readFixture('documents/nd-98-2020.yaml').replace(/^title: .*$/m, 'title: "Nghị\\u202Eđịnh"'), 'title'],
    ['escape in a synonym term', 'synonyms.yaml', '- [sổ đỏ, "GCN\\x7F"]\n', '[0][1]'],
  ];
  for (const [name, file, text, key] of cases) {
    it(name, () => expectError(errorsFor({ [file]: text }), file, key, /not allowed/));
  }
  it('the shared text() schema applies the same rule to any other caller', () => {
    expect(fieldSchema.safeParse({ name: 'Điện\u0000lực' }).success).toBe(false);
    expect(fieldSchema.safeParse({ name: 'Điện\u202Elực' }).success).toBe(false);
    expect(fieldSchema.safeParse({ name: 'Điện\u000Blực' }).data).toEqual({ name: 'Điện lực' });
    expect(fieldSchema.safeParse({ name: 'Điện\r\nlực' }).data).toEqual({ name: 'Điện\nlực' });
  });
});

describe('YAML tags neither reader agrees on are rejected (finding 10)', () => {
  const cases: [string, string, string, number][] = [
    ['!!js/function in an entry', ENTRY, withKey(entry, 'topic', '!!js/function "function () { return 1 }"'), 8],
    ['!!js/undefined in an entry', ENTRY, withKey(entry, 'topic', '!!js/undefined ""'), 8],
    ['a custom tag in an entry', ENTRY, withKey(entry, 'topic', '!mine x'), 8],
    ['!!binary in a field', 'fields/dien-luc.yaml', 'name: !!binary aGVsbG8=\n', 1],
    ['!!timestamp in a document', 'documents/nd-98-2020.yaml', readFixture('documents/nd-98-2020.yaml').replace(/^issued: (.*)$/m, 'issued: !!timestamp $1'), 0],
    ['!!set in synonyms', 'synonyms.yaml', '- !!set {a, b}\n', 1],
  ];
  for (const [name, file, text, line] of cases) {
    it(name, () => expectError(errorsFor({ [file]: text }), file, '', /tag .* is not allowed/, line || undefined));
  }
  it('an alias bomb ("billion laughs") is an error, not a hang', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'name: *i', ''].join('\n');
    const started = performance.now();
    expectError(errorsFor({ 'fields/dien-luc.yaml': bomb }), 'fields/dien-luc.yaml', '', /invalid YAML|alias/i);
    expect(performance.now() - started).toBeLessThan(3000);
  });
  it('plain core tags such as !!str stay accepted', () => {
    expect(errorsFor({ [ENTRY]: withKey(entry, 'topic', '!!str 2025') })).toEqual([]);
  });
  it('the parser refuses the tag before building any value', () => {
    expect(() => parseYamlStrict('a: !!js/function "function(){}"')).toThrow(/not allowed/);
  });
});

describe('YAML error lines in entries are the file lines (finding 10)', () => {
  it('a syntax error on line 7 is reported on line 7', () => {
    const broken = entry.replace('levels: [commune]', 'levels: [commune');
    expect(broken.split('\n')[6]).toBe('levels: [commune');
    const e = expectError(errorsFor({ [ENTRY]: broken }), ENTRY, '', /invalid YAML/);
    expect([7, 8]).toContain(e.line); // flow collections are reported where they fail to close
  });
  it('a duplicate key on line 4 is reported on line 4', () => {
    const dup = entry.replace(/^(summary: .*)$/m, '$1\nquestion: again');
    expect(dup.split('\n')[4]).toBe('question: again');
    expectError(errorsFor({ [ENTRY]: dup }), ENTRY, '', /invalid YAML/, 5);
  });
  it('a duplicate key in a field file is reported on its line', () => {
    expectError(errorsFor({ 'fields/dien-luc.yaml': 'name: Điện lực\norder: 1\nname: again\n' }), 'fields/dien-luc.yaml', '', /invalid YAML/, 3);
  });
});

describe('frontmatter is split strictly, the same way Astro splits it', () => {
  it('a closing line other than exactly "---" is rejected', () => {
    const closing = entry.split('\n').indexOf('---', 1) + 1;
    expectError(errorsFor({ [ENTRY]: entry.replace(/\n---\n/, '\n---x\n') }), ENTRY, '', /exactly "---"/, closing);
  });
  it('an unclosed frontmatter is rejected', () => {
    expectError(errorsFor({ [ENTRY]: entry.replace(/\n---\n/, '\n') }), ENTRY, '', /not closed/);
  });
  it('leading blank lines are not frontmatter', () => {
    expectError(errorsFor({ [ENTRY]: `\n${entry}` }), ENTRY, '', /missing YAML frontmatter/, 1);
  });
  it('canonical text re-joins to the normalised file', () => {
    const split = splitEntry(entry);
    if ('error' in split) throw new Error(split.error);
    expect(canonicalEntryText(split)).toBe(entry);
    expect(split.bodyLine).toBe(entry.split('\n').indexOf('---', 1) + 2);
  });
  it('the body keeps its leading indentation (an indented code block stays code)', () => {
    const root = makeRoot({ [ENTRY]: entry.replace('---\nNội', '---\n    <b>mã</b>\n\nNội') });
    const issues: never[] = [];
    const parsed = readEntryFile(path.join(root, ENTRY), issues);
    expect(parsed!.source.body.startsWith('    <b>mã</b>')).toBe(true);
  });
});

describe('size limits apply before parsing (finding 9)', () => {
  afterEach(() => {
    delete process.env.HOIDAP_MAX_ENTRY_BYTES;
    delete process.env.HOIDAP_MAX_YAML_BYTES;
  });
  it('an entry over 256 KB is rejected quickly with the limit named', () => {
    const big = entry + '\n' + '- mục\n  - con [liên kết](https://example.gov.vn/) *nhấn* `mã`\n'.repeat(40_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024);
    const started = performance.now();
    const e = expectError(errorsFor({ [ENTRY]: big }), ENTRY, '', /over the limit of 256 KB/);
    expect(e.message).toContain('HOIDAP_MAX_ENTRY_BYTES');
    expect(performance.now() - started).toBeLessThan(3000);
  });
  it('an entry just under the limit is read', () => {
    const para = '\nĐoạn văn.\n';
    const padded = entry + para.repeat(Math.floor((255 * 1024 - Buffer.byteLength(entry)) / Buffer.byteLength(para)));
    expect(Buffer.byteLength(padded)).toBeGreaterThan(250 * 1024);
    expect(Buffer.byteLength(padded)).toBeLessThan(256 * 1024);
    expect(errorsFor({ [ENTRY]: padded })).toEqual([]);
  });
  it('HOIDAP_MAX_ENTRY_BYTES sets the limit', () => {
    process.env.HOIDAP_MAX_ENTRY_BYTES = '200';
    expect(entryLimit().bytes).toBe(200);
    expectError(errorsFor({}), ENTRY, '', /over the limit of 200 bytes/);
  });
  it('a malformed HOIDAP_MAX_ENTRY_BYTES is an error, not a silent default', () => {
    expect(() => entryLimit({ HOIDAP_MAX_ENTRY_BYTES: '256k' })).toThrow(/positive whole number/);
  });
  it('YAML files are bounded too (HOIDAP_MAX_YAML_BYTES)', () => {
    const e = expectError(errorsFor({ 'synonyms.yaml': '- [a, b]\n'.repeat(40_000) }), 'synonyms.yaml', '', /over the limit of 256 KB/);
    expect(e.message).toContain('HOIDAP_MAX_YAML_BYTES');
    process.env.HOIDAP_MAX_YAML_BYTES = '10';
    expectError(errorsFor({}), 'fields/dien-luc.yaml', '', /over the limit of 10 bytes/);
  });
});

describe('ids that collide with fixed routes are rejected (finding 7)', () => {
  for (const id of RESERVED_IDS.fields) {
    it(`a field with id "${id}"`, () => {
      const { errors } = read(makeRoot({ [`fields/${id}.yaml`]: 'name: Tất cả\n', [ENTRY]: withKey(entry, 'field', id) }));
      expectError(errors, `fields/${id}.yaml`, 'id', /reserved/);
      // One error, at its cause: the entry citing the field is not told the field does not exist.
      expect(errors.filter((e) => e.file === ENTRY)).toEqual([]);
    });
  }
});

describe('the question has a length limit (finding 11)', () => {
  it(`${QUESTION_MAX} characters pass, one more is rejected with the limit named`, () => {
    expect(errorsFor({ [ENTRY]: withKey(entry, 'question', 'ả'.repeat(QUESTION_MAX)) })).toEqual([]);
    expectError(errorsFor({ [ENTRY]: withKey(entry, 'question', 'ả'.repeat(QUESTION_MAX + 1)) }), ENTRY, 'question', /at most 300 characters/, 3);
  });
  it('the limit counts characters after NFC, not UTF-16 units or decomposed marks', () => {
    const nfd = 'ả'.normalize('NFD').repeat(QUESTION_MAX);
    expect(errorsFor({ [ENTRY]: withKey(entry, 'question', nfd) })).toEqual([]);
  });
});

describe('the dev server never starts from another root\'s content store (finding 5)', () => {
  it('drops .astro/data-store.json when the root changes, keeps it otherwise', async () => {
    const { forgetOtherRootStore } = await import('../../src/integrations/content-guard.ts');
    const dot = path.join(makeRoot(), '.astro-test');
    fs.mkdirSync(dot);
    fs.writeFileSync(path.join(dot, 'data-store.json'), '{}');
    expect(forgetOtherRootStore(dot, '/roots/a')).toBe(true); // unknown owner: dropped
    fs.writeFileSync(path.join(dot, 'data-store.json'), '{"a":1}');
    expect(forgetOtherRootStore(dot, '/roots/a')).toBe(false);
    expect(fs.existsSync(path.join(dot, 'data-store.json'))).toBe(true);
    expect(forgetOtherRootStore(dot, '/roots/b')).toBe(true);
    expect(fs.existsSync(path.join(dot, 'data-store.json'))).toBe(false);
  });
});

describe('the cache folder is keyed by the content root (finding 5)', () => {
  it('differs per root, stays under HOIDAP_CACHE_DIR', async () => {
    const { cacheDirFor } = await import('../../src/content/root.ts');
    const a = cacheDirFor('/roots/a', {}, '/project');
    expect(a).toMatch(/^\/project\/node_modules\/\.astro\/root-[0-9a-f]{12}$/);
    expect(cacheDirFor('/roots/b', {}, '/project')).not.toBe(a);
    expect(cacheDirFor('/roots/a/', {}, '/project')).toBe(a);
    expect(cacheDirFor('/roots/a', { HOIDAP_CACHE_DIR: '/tmp/c' }, '/project')).toMatch(/^\/tmp\/c\/root-[0-9a-f]{12}$/);
  });
});

describe('a second reading of an unchanged entry (content guard, then the content layer) reuses the parse', () => {
  it('hands the first parse out once more for the same text, and parses again after an edit', () => {
    const root = makeRoot();
    const file = path.join(root, ENTRY);
    const first = readEntryFile(file, [])!;
    const second = readEntryFile(file, [])!;
    expect(second).toBe(first);
    // Handed out once: a third reading parses again (and gives equal data).
    const third = readEntryFile(file, [])!;
    expect(third).not.toBe(first);
    expect(third.data).toEqual(first.data);
    fs.writeFileSync(file, withKey(fs.readFileSync(file, 'utf8'), 'topic', 'Chủ đề mới'));
    const edited = readEntryFile(file, [])!;
    expect(edited.data.topic).toBe('Chủ đề mới');
  });
  it('keeps no parse once the build has forgotten them (the content layer is done)', () => {
    const root = makeRoot();
    const file = path.join(root, ENTRY);
    const first = readEntryFile(file, [])!;
    forgetEntryParses();
    try {
      expect(readEntryFile(file, [])).not.toBe(first);
      const later = readEntryFile(file, [])!;
      expect(readEntryFile(file, [])).not.toBe(later);
    } finally {
      // Back to a fresh store for the other tests of this worker.
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('hoidap.parsedEntries')];
    }
  });
  it('takes parses made ahead on two threads for the guard and the content layer, never for edited text', async () => {
    const root = makeRoot();
    const entries = (fs.readdirSync(path.join(root, 'entries'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => path.join(root, 'entries', f));
    expect(entries.length).toBeGreaterThan(1); // both threads get a share
    const fresh = new Map(entries.map((f) => [f, readEntryFile(f, [])!.data]));
    forgetEntryParses();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('hoidap.parsedEntries')];
    await preparseEntries(root, 0);
    const file = path.join(root, ENTRY);
    fs.writeFileSync(file, withKey(fs.readFileSync(file, 'utf8'), 'topic', 'Sửa sau khi đọc trước'));
    for (const f of entries) {
      const guard = readEntryFile(f, [])!;
      expect(readEntryFile(f, []), f).toBe(guard);
      if (f === file) expect(guard.data.topic).toBe('Sửa sau khi đọc trước');
      else expect(guard.data, f).toEqual(fresh.get(f));
    }
  });
  it('never hands out a parse for text that is now rejected', () => {
    const root = makeRoot();
    const file = path.join(root, ENTRY);
    expect(readEntryFile(file, [])).toBeDefined();
    fs.writeFileSync(file, 'no frontmatter at all');
    const issues: Parameters<typeof readEntryFile>[1] = [];
    expect(readEntryFile(file, issues)).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
  });
});
