// The first-stage search index (src/search/first-stage-index.ts), its browser adapter over a fake fetch
// (src/search/first-stage-search.ts) and the two-stage decision (src/search/two-stage.ts). Pure.
import { describe, expect, it } from 'vitest';
import {
  buildFirstStageIndex,
  bucketFile,
  decodePostings,
  encodePostings,
  FIRST_STAGE_MANIFEST,
  PLACE,
  shardFile,
  shardOf,
  wordHash,
  type FirstStageEntry,
  type FirstStageIndex,
} from '../../src/search/first-stage-index.ts';
import { acceptFirstStage, completeAnswersOnly, expansions, firstStageSearch, parseTerm, UnsupportedFilterError } from '../../src/search/first-stage-search.ts';
import { searchInStages } from '../../src/search/two-stage.ts';
import { runSearch, type Pagefind } from '../../src/search/engine.ts';
import { prepareSynonyms } from '../../src/search/terms.ts';
import { buildSearchVocabulary, parseVocabulary, type Vocabulary } from '../../src/search/vocabulary.ts';

const display = { field: 'Lĩnh vực', owner: 'Sở', reviewed: '01/11/2026', overdue: false };
const entry = (id: string, field: string, question: string, summary: string, extra: Partial<FirstStageEntry> = {}): FirstStageEntry => ({
  id,
  question,
  aliases: [],
  summary,
  other: [],
  field,
  owner: 'so-cong-thuong',
  display,
  ...extra,
});

const ENTRIES: FirstStageEntry[] = [
  entry('ruou', 'thuong-mai', 'Giấy phép bán lẻ rượu do UBND xã cấp', 'Cửa hàng tạp hóa bán rượu phải có giấy phép.', {
    aliases: ['xin giấy phép bán rượu'],
    other: ['Nghị định 105/2017/NĐ-CP'],
  }),
  entry('thuoc-la', 'thuong-mai', 'Giấy phép bán lẻ thuốc lá', 'Thương nhân bán thuốc lá cần giấy phép.'),
  entry('tro', 'dien-luc', 'Chủ trọ thu tiền điện cao hơn giá quy định', 'Chủ nhà trọ không được thu quá giá bán lẻ điện.', { aliases: ['nhà trọ tính tiền điện'] }),
  entry('hanh-lang', 'dien-luc', 'Hành lang an toàn lưới điện: xã làm gì', 'Xã tuyên truyền, kiểm tra nhà xây dưới đường dây.'),
  entry('qltt', 'quan-ly-thi-truong', 'Lực lượng quản lý thị trường sau sắp xếp', 'Đội quản lý thị trường thuộc Sở Công Thương.'),
  entry('trong', 'dat-dai', 'Chuyển đổi cây trồng trên đất trồng lúa', 'Xã hướng dẫn hộ dân đăng ký chuyển đổi trong mùa vụ.'),
];
const SYNONYMS = [['QLTT', 'quản lý thị trường']];

function vocabularyOf(entries: FirstStageEntry[]): Vocabulary {
  const data = buildSearchVocabulary(
    entries.map((e) => ({ text: [e.question, ...e.aliases, e.summary, ...e.other].join('\n'), head: [e.question, ...e.aliases].join('\n') })),
    SYNONYMS,
  );
  return parseVocabulary(JSON.parse(JSON.stringify(data)));
}

/** The files of an index as the writer lays them out, served by a fake fetch that records what is asked. */
function served(index: FirstStageIndex, base = '/') {
  const files = new Map<string, string>([[FIRST_STAGE_MANIFEST, JSON.stringify(index.manifest)]]);
  index.shards.forEach((s, n) => files.set(shardFile(index.manifest, n), JSON.stringify(s)));
  index.buckets.forEach((b, n) => files.set(bucketFile(index.manifest, n), JSON.stringify(b)));
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(url);
    if (!url.startsWith(base)) return new Response(null, { status: 404 });
    const body = files.get(url.slice(base.length));
    return body === undefined ? new Response(null, { status: 404 }) : new Response(body);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked, files };
}

const index = buildFirstStageIndex(ENTRIES, prepareSynonyms(SYNONYMS));
const vocabulary = vocabularyOf(ENTRIES);

describe('first-stage index builder', () => {
  it('numbers the documents by field, so a field is one range of numbers', () => {
    const ids = index.buckets.flat().map((r) => r[0]);
    expect(ids).toEqual(['trong', 'hanh-lang', 'tro', 'qltt', 'ruou', 'thuoc-la']);
    expect(index.manifest.fields).toEqual({ 'dat-dai': [0, 1], 'dien-luc': [1, 3], 'quan-ly-thi-truong': [3, 4], 'thuong-mai': [4, 6] });
    expect(index.manifest.docs).toBe(6);
  });

  it('lists each word once, in the shard of its hash, with where each document holds it', () => {
    const all = Object.assign({}, ...index.shards) as Record<string, string>;
    expect(Object.keys(all).length).toBe(index.manifest.words);
    for (const [n, shard] of index.shards.entries()) for (const w of Object.keys(shard)) expect(shardOf(w, index.manifest.shards)).toBe(n);
    const phep = decodePostings(all.phep);
    expect([...phep.docs]).toEqual([4, 5]);
    // "ruou": question, aliases and summary; "thuoc-la": question and summary.
    expect([...phep.masks]).toEqual([PLACE.question | PLACE.aliases | PLACE.summary, PLACE.question | PLACE.summary]);
    // Cited document numbers and synonyms of what is indexed are "other" words.
    expect(decodePostings(all['105']).masks[0]).toBe(PLACE.other);
    expect([...decodePostings(all.qltt).docs]).toEqual([3]);
    expect(all.tien).toBeDefined();
    expect(all['đien']).toBeUndefined(); // folded: đ → d
  });

  it('keeps the display data the result list shows, bucketed by document number', () => {
    const row = index.buckets.flat().find((r) => r[0] === 'ruou')!;
    expect(row).toEqual(['ruou', ENTRIES[0].question, 'xin giấy phép bán rượu', 'Nghị định 105/2017/NĐ-CP', ENTRIES[0].summary, 'Lĩnh vực', 'Sở', '01/11/2026', 0]);
    expect(index.buckets.every((b) => b.length <= index.manifest.bucketSize)).toBe(true);
  });

  it('round-trips postings and rejects a damaged list', () => {
    const postings: [number, number][] = [[0, 1], [7, 4], [8, 15], [1000, 8]];
    const decoded = decodePostings(encodePostings(postings));
    expect([...decoded.docs]).toEqual([0, 7, 8, 1000]);
    expect([...decoded.masks]).toEqual([1, 4, 15, 8]);
    expect(() => decodePostings('1.2;1')).toThrow(/differ in length/);
  });

  it('hashes words the same way everywhere (FNV-1a), and names the folder by content', () => {
    expect(wordHash('')).toBe(0x811c9dc5);
    expect(wordHash('a')).toBe(0xe40c292c);
    const again = buildFirstStageIndex(ENTRIES, prepareSynonyms(SYNONYMS));
    expect(again.manifest.key).toBe(index.manifest.key);
    // 16 hex digits: the service worker caches this folder as content-hashed (src/sw/sw.ts).
    expect(index.manifest.key).toMatch(/^[0-9a-f]{16}$/);
    const changed = buildFirstStageIndex([...ENTRIES.slice(1), { ...ENTRIES[0], summary: 'Khác.' }], prepareSynonyms(SYNONYMS));
    expect(changed.manifest.key).not.toBe(index.manifest.key);
  });

  it('rejects an entry id given twice', () => {
    expect(() => buildFirstStageIndex([ENTRIES[0], ENTRIES[0]], prepareSynonyms([]))).toThrow(/"ruou" appears twice/);
  });

  it('sizes shards and buckets from the bank: every file stays small in a large bank', () => {
    const big: FirstStageEntry[] = Array.from({ length: 3000 }, (_, i) =>
      entry(`e-${i}`, `f-${i % 8}`, `Câu hỏi số ${i} về giấy phép loại ${i % 97} ở xã ${i % 13}`, `Tóm tắt ${i}: thủ tục ${i % 31}, hồ sơ ${i % 53}, thời hạn ${i % 7} ngày.`),
    );
    const large = buildFirstStageIndex(big, prepareSynonyms([]));
    expect(large.manifest.shards).toBeGreaterThan(1);
    expect(large.manifest.bucketSize).toBe(8);
    const largest = Math.max(...large.shards.map((s) => JSON.stringify(s).length));
    expect(largest).toBeLessThan(64 * 1024);
    expect(Math.max(...large.buckets.map((b) => JSON.stringify(b).length))).toBeLessThan(4 * 1024);
  });
});

describe('first-stage search (the engine’s Pagefind interface)', () => {
  const make = (base = '/') => {
    const s = served(index, base);
    return { ...s, pf: firstStageSearch({ base, vocabulary: async () => vocabulary, fetch: s.fetch }) };
  };
  const ids = async (pf: Pagefind, term: string, filters?: Record<string, string>) => {
    const { results } = await pf.search(term, { filters });
    return Promise.all(results.map(async (r) => (await r.data()).meta.id));
  };

  it('requires every word, ranks question matches first, and gives Pagefind-shaped data', async () => {
    const { pf } = make();
    expect(await ids(pf, 'giay phep')).toEqual(['ruou', 'thuoc-la']);
    expect(await ids(pf, 'giay phep ruou')).toEqual(['ruou']);
    expect(await ids(pf, 'giay phep amoniac')).toEqual([]);
    const [first] = (await pf.search('tien dien')).results;
    expect(await first.data()).toEqual({
      url: '/cau-hoi/tro/',
      meta: { id: 'tro', title: ENTRIES[2].question, aliases: 'nhà trọ tính tiền điện', terms: '', summary: ENTRIES[2].summary, field: 'Lĩnh vực', owner: 'Sở', reviewed: '01/11/2026', overdue: '0' },
    });
    // "bán lẻ" is in the question of "ruou" and "thuoc-la" but only in the summary of "tro".
    const scored = (await pf.search('ban le')).results;
    expect(scored.map((r) => r.id).slice(-1)).toEqual(['2']);
    expect(scored[0].score).toBeGreaterThan(scored.at(-1)!.score);
  });

  it('matches a quoted word whole, and an unfinished word as the beginning of known words', async () => {
    const { pf } = make();
    expect(await ids(pf, '"tro"')).toEqual(['tro']);
    // "tro" is a whole word of the bank: it does not also match "trong" (the engine would not credit it).
    expect(await ids(pf, 'tro')).toEqual(['tro']);
    expect(await ids(pf, 'giay ph')).toEqual(['ruou', 'thuoc-la']);
    expect(expansions('ph', vocabulary)).toContain('phep');
    expect(expansions('phep', vocabulary)).toEqual([]);
    expect(parseTerm('"trọ" Điện')).toEqual([
      { folded: 'tro', quoted: true },
      { folded: 'dien', quoted: false },
    ]);
  });

  it('applies a field filter as a range, browses a field without words, and refuses other filters', async () => {
    const { pf } = make();
    expect(await ids(pf, 'giay phep', { field: 'dien-luc' })).toEqual([]);
    expect(await ids(pf, 'xa', { field: 'dien-luc' })).toEqual(['hanh-lang']);
    expect(await ids(pf, '', { field: 'dien-luc' })).toEqual(['hanh-lang', 'tro']);
    expect(await ids(pf, 'xa', { field: 'khong-co' })).toEqual([]);
    await expect(pf.search('xa', { filters: { owner: 'so-cong-thuong' } })).rejects.toBeInstanceOf(UnsupportedFilterError);
  });

  it('fetches one shard per word and only the buckets of the results it shows', async () => {
    const { pf, asked } = make('/hoi-dap/');
    const { results } = await pf.search('giay phep');
    const shardsAsked = asked.filter((u) => u.includes('/w/'));
    expect(new Set(shardsAsked).size).toBe(new Set(['giay', 'phep'].map((w) => shardOf(w, index.manifest.shards))).size);
    expect(asked.filter((u) => u.includes('/d/'))).toEqual([]);
    expect((await results[0].data()).url).toBe('/hoi-dap/cau-hoi/ruou/');
    expect(asked.filter((u) => u.includes('/d/'))).toEqual([`/hoi-dap/${bucketFile(index.manifest, Math.floor(4 / index.manifest.bucketSize))}`]);
    expect(asked.every((u) => u.startsWith('/hoi-dap/search/first/'))).toBe(true);
  });

  it('fails loudly when the index cannot be had, and tries again later', async () => {
    let online = false;
    const s = served(index);
    const pf = firstStageSearch({ base: '/', vocabulary: async () => vocabulary, fetch: (async (u: string) => (online ? s.fetch(u) : Promise.reject(new TypeError('Failed to fetch')))) as unknown as typeof fetch });
    await expect(pf.search('giay')).rejects.toThrow('Failed to fetch');
    online = true;
    expect((await pf.search('giay')).results.length).toBe(2);
    const wrong = served({ ...index, manifest: { ...index.manifest, version: 99 } });
    await expect(firstStageSearch({ base: '/', vocabulary: async () => vocabulary, fetch: wrong.fetch }).search('giay')).rejects.toThrow(/version 99/);
  });

  it('runs under the engine, and is accepted only when the best answer’s question, aliases or terms hold every word', async () => {
    const { pf } = make();
    const load = async () => vocabulary;
    const answered = await runSearch(pf, load, 'giấy phép bán lẻ rượu');
    expect(answered.first[0].meta.id).toBe('ruou');
    expect(answered.confident).toBe(true);
    expect(acceptFirstStage(answered)).toBe(true);
    // Synonyms count as the entry's own words ("QLTT" for "quản lý thị trường").
    const qltt = await runSearch(pf, load, 'QLTT sau sap xep');
    expect(qltt.first[0].meta.id).toBe('qltt');
    expect(acceptFirstStage(qltt)).toBe(true);
    // "tạp hóa" is only in the summary of "ruou": the full text decides.
    const summaryOnly = await runSearch(pf, load, 'giay phep tap hoa');
    expect(summaryOnly.first[0]?.meta.id).toBe('ruou');
    expect(acceptFirstStage(summaryOnly)).toBe(false);
    expect(acceptFirstStage({ ...answered, confident: false })).toBe(false);
    expect(acceptFirstStage({ ...answered, evidence: { ...answered.evidence!, complete: false } })).toBe(false);
  });
});

describe('completeAnswersOnly: a widened first-stage answer lists only the entries holding every word', () => {
  const doc = (id: string, title: string, summary = '') => ({ url: `/cau-hoi/${id}/`, meta: { id, title, aliases: '', terms: '', summary } });
  const base = {
    first: [doc('a', 'Hành lang an toàn lưới điện cao áp'), doc('b', 'An toàn thực phẩm ở chợ'), doc('c', 'Cắt điện khi', 'hành lang an toàn của lưới điện')],
    rest: [{ id: 'r', score: 1, data: async () => doc('r', 'x') }],
    total: 30,
    corrections: [],
    dropped: [],
    words: ['hành', 'lang', 'an', 'toàn', 'lưới', 'điện'],
    confident: true,
  };
  it('keeps the complete ones (question or summary), drops the rest and counts what is shown', () => {
    const kept = completeAnswersOnly({ ...base, widened: true });
    expect(kept.first.map((d) => d.meta.id)).toEqual(['a', 'c']);
    expect(kept.rest).toEqual([]);
    expect(kept.total).toBe(2);
  });
  it('leaves an outcome that needed no widening as it is', () => {
    expect(completeAnswersOnly({ ...base, widened: false })).toEqual({ ...base, widened: false });
  });
});

describe('two stages', () => {
  const fullText = (calls: string[]): Pagefind => ({
    options: async () => undefined,
    async search(term) {
      calls.push(String(term));
      return { results: [{ id: 'x', score: 1, data: async () => ({ url: '/cau-hoi/ruou/', meta: { id: 'ruou', title: 'Giấy phép bán lẻ rượu', summary: '' }, content: 'giấy phép bán lẻ rượu tạp hóa' }) }] };
    },
  });
  const stages = (over: Partial<Parameters<typeof searchInStages>[0]> = {}) => {
    const calls: string[] = [];
    let loads = 0;
    const s = served(index);
    const first = firstStageSearch({ base: '/', vocabulary: async () => vocabulary, fetch: s.fetch });
    return {
      calls,
      loads: () => loads,
      run: (q: string, filters: Record<string, string> = {}) =>
        searchInStages({ first, fullText: async () => (loads++, fullText(calls)), loadVocabulary: async () => vocabulary, ...over }, q, filters),
    };
  };

  it('answers from the first stage without loading the full text', async () => {
    const t = stages();
    const r = await t.run('giấy phép bán lẻ rượu');
    expect(r.stage).toBe('first');
    expect(t.loads()).toBe(0);
  });

  it('goes to the full text when the first stage is not sure, fails, is asked past, or cannot filter', async () => {
    const t = stages();
    expect((await t.run('giay phep tap hoa')).reason).toBe('not-confident');
    expect((await t.run('giay phep', { owner: 'so-cong-thuong' })).reason).toBe('filter');
    expect((await t.run('', { field: 'dien-luc' })).reason).toBe('no-words');
    expect((await stages({ fullTextOnly: true }).run('giấy phép bán lẻ rượu')).reason).toBe('asked');
    expect((await stages({ first: undefined }).run('giấy phép bán lẻ rượu')).reason).toBe('unavailable');
    const errors: unknown[] = [];
    const offline = firstStageSearch({ base: '/', vocabulary: async () => vocabulary, fetch: (async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch });
    const r = await stages({ first: offline, onFirstStageError: (e) => errors.push(e) }).run('giấy phép bán lẻ rượu');
    expect(r.stage).toBe('full');
    expect(r.reason).toBe('failed');
    expect(r.outcome.first[0].meta.id).toBe('ruou');
    expect(errors).toHaveLength(1);
    expect(t.loads()).toBeGreaterThan(0);
  });
});
