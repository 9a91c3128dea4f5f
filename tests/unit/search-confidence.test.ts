// Word weights, known terms, Telex/VNI in query preparation, and the confidence check, over a small
// bank searched by a stand-in for Pagefind (folded, prefix and whole-word matching like Pagefind's).
import { describe, expect, it } from 'vitest';
import { fold, foldedWords } from '../../src/search/fold.ts';
import { runSearch, type Pagefind, type PagefindResult } from '../../src/search/engine.ts';
import { prepareQuery } from '../../src/search/query.ts';
import { isConfident, spreadWeight } from '../../src/search/weights.ts';
import { buildSearchVocabulary, parseVocabulary } from '../../src/search/vocabulary.ts';

interface Doc {
  id: string;
  title: string;
  aliases?: string;
  summary: string;
  body: string;
}

const filler = (i: number) => `Xã có trách nhiệm gì, làm thế nào cho đúng quy định của UBND xã, không được phải hỏi ý kiến số ${i}?`;
const DOCS: Doc[] = [
  { id: 'tro', title: 'Chủ trọ thu tiền điện cao hơn giá quy định', aliases: 'nhà trọ tính tiền điện', summary: 'Chủ nhà trọ không được thu tiền điện quá giá bán lẻ.', body: 'Công nhân thuê trọ phản ánh chủ trọ thu tiền điện 4.000 đồng một số.' },
  { id: 'hanh-lang', title: 'Hành lang an toàn lưới điện: xã làm gì', summary: 'Xã tuyên truyền, kiểm tra nhà xây dưới đường dây.', body: 'Hộ dân xây nhà trong hành lang an toàn lưới điện cao áp.' },
  { id: 'ruou', title: 'Giấy phép bán lẻ rượu do UBND xã cấp', summary: 'Cửa hàng tạp hóa bán rượu phải có giấy phép bán lẻ rượu.', body: 'Hồ sơ xin giấy phép bán lẻ rượu nộp tại UBND xã.' },
  { id: 'ngo-doc', title: 'Ngộ độc thực phẩm sau bữa cỗ', summary: 'Nhiều người đau bụng, nôn sau bữa cỗ: xã báo cáo ngay.', body: 'Xã lấy mẫu thức ăn còn lại, báo Trạm y tế.' },
  { id: 'livestream', title: 'Bán hàng online, livestream trên mạng xã hội', summary: 'Người bán hàng online phải công khai thông tin.', body: 'Bán hàng qua Facebook, Zalo, livestream, website.' },
  ...Array.from({ length: 20 }, (_, i) => ({ id: `filler-${i}`, title: filler(i), summary: 'Xã có làm được không?', body: `Việc số ${i} của xã: thế nào cho đúng, có phải không.` })),
];

const docText = (d: Doc) => [d.title, d.aliases ?? '', d.summary, d.body].join('\n');

/** Pagefind as the engine sees it: folded words; quoted = whole words; unquoted = every word, the last as a beginning. */
function fakePagefind(docs: Doc[]): Pagefind {
  const words = new Map(docs.map((d) => [d.id, foldedWords(docText(d))]));
  const result = (d: Doc, score: number): PagefindResult => ({
    id: d.id,
    score,
    data: async () => ({ url: `/cau-hoi/${d.id}/`, meta: { id: d.id, title: d.title, aliases: d.aliases ?? '', summary: d.summary }, content: d.body }),
  });
  return {
    options: async () => undefined,
    async search(term) {
      if (term === null) return { results: docs.map((d) => result(d, 1)) };
      const quoted = /^".*"$/.test(term);
      const qs = foldedWords(term);
      const results = docs
        .map((d) => {
          const ws = words.get(d.id)!;
          const hits = qs.map((q, i) => ws.filter((w) => w === q || (!quoted && i === qs.length - 1 && w.startsWith(q))).length);
          return hits.every((h) => h > 0) ? result(d, hits.reduce((a, b) => a + b, 0) / ws.length) : undefined;
        })
        .filter((r): r is PagefindResult => r !== undefined)
        .sort((a, b) => b.score - a.score);
      return { results };
    },
  };
}

const data = buildSearchVocabulary(
  DOCS.map((d) => ({ text: docText(d), head: [d.title, d.aliases ?? ''].join('\n') })),
  [['hành lang an toàn lưới điện', 'hành lang điện'], ['bán hàng online', 'thương mại điện tử']],
);
const vocabulary = parseVocabulary(JSON.parse(JSON.stringify(data)));
const pagefind = fakePagefind(DOCS);
const search = (q: string) => runSearch(pagefind, async () => vocabulary, q);
const ids = async (q: string) => {
  const o = await search(q);
  return { confident: o.confident, ids: o.first.map((d) => d.meta.id) };
};

describe('the vocabulary file', () => {
  it('counts the entries holding each word, folded and as spelt', () => {
    expect(data.docs).toBe(DOCS.length);
    expect(vocabulary.df.get('xa')).toBe(DOCS.length - 1); // every entry but the boarding-house one
    expect(vocabulary.forms.get('trọ')).toBe(1);
    expect(vocabulary.forms.get('cỗ')).toBe(1);
    expect(vocabulary.forms.get('có')).toBeGreaterThan(20);
  });
  it('keeps recurring, cohesive pairs of the questions and the synonym pairs as terms', () => {
    expect(vocabulary.terms.has('hanh lang')).toBe(true);
    expect(vocabulary.terms.has('giay phep')).toBe(false); // one entry only: no evidence it is a term
    expect(vocabulary.terms.has('cho dung')).toBe(true); // recurs in every filler question: a term, but a common one
    expect(vocabulary.terms.has('dan xay')).toBe(false);
  });
  it('still reads the older plain word list', () => expect(parseVocabulary(['dat', 'dai']).known.has('dai')).toBe(true));
});

describe('word weights', () => {
  it('fall with the share of entries holding the word', () => {
    expect(spreadWeight(1, 40)).toBeGreaterThan(spreadWeight(10, 40));
    expect(spreadWeight(10, 40)).toBeGreaterThan(spreadWeight(40, 40));
  });
  it('count everything in a small bank, where spread says little', () => expect(spreadWeight(2, 2)).toBeGreaterThan(0.9));
  it('weigh by the spelling when the query has accents: "cỗ" is rare though "có" is everywhere', () => {
    const accented = prepareQuery('bữa cỗ', vocabulary).terms.find((t) => t.text === 'cỗ')!;
    const plain = prepareQuery('bua co', vocabulary).terms.find((t) => t.text === 'co')!;
    expect(accented.weight).toBeGreaterThan(0.5);
    expect(plain.weight).toBeLessThan(0.2);
  });
  it('keep "không", "được", "phải" (no stop list), with the weight their spread gives', () => {
    const q = prepareQuery('xã có được phải không', vocabulary);
    expect(q.words).toEqual(['xã', 'có', 'được', 'phải', 'không']);
    for (const t of q.terms) expect(t.weight).toBeGreaterThan(0);
  });
  it('raise adjacent words forming a known term to the weight of the term', () => {
    const q = prepareQuery('hanh lang', vocabulary);
    expect(q.terms[0].weight).toBeGreaterThan(0.5);
  });
});

describe('Telex and VNI in queries', () => {
  it('reads a word typed with the keyboard off when the reading is a word of the bank', () => {
    const q = prepareQuery('giaays pheps bans ler ruwowuj', vocabulary);
    expect(q.words).toEqual(['giấy', 'phép', 'bán', 'lẻ', 'rượu']);
    expect(q.corrections.map((c) => c.from)).toContain('ruwowuj');
    expect(prepareQuery('d9ie65n', vocabulary).words).toEqual(['điện']);
  });
  it('never touches words known as typed', () => {
    expect(prepareQuery('livestream online website zalo', vocabulary).words).toEqual(['livestream', 'online', 'website', 'zalo']);
  });
  it('drops a reading the bank does not hold', () => {
    expect(prepareQuery('vangf', vocabulary).words).toEqual([]); // "vàng" is no word of this bank
  });
  it('finds the entry for Telex and VNI queries', async () => {
    expect((await ids('giaays pheps bans ler ruwowuj')).ids[0]).toBe('ruou');
    expect((await ids('hanhf lang an toanf luowis ddieenj')).ids[0]).toBe('hanh-lang');
    expect((await ids('ngo65 d9o65c thu7c5 pha63m')).ids[0]).toBe('ngo-doc');
  });
});

describe('confidence', () => {
  it('needs clearly more of the query held than missed', () => {
    expect(isConfident({ matched: 1, unmatched: 0.5 })).toBe(true);
    expect(isConfident({ matched: 0.6, unmatched: 0.6 })).toBe(false);
    expect(isConfident({ matched: 0.2, unmatched: 0 })).toBe(false);
    expect(isConfident({ matched: 0.2, unmatched: 0, complete: true })).toBe(true);
    expect(isConfident({ matched: 2.5, unmatched: 4 })).toBe(true); // a long chatty question
  });
  it('answers a chatty question, with and without accents', async () => {
    const q = 'anh chị cho em hỏi, chủ nhà trọ thu tiền điện bốn nghìn một số thì xã mình có xử lý được không ạ';
    expect(await ids(q)).toMatchObject({ confident: true, ids: ['tro', expect.anything()] });
    expect((await ids(fold(q))).ids[0]).toBe('tro');
    expect((await ids(fold(q))).confident).toBe(true);
  });
  it('is not confident when only filler or one common word matched', async () => {
    for (const q of ['giá vàng hôm nay', 'tỷ giá đô la', 'kết quả xổ số miền bắc', 'thời tiết hà nội ngày mai', 'xã làm thế nào cho đúng ạ nhé']) {
      expect((await search(q)).confident, q).toBe(false);
    }
  });
  it('still answers a query of one specific word and browsing by one word', async () => {
    expect(await ids('livestream')).toMatchObject({ confident: true, ids: ['livestream'] });
    expect((await search('điện')).confident).toBe(true);
  });
});
