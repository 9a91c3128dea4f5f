// Change notes and withdrawn answers (issue 17), pure parts: the "reviewed moved, nothing noted" check,
// check warnings about links to withdrawn entries, the change-note writer of `npm run new`, the
// handbook's --since selection, and the feed and JSON export of notes and withdrawals.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { reviewReport } from '../../src/review/report.ts';
import { unnotedChange, unnotedChangeWarnings } from '../../src/review/unnoted-changes.ts';
import { addChangeNote } from '../../src/content/write-entry.ts';
import { changeList, changedSince, notesSince, selectEntries } from '../../src/handbook/model.ts';
import { buildAtomFeed, buildExport, feedDate, type ExportContext, type ExportableEntry, type FeedOptions } from '../../src/publish/export.ts';
import { lastUpdated } from '../../src/content/catalog.ts';
import { exportSchema } from '../../src/schema/export.ts';
import { entrySchema, type EntryData } from '../../src/schema/index.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';

const ENTRY = 'entries/a/hanh-lang.md';
const entry = readFixture(ENTRY);

describe('reviewed moved, answer changed, nothing noted', () => {
  const before = entry;
  const reviewedLater = withKey(entry, 'reviewed', '2026-05-01');
  it('warns when reviewed moved and the body changed without a new change note', () => {
    const after = reviewedLater.replace('Nội dung trả lời **chi tiết**', 'Nội dung trả lời đã sửa');
    expect(unnotedChange(before, after)).toEqual({ parts: ['answer text'], from: '2025-10-01', to: '2026-05-01' });
  });
  it('names the summary when the short answer changed', () => {
    const after = withKey(reviewedLater, 'summary', 'Tóm tắt mới.');
    expect(unnotedChange(before, after)?.parts).toEqual(['summary']);
  });
  it('is quiet when a change note was added', () => {
    const after = reviewedLater
      .replace('Nội dung trả lời **chi tiết**', 'Nội dung trả lời đã sửa')
      .replace(/^related:/m, 'changes:\n  - date: 2026-05-01\n    note: Sửa nội dung.\nrelated:');
    expect(unnotedChange(before, after)).toBeUndefined();
  });
  it('is quiet for a confirmation (reviewed moved, answer unchanged, re-wrapped lines count as unchanged)', () => {
    expect(unnotedChange(before, reviewedLater)).toBeUndefined();
    expect(unnotedChange(before, reviewedLater.replace('Nội dung trả lời **chi tiết**', 'Nội dung trả lời\n**chi tiết**'))).toBeUndefined();
  });
  it('is quiet when reviewed did not move (a typo fix before the review)', () => {
    expect(unnotedChange(before, before.replace('Nội dung trả lời **chi tiết**', 'Nội dung trả lời chi tiết'))).toBeUndefined();
  });
  it('is quiet for files that are not entries', () => {
    expect(unnotedChange('no frontmatter', reviewedLater)).toBeUndefined();
  });
  it('warns naming the file and the key `changes`, only for files with a previous version', () => {
    const after = reviewedLater.replace('Nội dung trả lời **chi tiết**', 'Khác hẳn');
    const warnings = unnotedChangeWarnings(
      [
        { file: '/root/entries/a.md', source: after },
        { file: '/root/entries/new.md', source: after },
      ],
      new Map([['/root/entries/a.md', before]]),
    );
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', file: '/root/entries/a.md', key: 'changes' })]);
    expect(warnings[0]!.message).toMatch(/2025-10-01 to 2026-05-01.*no change note/);
  });
});

describe('links to withdrawn entries (npm run check)', () => {
  const withdrawnOther = withKey(
    withKey(withKey(readFixture('entries/b/dang-ky.md'), 'status', 'withdrawn'), 'withdrawn_reason', 'Chuyển về cấp tỉnh.'),
    'withdrawn',
    '2026-05-01',
  );
  const report = () => {
    const root = makeRoot({
      'entries/b/dang-ky.md': withdrawnOther,
    });
    const { model, issues } = readContentRoot(root, FIXTURE_TODAY);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    return reviewReport(model, FIXTURE_TODAY).warnings.map((w) => `${w.file.replace(root + '/', '')} ${w.key}: ${w.message}`);
  };
  it('warns on a related link to a withdrawn entry', () => {
    expect(report()).toContainEqual(expect.stringMatching(/^entries\/a\/hanh-lang\.md related\[0\]: links to "dang-ky-dat-dai-lan-dau", which is withdrawn \(2026-05-01\)/));
  });
  it('warns on a superseded entry whose successor is withdrawn', () => {
    expect(report()).toContainEqual(expect.stringMatching(/^entries\/b\/cu\.md superseded_by: names "dang-ky-dat-dai-lan-dau", which is withdrawn/));
  });
});

describe('npm run new --change (the writer)', () => {
  it('adds a dated note after the other keys, moves reviewed, and keeps comments and the body', () => {
    const src = entry.replace('---\nid:', '---\n# ghi chú của biên tập viên\nid:');
    const out = addChangeNote(src, '  Bổ sung   Nghị định 62/2025/NĐ-CP. ', '2026-06-01');
    expect(out).toContain('# ghi chú của biên tập viên');
    expect(out).toContain('reviewed: 2026-06-01');
    expect(out).toMatch(/changes:\n {2}- date: 2026-06-01\n {4}note: Bổ sung Nghị định 62\/2025\/NĐ-CP\.\nrelated:/);
    expect(out.endsWith('Nội dung trả lời **chi tiết** về hành lang an toàn.\n')).toBe(true);
    const again = addChangeNote(out, 'Lần hai.', '2026-06-01');
    expect(again.match(/- date:/g)).toHaveLength(2);
  });
  it('refuses an empty note and a file without frontmatter', () => {
    expect(() => addChangeNote(entry, '  ', '2026-06-01')).toThrow(/empty/);
    expect(() => addChangeNote('no frontmatter', 'x', '2026-06-01')).toThrow(/frontmatter/);
  });
});

describe('handbook --since uses change notes', () => {
  const item = (id: string, answered: string, reviewed: string, changes?: { date: string; note: string }[]) => ({ id, levels: ['commune'], answered, reviewed, changes });
  const items = [
    item('noted', '2025-01-01', '2025-06-01', [{ date: '2025-03-01', note: 'Cũ' }, { date: '2026-02-01', note: 'Mới' }]),
    item('reviewed', '2025-01-01', '2026-02-01'),
    item('old', '2025-01-01', '2025-06-01', [{ date: '2025-03-01', note: 'Cũ' }]),
    item('added', '2026-01-15', '2026-01-15'),
  ];
  it('counts a change note after the date as a change, newest note first', () => {
    expect(notesSince(items[0]!, '2026-01-01')).toEqual([{ date: '2026-02-01', note: 'Mới' }]);
    expect(changedSince(items[0]!, '2026-01-01')).toBe(true);
    expect(changedSince(items[2]!, '2026-01-01')).toBe(false);
    expect(selectEntries(items, { since: '2026-01-01' }).map((i) => i.id)).toEqual(['noted', 'reviewed', 'added']);
  });
  it('lists entries with notes or reviews after the date as changed', () => {
    const list = changeList(items, [], { since: '2026-01-01' });
    expect(list.added.map((i) => i.id)).toEqual(['added']);
    expect(list.changed.map((i) => i.id)).toEqual(['noted', 'reviewed']);
  });
});

describe('feeds and JSON export', () => {
  const data = (over: Partial<EntryData>): EntryData =>
    entrySchema.parse({
      id: 'x',
      question: 'Câu hỏi <b>?',
      summary: 'Tóm tắt & trả lời.',
      field: 'dien-luc',
      owner: 'so-cong-thuong-nghe-an',
      levels: ['commune'],
      answered: '2025-08-05',
      reviewed: '2025-10-01',
      ...over,
    });
  const ex = (id: string, d: EntryData): ExportableEntry => ({ id, data: { ...d, id }, reviewDue: '2026-10-01', overdue: false, legalChanges: [] });
  const ctx: ExportContext = {
    today: '2026-06-01',
    fields: new Map([['dien-luc', { name: 'Điện lực' }]]),
    units: new Map([['so-cong-thuong-nghe-an', { name: 'Sở Công Thương Nghệ An', level: 'province' }]]),
    documents: new Map(),
    entryUrl: (id) => `https://example.gov.vn/cau-hoi/${id}/`,
    siteUrl: 'https://example.gov.vn/',
  };
  const opts: FeedOptions = {
    title: 'Hỏi đáp',
    id: 'https://example.gov.vn/feeds/all.xml',
    selfUrl: 'https://example.gov.vn/feeds/all.xml',
    siteLink: 'https://example.gov.vn/',
    updatedLabel: (e) => `Rà soát: ${e.data.reviewed}`,
    changeLabel: (date) => `Cập nhật ngày ${date}`,
    withdrawnTitle: (q) => `Đã rút: ${q}`,
    withdrawnSummary: (e) => `Rút từ ${e.data.withdrawn}. Lý do: ${e.data.withdrawn_reason}`,
  };
  const noted = ex('noted', data({ changes: [{ date: '2026-03-01', note: 'Bổ sung <khoản 3> & mức phạt' }, { date: '2025-12-01', note: 'Cũ' }] }));
  const plain = ex('plain', data({ reviewed: '2026-01-01' }));
  const gone = ex('gone', data({ status: 'withdrawn', withdrawn: '2026-04-01', withdrawn_reason: 'Chuyển về cấp tỉnh' }));
  const draft = ex('draft', data({ status: 'draft', reviewed: '2026-05-01' }));
  const xml = buildAtomFeed([plain, noted, gone, draft], ctx, opts);
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
  const entries = [feed.entry].flat() as { id: string; title: string | { '#text': string }; updated: string; summary: string | { '#text': string } }[];
  const text = (v: string | { '#text': string }) => (typeof v === 'string' ? v : v['#text']);
  it('is well-formed XML', () => expect(XMLValidator.validate(xml)).toBe(true));
  it('dates an entry by its latest change note and shows that note as the summary of changes', () => {
    expect(lastUpdated(noted)).toBe('2026-03-01');
    const e = entries.find((x) => x.id.endsWith('/noted/'))!;
    expect(e.updated).toBe('2026-03-01T00:00:00.000Z');
    // How the note's markup characters are escaped is the feed builder's business: the note is there.
    expect(text(e.summary)).toMatch(/^Cập nhật ngày 2026-03-01: Bổ sung .*khoản 3.* mức phạt/);
    expect(text(e.summary)).not.toContain('Cũ');
  });
  it('lists a withdrawal once, dated by it and titled as one; never drafts', () => {
    expect(feedDate(gone)).toBe('2026-04-01');
    const e = entries.find((x) => x.id.endsWith('/gone/'))!;
    expect(text(e.title)).toMatch(/^Đã rút: /);
    expect(e.updated).toBe('2026-04-01T00:00:00.000Z');
    expect(text(e.summary)).toContain('Lý do: Chuyển về cấp tỉnh');
    expect(entries.map((x) => x.id.split('/').at(-2))).toEqual(['gone', 'noted', 'plain']);
    expect(feed.updated).toBe('2026-04-01T00:00:00.000Z');
  });
  it('exports change notes newest first and withdrawn entries with reason and date, valid against the schema', () => {
    const out = buildExport([plain, noted, gone, draft], ctx);
    expect(exportSchema.safeParse(out).success).toBe(true);
    const byId = new Map(out.entries.map((e) => [e.id, e]));
    expect(byId.has('draft')).toBe(false);
    expect(byId.get('noted')!.changes).toEqual([
      { date: '2026-03-01', note: 'Bổ sung <khoản 3> & mức phạt' },
      { date: '2025-12-01', note: 'Cũ' },
    ]);
    expect(byId.get('gone')).toMatchObject({ status: 'withdrawn', withdrawn: '2026-04-01', withdrawnReason: 'Chuyển về cấp tỉnh', changes: [] });
    expect(byId.get('plain')).toMatchObject({ status: 'published', withdrawn: null, withdrawnReason: null });
  });
});
