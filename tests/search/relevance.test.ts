// Search quality on the sample site, with the page's own search code running in Node over the built
// index (tests/search/queries.json; `npm run bench:search` runs the same set in Chromium).
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { relevanceReport } from '../helpers/relevance.ts';

const sites = inject('sites');

describe('search quality on the sample content', async () => {
  const report = await relevanceReport(sites.sample, path.join(import.meta.dirname, 'queries.json'));

  it('has at least 80 queries of every kind the issue names', () => {
    expect(report.overall.n).toBeGreaterThanOrEqual(80);
    for (const kind of ['no-diacritics', 'tone-style', 'abbreviation', 'synonym', 'alias', 'typo', 'natural-question', 'nonsense', 'telex', 'vni', 'chatty', 'chatty-no-diacritics', 'off-topic', 'paraphrase']) {
      expect(report.byKind[kind]?.n, kind).toBeGreaterThan(0);
    }
  });

  it('finds the answer in the top 3 for 95% of queries and first for 80%', () => {
    const misses = report.outcomes.filter((o) => o.rank === 0 || o.rank > 3).map((o) => `[${o.kind}] ${o.q} → ${o.results.slice(0, 3).join(', ')}`);
    expect(report.overall.recall3, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall1).toBeGreaterThanOrEqual(0.8);
  });

  it('reaches recall@3 >= 0.9 for every kind', () => {
    for (const [kind, m] of Object.entries(report.byKind)) expect(m.recall3, kind).toBeGreaterThanOrEqual(0.9);
  });

  it('shows no answer for at least 90% of off-topic queries and for every nonsense query', () => {
    const shown = (kind: string) => report.outcomes.filter((o) => o.kind === kind && o.results.length > 0).map((o) => o.q);
    expect(shown('off-topic').length / report.byKind['off-topic'].n, shown('off-topic').join('\n')).toBeLessThanOrEqual(0.1);
    expect(shown('nonsense')).toEqual([]);
  });

  it('answers Telex, VNI and chatty questions first for 85% and in the top 3 for 95%', () => {
    for (const kind of ['telex', 'vni', 'chatty', 'chatty-no-diacritics']) {
      expect(report.byKind[kind].recall1, kind).toBeGreaterThanOrEqual(0.85);
      expect(report.byKind[kind].recall3, kind).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('loses no recall in any kind when searched in two stages, as the page does (first-stage index, then full text)', async () => {
    const two = await relevanceReport(sites.sample, path.join(import.meta.dirname, 'queries.json'), 'two');
    for (const [kind, m] of Object.entries(report.byKind)) {
      expect(two.byKind[kind].recall1, kind).toBeGreaterThanOrEqual(m.recall1);
      expect(two.byKind[kind].recall3, kind).toBeGreaterThanOrEqual(m.recall3);
    }
    // The first stage must answer a real share of the queries, or it only adds a round trip.
    const answered = two.outcomes.filter((o) => o.stage === 'first').length;
    expect(answered / two.outcomes.length).toBeGreaterThanOrEqual(0.4);
    // Nonsense and off-topic queries never get a first-stage answer.
    expect(two.outcomes.filter((o) => (o.kind === 'nonsense' || o.kind === 'off-topic') && o.stage === 'first')).toEqual([]);
  });

  it('never returns drafts, superseded or withdrawn entries', () => {
    const returned = new Set(report.outcomes.flatMap((o) => o.results));
    for (const id of ['gia-dat-cu-the-tham-quyen-chu-tich-xa', 'dien-mat-troi-mai-nha-thong-bao-ubnd-xa', 'ban-hang-online-xa-quan-ly-2025', 'tham-quyen-phat-tien-chu-tich-xa-thuong-mai-tam-thoi', 'cap-giay-chung-nhan-attp-dich-vu-an-uong-tai-xa']) {
      expect(returned.has(id), id).toBe(false);
    }
  });
});
