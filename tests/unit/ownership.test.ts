// Review clock, legal-basis changes, history, duplicates and owner reports (pure; the git and CLI
// parts are in tests/build/ownership-cli.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/content/dates.ts';
import { findNearDuplicates, similarity, shingles } from '../../src/review/duplicates.ts';
import { entryHistory, lastChangeDate } from '../../src/review/history.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { legalBasisChanges, reviewDue, reviewState } from '../../src/review/clock.ts';
import { reviewReport } from '../../src/review/report.ts';
import type { DocumentData } from '../../src/schema/index.ts';
import { FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

describe('the review clock (fixed build date)', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-10-01', 12)).toBe('2026-10-01');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
  it("uses the entry's interval, else the field's, else 12 months", () => {
    expect(reviewDue({ reviewed: '2025-10-01', review_months: 3 }, { review_months: 6 })).toBe('2026-01-01');
    expect(reviewDue({ reviewed: '2025-10-01' }, { review_months: 6 })).toBe('2026-04-01');
    expect(reviewDue({ reviewed: '2025-10-01' }, {})).toBe('2026-10-01');
    expect(reviewDue({ reviewed: '2025-10-01' })).toBe('2026-10-01');
  });
  it('is overdue only once the due date is before the build date', () => {
    expect(reviewState('2026-06-01', '2026-06-01')).toBe('due-soon');
    expect(reviewState('2026-05-31', '2026-06-01')).toBe('overdue');
    expect(reviewState('2026-07-01', '2026-06-01')).toBe('due-soon');
    expect(reviewState('2026-07-02', '2026-06-01')).toBe('ok');
  });
});

describe('review triggered by the law', () => {
  const docs = new Map<string, DocumentData>([
    ['amended', { number: '1/2025/NĐ-CP', title: 'A', issued: '2025-01-01', status: 'amended', changed: '2026-01-15' }],
    ['replaced-early', { number: '2/2020/NĐ-CP', title: 'B', issued: '2020-01-01', status: 'replaced', changed: '2024-01-01' }],
    ['in-force', { number: '3/2025/NĐ-CP', title: 'C', issued: '2025-01-01', status: 'in_force', changed: '2026-03-01' }],
    ['expired', { number: '4/2019/NĐ-CP', title: 'D', issued: '2019-01-01', status: 'expired', changed: '2026-02-01' }],
  ]);
  it('flags documents changed after the last review, naming them', () => {
    const changes = legalBasisChanges(
      { reviewed: '2025-10-01', legal_basis: [{ ref: 'amended' }, { ref: 'replaced-early' }, { ref: 'in-force' }, { ref: 'expired', article: 'Điều 1' }, { document: 'Luật X' }] },
      docs,
    );
    expect(changes).toEqual([
      { ref: 'amended', number: '1/2025/NĐ-CP', status: 'amended', changed: '2026-01-15' },
      { ref: 'expired', number: '4/2019/NĐ-CP', status: 'expired', changed: '2026-02-01' },
    ]);
  });
  it('clears once the entry is reviewed after the change', () => {
    expect(legalBasisChanges({ reviewed: '2026-02-01', legal_basis: [{ ref: 'amended' }] }, docs)).toEqual([]);
  });
});

describe('change history', () => {
  const labels = { answered: 'Trả lời', reviewed: 'Rà soát', withdrawn: 'Rút' };
  it('is the answered and reviewed dates without change notes', () => {
    expect(entryHistory({ answered: '2025-08-05', reviewed: '2025-10-01' }, labels)).toEqual([
      { date: '2025-10-01', text: 'Rà soát', kind: 'reviewed' },
      { date: '2025-08-05', text: 'Trả lời', kind: 'answered' },
    ]);
  });
  it('lists change notes newest first, before reviewed and answered', () => {
    const changes = [
      { date: '2025-09-01', note: 'Bổ sung thủ tục' },
      { date: '2026-01-20', note: 'Cập nhật theo Nghị định mới' },
      { date: '2025-09-01', note: 'Sửa thời hạn' },
    ];
    expect(entryHistory({ answered: '2025-08-05', reviewed: '2026-01-20', changes }, labels).map((h) => `${h.date} ${h.kind} ${h.text}`)).toEqual([
      '2026-01-20 change Cập nhật theo Nghị định mới',
      '2025-09-01 change Sửa thời hạn',
      '2025-09-01 change Bổ sung thủ tục',
      '2026-01-20 reviewed Rà soát',
      '2025-08-05 answered Trả lời',
    ]);
  });
  it('starts with the withdrawal for a withdrawn entry (its reason is in the banner)', () => {
    const h = entryHistory({ answered: '2025-08-05', reviewed: '2025-08-05', status: 'withdrawn', withdrawn: '2026-03-01' }, labels);
    expect(h).toEqual([
      { date: '2026-03-01', text: 'Rút', kind: 'withdrawn' },
      { date: '2025-08-05', text: 'Trả lời', kind: 'answered' },
    ]);
  });
  it('knows the latest change note date', () => {
    expect(lastChangeDate({ changes: [{ date: '2025-09-01', note: 'a' }, { date: '2026-01-20', note: 'b' }] })).toBe('2026-01-20');
    expect(lastChangeDate({})).toBeUndefined();
  });
});

describe('near-duplicate questions', () => {
  it('scores a crafted pair high and an unrelated pair low', () => {
    const a = 'UBND cấp xã có trách nhiệm gì trong bảo vệ hành lang an toàn lưới điện?';
    const b = 'Ủy ban cấp xã có trách nhiệm gì trong việc bảo vệ hành lang an toàn lưới điện';
    const c = 'Ai cấp giấy phép bán lẻ rượu sau ngày 01/7/2025?';
    expect(similarity(shingles(a), shingles(b))).toBeGreaterThan(0.7);
    expect(similarity(shingles(a), shingles(c))).toBeLessThan(0.2);
    expect(findNearDuplicates([{ id: 'a', text: a }, { id: 'b', text: b }, { id: 'c', text: c }], 0.7)).toEqual([{ a: 'a', b: 'b', score: expect.any(Number) }]);
  });
  it('ignores case and diacritics', () => {
    expect(findNearDuplicates([{ id: 'x', text: 'Đăng ký đất đai lần đầu ở xã' }, { id: 'y', text: 'dang ky dat dai lan dau o xa' }], 0.99)).toHaveLength(1);
  });
  it('honours the threshold', () => {
    const items = [{ id: 'a', text: 'cấp giấy phép bán lẻ rượu tại xã' }, { id: 'b', text: 'cấp giấy phép bán lẻ thuốc lá tại xã' }];
    expect(findNearDuplicates(items, 0.5)).toHaveLength(1);
    expect(findNearDuplicates(items, 0.9)).toHaveLength(0);
  });
});

describe('owner report (npm run check)', () => {
  it('reports overdue per owner, legal basis changes, missing legal basis, unreachable related, orphans, duplicates', () => {
    const dup = fs.readFileSync(path.join(makeRoot(), 'entries/a/hanh-lang.md'), 'utf8')
      .replace('id: hanh-lang-an-toan-luoi-dien', 'id: hanh-lang-ban-sao')
      .replace('UBND cấp xã có trách nhiệm gì trong bảo vệ', 'UBND xã có trách nhiệm gì trong việc bảo vệ')
      .replace(/legal_basis:[\s\S]*?can:/, 'can:')
      .replace('related: [dang-ky-dat-dai-lan-dau]', 'related: [ban-nhap-chua-xong]')
      .replace('reviewed: 2025-10-01', 'reviewed: 2025-03-01')
      .replace('answered: 2025-08-05', 'answered: 2025-03-01');
    const root = makeRoot({ 'entries/a/ban-sao.md': dup, 'units/so-mo-coi.yaml': 'name: Sở không có câu hỏi\nlevel: province\n' });
    const { model, issues } = readContentRoot(root, FIXTURE_TODAY);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const report = reviewReport(model, FIXTURE_TODAY, 0.7);
    const sct = report.owners.find((o) => o.owner === 'so-cong-thuong-nghe-an')!;
    expect(sct.overdue).toEqual([expect.objectContaining({ id: 'hanh-lang-ban-sao', due: '2026-03-01' })]);
    expect(sct.dueSoon).toEqual([]);
    expect(sct.legalChanged).toEqual([expect.objectContaining({ id: 'hanh-lang-an-toan-luoi-dien', documents: [expect.objectContaining({ number: '98/2020/NĐ-CP' })] })]);
    expect(report.noLegalBasis).toEqual(expect.arrayContaining(['hanh-lang-ban-sao', 'dang-ky-dat-dai-lan-dau']));
    expect(report.duplicates.map((d) => [d.a, d.b].sort())).toEqual([['hanh-lang-an-toan-luoi-dien', 'hanh-lang-ban-sao']]);
    expect(report.duplicates[0].score).toBeGreaterThanOrEqual(0.7);
    const messages = report.warnings.map((w) => `${path.relative(root, w.file)} ${w.key}: ${w.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^entries\/a\/ban-sao\.md related\[0\]: .*draft/),
      expect.stringMatching(/^units\/so-mo-coi\.yaml : orphan unit/),
      expect.stringMatching(/^entries\/a\/hanh-lang\.md legal_basis: needs review: legal basis changed: 98\/2020\/NĐ-CP amended/),
    ]));
  });
});

describe('superseded by a draft', () => {
  it('is reported: readers would get no link to a current answer', () => {
    const root = makeRoot({
      'entries/b/cu.md': fs.readFileSync(path.join(makeRoot(), 'entries/b/cu.md'), 'utf8').replace('superseded_by: dang-ky-dat-dai-lan-dau', 'superseded_by: ban-nhap-chua-xong'),
    });
    const { model } = readContentRoot(root, FIXTURE_TODAY);
    expect(reviewReport(model, FIXTURE_TODAY).warnings.map((w) => `${w.key}: ${w.message}`)).toContainEqual(expect.stringMatching(/^superseded_by: .*draft/));
  });
});
