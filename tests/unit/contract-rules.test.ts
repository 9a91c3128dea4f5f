// One test per rule of the content contract, on small fixture roots. Each violation must be reported
// as an error naming the file and the key.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';

const ENTRY = 'entries/a/hanh-lang.md';
const OTHER = 'entries/b/dang-ky.md';
const entry = readFixture(ENTRY);
const other = readFixture(OTHER);

function errorsFor(changes: Record<string, string | null>, today = FIXTURE_TODAY) {
  const root = makeRoot(changes);
  const { issues } = readContentRoot(root, today);
  return issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({ file: path.relative(root, i.file), key: i.key, message: i.message }));
}

function expectError(changes: Record<string, string | null>, file: string, key: string, message?: RegExp) {
  const errors = errorsFor(changes);
  const match = errors.find((e) => e.file === file && e.key === key);
  expect(match, `expected an error on ${file} key ${key}, got ${JSON.stringify(errors)}`).toBeDefined();
  if (message) expect(match!.message).toMatch(message);
  return errors;
}

describe('the minimal fixture root', () => {
  it('is valid', () => {
    expect(errorsFor({})).toEqual([]);
  });
  it('defaults status to published and keeps every file', () => {
    const { model } = readContentRoot(makeRoot(), FIXTURE_TODAY);
    const statuses = Object.fromEntries(model.entries.map((e) => [e.id, e.data.status]));
    expect(statuses).toEqual({
      'hanh-lang-an-toan-luoi-dien': 'published',
      'dang-ky-dat-dai-lan-dau': 'published',
      'cap-gcn-cu': 'superseded',
      'ban-nhap-chua-xong': 'draft',
    });
  });
});

describe('unknown keys', () => {
  it('in an entry', () => expectError({ [ENTRY]: withKey(entry, 'colour', 'red') }, ENTRY, 'colour', /unknown key/));
  it('in a legal basis item', () =>
    expectError({ [ENTRY]: entry.replace('    article: Điều 22 khoản 3', '    article: Điều 22 khoản 3\n    page: 4') }, ENTRY, 'legal_basis[0].page'));
  it('in a field', () => expectError({ 'fields/dien-luc.yaml': 'name: Điện lực\ncolor: red\n' }, 'fields/dien-luc.yaml', 'color'));
  it('in a unit', () => expectError({ 'units/bo-cong-thuong.yaml': 'name: Bộ\nlevel: ministry\nfax: "1"\n' }, 'units/bo-cong-thuong.yaml', 'fax'));
  it('in a document', () =>
    expectError(
      { 'documents/nd-139-2025.yaml': readFixture('documents/nd-139-2025.yaml') + 'signer: X\n' },
      'documents/nd-139-2025.yaml',
      'signer',
    ));
});

describe('missing required keys', () => {
  for (const key of ['id', 'question', 'summary', 'field', 'owner', 'levels', 'answered', 'reviewed']) {
    it(`entry without ${key}`, () => expectError({ [ENTRY]: withKey(entry, key, null) }, ENTRY, key, /required/));
  }
  it('field without name', () => expectError({ 'fields/dien-luc.yaml': 'order: 1\n' }, 'fields/dien-luc.yaml', 'name', /required/));
  it('unit without level', () => expectError({ 'units/bo-cong-thuong.yaml': 'name: Bộ Công Thương\n' }, 'units/bo-cong-thuong.yaml', 'level', /required/));
  for (const key of ['number', 'title', 'issued', 'status']) {
    it(`document without ${key}`, () =>
      expectError(
        { 'documents/nd-139-2025.yaml': withKey(`---\n${readFixture('documents/nd-139-2025.yaml')}`, key, null).replace(/^---\n/, '') },
        'documents/nd-139-2025.yaml',
        key,
        /required/,
      ));
  }
  it('empty required text counts as missing', () => expectError({ [ENTRY]: withKey(entry, 'question', '""') }, ENTRY, 'question', /empty/));
  it('a file without frontmatter is rejected, not skipped', () =>
    expectError({ 'entries/a/plain.md': 'Just text, no frontmatter.\n' }, 'entries/a/plain.md', ''));
  it('an empty levels list is rejected', () => expectError({ [ENTRY]: withKey(entry, 'levels', '[]') }, ENTRY, 'levels'));
  it('an unknown level is rejected', () => expectError({ [ENTRY]: withKey(entry, 'levels', '[district]') }, ENTRY, 'levels[0]'));
  it('an unknown status is rejected', () => expectError({ [ENTRY]: withKey(entry, 'status', 'archived') }, ENTRY, 'status'));
  it('a summary over 400 characters is rejected', () => expectError({ [ENTRY]: withKey(entry, 'summary', 'ả'.repeat(401)) }, ENTRY, 'summary', /400/));
  it('a summary of exactly 400 characters is accepted', () => {
    expect(errorsFor({ [ENTRY]: withKey(entry, 'summary', 'ả'.repeat(400)) })).toEqual([]);
  });
});

describe('ids must be lowercase ASCII slugs', () => {
  for (const bad of ['Hanh-Lang', 'hành-lang', 'hanh_lang', 'hanh--lang', '-hanh', 'hanh-']) {
    it(`entry id "${bad}"`, () => expectError({ [ENTRY]: withKey(entry, 'id', JSON.stringify(bad)) }, ENTRY, 'id', /slug/));
  }
  it('field file name', () => expectError({ 'fields/Dien_Luc.yaml': 'name: X\n' }, 'fields/Dien_Luc.yaml', 'id', /slug/));
  it('unit file name', () => expectError({ 'units/sở.yaml': 'name: X\nlevel: province\n' }, 'units/sở.yaml', 'id', /slug/));
  it('a field, unit or document reference that is not a slug', () =>
    expectError({ [ENTRY]: withKey(entry, 'field', 'Điện lực') }, ENTRY, 'field', /slug/));
});

describe('duplicate entry ids', () => {
  it('are rejected, naming both files', () => {
    const errors = expectError({ 'entries/b/copy.md': entry }, 'entries/b/copy.md', 'id', /duplicate/);
    expect(errors.find((e) => e.key === 'id')!.message).toContain('hanh-lang.md');
  });
});

describe('references to things that do not exist', () => {
  it('field', () => expectError({ [ENTRY]: withKey(entry, 'field', 'thuy-san') }, ENTRY, 'field', /thuy-san/));
  it('owner', () => expectError({ [ENTRY]: withKey(entry, 'owner', 'so-khong-co') }, ENTRY, 'owner', /so-khong-co/));
  it('related', () => expectError({ [ENTRY]: withKey(entry, 'related', '[khong-ton-tai]') }, ENTRY, 'related[0]', /khong-ton-tai/));
  it('superseded_by', () =>
    expectError({ [ENTRY]: withKey(withKey(entry, 'status', 'superseded'), 'superseded_by', 'khong-co') }, ENTRY, 'superseded_by', /khong-co/));
  it('legal basis ref', () => expectError({ [ENTRY]: entry.replace('ref: nd-139-2025', 'ref: nd-999-2030') }, ENTRY, 'legal_basis[1].ref', /nd-999-2030/));
  it("a document's replaced_by", () =>
    expectError(
      { 'documents/nd-139-2025.yaml': readFixture('documents/nd-139-2025.yaml') + 'replaced_by: nd-1-2030\n' },
      'documents/nd-139-2025.yaml',
      'replaced_by',
    ));
  it("a unit's parent", () =>
    expectError({ 'units/ubnd-xa-hanh-lam.yaml': 'name: UBND xã\nlevel: commune\nparent: so-khong-co\n' }, 'units/ubnd-xa-hanh-lam.yaml', 'parent'));
  it('a legal basis ref when the documents/ folder is absent', () =>
    expectError({ 'documents/nd-139-2025.yaml': null }, ENTRY, 'legal_basis[1].ref'));
});

describe('legal basis items', () => {
  it('need document or ref', () =>
    expectError({ [ENTRY]: entry.replace('  - ref: nd-139-2025', '  - article: Điều 8') }, ENTRY, 'legal_basis[1].document', /document.*ref/));
  it('reject non-http(s) URLs', () =>
    expectError({ [ENTRY]: entry.replace('    article: Điều 22 khoản 3', '    url: "javascript:alert(1)"') }, ENTRY, 'legal_basis[0].url', /http/));
  it('accept https URLs', () => {
    expect(errorsFor({ [ENTRY]: entry.replace('    article: Điều 22 khoản 3', '    url: https://vanban.chinhphu.vn/x') })).toEqual([]);
  });
});

describe('dates', () => {
  it('reviewed in the future', () => expectError({ [ENTRY]: withKey(entry, 'reviewed', '2026-06-02') }, ENTRY, 'reviewed', /future/));
  it('answered in the future', () => expectError({ [ENTRY]: withKey(entry, 'answered', '2027-01-01') }, ENTRY, 'answered', /future/));
  it('reviewed today is fine', () => expect(errorsFor({ [ENTRY]: withKey(entry, 'reviewed', FIXTURE_TODAY) })).toEqual([]));
  for (const bad of ['2025-02-30', '2025-13-01', '2025-8-5', '05/08/2025', 'hôm qua', '2025-08-05T10:00:00']) {
    it(`not a real date: ${bad}`, () => expectError({ [ENTRY]: withKey(entry, 'answered', JSON.stringify(bad)) }, ENTRY, 'answered', /date/));
  }
  it('an unquoted impossible date is not rolled over', () => expectError({ [ENTRY]: withKey(entry, 'reviewed', '2025-02-29') }, ENTRY, 'reviewed'));
  it('a leap day is a real date', () => expect(errorsFor({ [ENTRY]: withKey(entry, 'reviewed', '2024-02-29') })).toEqual([]));
  it('a document date', () =>
    expectError(
      { 'documents/nd-139-2025.yaml': readFixture('documents/nd-139-2025.yaml').replace('2025-06-12', '2025-06-31') },
      'documents/nd-139-2025.yaml',
      'issued',
    ));
});

describe('superseded entries', () => {
  it('need superseded_by', () => expectError({ [ENTRY]: withKey(entry, 'status', 'superseded') }, ENTRY, 'superseded_by', /required/));
  it('may not loop', () => {
    const a = withKey(withKey(entry, 'status', 'superseded'), 'superseded_by', 'dang-ky-dat-dai-lan-dau');
    const b = withKey(withKey(other, 'status', 'superseded'), 'superseded_by', 'hanh-lang-an-toan-luoi-dien');
    expectError({ [ENTRY]: a, [OTHER]: b }, ENTRY, 'superseded_by', /loop/);
  });
  it('may not point to themselves', () =>
    expectError({ [ENTRY]: withKey(withKey(entry, 'status', 'superseded'), 'superseded_by', 'hanh-lang-an-toan-luoi-dien') }, ENTRY, 'superseded_by', /loop/));
});

describe('files the loader must not skip silently', () => {
  it('broken YAML', () => expectError({ [ENTRY]: entry.replace('levels: [commune]', 'levels: [commune') }, ENTRY, '', /YAML/));
  it('a duplicate key', () => expectError({ [ENTRY]: entry.replace('levels: [commune]', 'levels: [commune]\nlevels: [province]') }, ENTRY, '', /YAML/));
  it('a non-YAML file among fields', () => expectError({ 'fields/notes.txt': 'x' }, 'fields/notes.txt', '', /unexpected/));
  it('a non-Markdown file among entries', () => expectError({ 'entries/a/answer.docx': 'x' }, 'entries/a/answer.docx', '', /unexpected/));
  it('a phone number written as a YAML number', () =>
    expectError({ 'units/ubnd-xa-hanh-lam.yaml': 'name: UBND xã\nlevel: commune\nphone: 02383844345\n' }, 'units/ubnd-xa-hanh-lam.yaml', 'phone', /quote/));
  it('a unit email that is not an email', () =>
    expectError({ 'units/ubnd-xa-hanh-lam.yaml': 'name: UBND xã\nlevel: commune\nemail: "javascript:alert(1)"\n' }, 'units/ubnd-xa-hanh-lam.yaml', 'email'));
});

describe('Unicode normalisation', () => {
  it('reads NFD text as NFC', () => {
    const root = makeRoot({ [ENTRY]: entry.normalize('NFD') });
    const { model, issues } = readContentRoot(root, FIXTURE_TODAY);
    expect(issues).toEqual([]);
    const e = model.entries.find((x) => x.id === 'hanh-lang-an-toan-luoi-dien')!;
    expect(e.data.question).toBe(e.data.question.normalize('NFC'));
    expect(e.data.question).toContain('trách nhiệm');
    expect(e.body).toBe(e.body.normalize('NFC'));
    expect(e.data.can?.[0]).toBe('Lập biên bản vi phạm');
  });
});

describe('messages', () => {
  it('carry the line of the key', () => {
    const root = makeRoot({ [ENTRY]: withKey(entry, 'owner', 'so-khong-co') });
    const { issues } = readContentRoot(root, FIXTURE_TODAY);
    const issue = issues.find((i) => i.key === 'owner')!;
    expect(issue.line).toBe(entry.split('\n').findIndex((l) => l.startsWith('owner:')) + 1);
  });
});

describe('one broken file gives one report', () => {
  it('entries naming a field whose file is invalid are not reported again', () => {
    const errors = errorsFor({ 'fields/dien-luc.yaml': 'name: Điện lực\nmau: do\n' });
    expect(errors).toEqual([expect.objectContaining({ file: 'fields/dien-luc.yaml', key: 'mau' })]);
  });
});

describe('change notes (`changes`)', () => {
  const withChanges = (items: string) => entry.replace(/^related:/m, `changes:\n${items}related:`);
  it('are accepted when dated between answered and today', () => {
    expect(errorsFor({ [ENTRY]: withChanges('  - date: 2025-08-05\n    note: Bổ sung khoản 3.\n  - date: 2026-06-01\n    note: Cập nhật.\n') })).toEqual([]);
  });
  it('may not be dated in the future', () =>
    expectError({ [ENTRY]: withChanges('  - date: 2026-06-02\n    note: Sẽ sửa.\n') }, ENTRY, 'changes[0].date', /future/));
  it('may not be dated before answered', () =>
    expectError({ [ENTRY]: withChanges('  - date: 2025-01-01\n    note: Sửa.\n') }, ENTRY, 'changes[0].date', /before `answered`/));
  it('need a note', () => expectError({ [ENTRY]: withChanges('  - date: 2025-09-01\n') }, ENTRY, 'changes[0].note', /required/));
  it('need a real date', () =>
    expectError({ [ENTRY]: withChanges('  - date: 2025-02-30\n    note: Sửa.\n') }, ENTRY, 'changes[0].date', /date/));
  it('reject unknown keys', () =>
    expectError({ [ENTRY]: withChanges('  - date: 2025-09-01\n    note: Sửa.\n    author: Nam\n') }, ENTRY, 'changes[0].author', /unknown key/));
});

describe('withdrawn entries', () => {
  const withdrawn = (reason: string | null, date: string | null) =>
    withKey(withKey(withKey(entry, 'status', 'withdrawn'), 'withdrawn_reason', reason), 'withdrawn', date);
  it('are accepted with a reason and a date', () => {
    expect(errorsFor({ [ENTRY]: withdrawn('Nhiệm vụ đã chuyển về cấp tỉnh.', '2026-05-01') })).toEqual([]);
  });
  it('need withdrawn_reason', () => expectError({ [ENTRY]: withdrawn(null, '2026-05-01') }, ENTRY, 'withdrawn_reason', /required when status is withdrawn/));
  it('need the withdrawn date', () => expectError({ [ENTRY]: withdrawn('Đã chuyển về tỉnh.', null) }, ENTRY, 'withdrawn', /required when status is withdrawn/));
  it('may not be withdrawn in the future', () =>
    expectError({ [ENTRY]: withdrawn('Đã chuyển về tỉnh.', '2026-06-02') }, ENTRY, 'withdrawn', /future/));
  it('need a real withdrawn date', () => expectError({ [ENTRY]: withdrawn('Đã chuyển về tỉnh.', '"01/05/2026"') }, ENTRY, 'withdrawn', /date/));
  it('need a non-empty reason', () => expectError({ [ENTRY]: withdrawn('""', '2026-05-01') }, ENTRY, 'withdrawn_reason', /empty/));
});
