import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../src/search/highlight.ts';
import { rerank } from '../../src/search/rerank.ts';
import { prepareQuery } from '../../src/search/query.ts';
import { dStrokeFolds, prepareSynonyms, searchTerms, synonymExpansions } from '../../src/search/terms.ts';
import { buildSearchVocabulary, buildVocabulary, correctWord, formOf, makeVocabulary, withinOneEdit, WordTokens } from '../../src/search/vocabulary.ts';
import { fold, foldedWords } from '../../src/search/fold.ts';

describe('search terms added to the index', () => {
  it('folds the words with đ', () => expect(dStrokeFolds('Đăng ký đất đai tại UBND xã')).toEqual(['dang', 'dat', 'dai']));
  const synonyms = prepareSynonyms([
    ['sổ đỏ', 'giấy chứng nhận quyền sử dụng đất', 'GCN QSDĐ'],
    ['QLTT', 'quản lý thị trường'],
  ]);
  it('expands synonym groups present in the text, in either direction', () => {
    expect(synonymExpansions('Cấp giấy chứng nhận quyền sử dụng đất lần đầu', synonyms)).toEqual(['sổ đỏ', 'giấy chứng nhận quyền sử dụng đất', 'GCN QSDĐ']);
    expect(synonymExpansions('Đội QLTT số 3', synonyms)).toEqual(['QLTT', 'quản lý thị trường']);
    expect(synonymExpansions('SO DO của hộ gia đình', synonyms)).toHaveLength(3);
  });
  it('matches whole words only', () => expect(synonymExpansions('QLTTX không phải viết tắt', synonyms)).toEqual([]));
  it('includes folded forms of expanded đ-words', () => {
    const terms = searchTerms('Đội QLTT', synonyms).split(' ');
    expect(terms).toEqual(expect.arrayContaining(['doi', 'QLTT', 'quản']));
    expect(searchTerms('sổ đỏ', synonyms).split(' ')).toEqual(expect.arrayContaining(['do', 'qsdd', 'dat']));
  });
});

describe('vocabulary and typo correction', () => {
  const vocabulary = makeVocabulary(buildVocabulary(['Giấy phép bán lẻ rượu', 'thương mại điện tử', 'quản lý thị trường', 'Điều 8', 'giấy giấy']));
  it('holds folded words by frequency, without numbers', () => {
    expect(vocabulary.list[0]).toBe('giay');
    expect(vocabulary.known.has('8')).toBe(false);
    expect(vocabulary.known.has('dien')).toBe(true);
  });
  it('recognises one edit', () => {
    expect(withinOneEdit('thuong', 'thuogn')).toBe(true);
    expect(withinOneEdit('thuong', 'thuon')).toBe(true);
    expect(withinOneEdit('thuong', 'thuongg')).toBe(true);
    expect(withinOneEdit('thuong', 'thuang')).toBe(true);
    expect(withinOneEdit('thuong', 'thaang')).toBe(false);
    expect(withinOneEdit('thuong', 'tuongx')).toBe(false);
  });
  it('corrects 5+ letter words and the i/y variants', () => {
    expect(correctWord('thuogn', vocabulary)).toBe('thuong');
    expect(correctWord('truogn', vocabulary)).toBe('truong');
    expect(correctWord('li', vocabulary)).toBe('ly');
    expect(correctWord('phpe', vocabulary)).toBeUndefined();
    expect(correctWord('bitcoin', vocabulary)).toBeUndefined();
  });
  it('prepares queries: keeps known and unfinished words, corrects, drops unknown ones', () => {
    expect(prepareQuery('giấy phép', vocabulary)).toMatchObject({ words: ['giấy', 'phép'], corrections: [], dropped: [] });
    expect(prepareQuery('thuogn mai', vocabulary)).toMatchObject({ words: ['thuong', 'mai'], corrections: [{ from: 'thuogn', to: 'thuong' }], dropped: [] });
    expect(prepareQuery('quan li thi truo', vocabulary).words).toEqual(['quan', 'ly', 'thi', 'truo']);
    expect(prepareQuery('bitcoin ruou', vocabulary)).toMatchObject({ words: ['ruou'], corrections: [], dropped: ['bitcoin'] });
    expect(prepareQuery('Điều 139', vocabulary).words).toEqual(['Điều', '139']);
    expect(prepareQuery('đất'.normalize('NFD'), makeVocabulary(['dat'])).words).toEqual(['đất']);
  });
});

describe('WordTokens: folding word by word gives what folding the whole text gives', () => {
  // Pieces hostile text is made of: Vietnamese in NFC and NFD, both tone placements, marks after spaces
  // and punctuation, digits, other scripts, letters whose lowercase grows (İ), ligatures, emoji, Word's
  // odd spaces and quotes.
  const pieces = ['Đất', 'đai', 'hoà', 'hòa', 'THUỶ', 'thủy', 'quý', 'Nghị', 'định', '15/2026/NĐ-CP', 'điện'.normalize('NFD'), '\u0301a', ' \u0301', 'İstanbul', 'ǅ', 'ﬁ', 'Å', 'ß', '日本', 'ŉ', '😀', '\u00a0', '\u2009', '“', '”', '-', ',', '.', ' ', '\n', '3', 'x\u0323\u0302', 'ｆｕｌｌ', 'ΐ', 'e\u0308\u0301'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(next() < 0.5 ? ' ' : ''));
  it('folded(text) equals foldedWords(text), and form(word) equals formOf(word)', () => {
    const tokens = new WordTokens();
    for (const text of texts) {
      expect(tokens.folded(text), JSON.stringify(text)).toEqual(foldedWords(text));
      for (const word of text.split(/\s+/)) {
        expect(tokens.form(word)).toBe(formOf(word));
        expect(tokens.word(word).fold).toBe(fold(word));
      }
    }
  });
  it('buildSearchVocabulary, reading each text once, counts what folding each text whole counts', () => {
    const entries = texts.map((text, i) => ({ text, head: texts[(i * 7) % texts.length] }));
    const v = buildSearchVocabulary(entries, [['hoà', 'thủy điện'], ['Đất đai']]);
    expect(v.words).toEqual(buildVocabulary([...texts, 'hoà thủy điện', 'Đất đai']));
    const held = new Map<string, number>();
    for (const t of texts) for (const w of new Set(foldedWords(t))) held.set(w, (held.get(w) ?? 0) + 1);
    expect(v.df).toEqual(v.words.map((w) => held.get(w) ?? 0));
    const spelt = new Map<string, number>();
    for (const t of texts) for (const f of new Set((t.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((w) => !/\d/.test(w)).map(formOf))) spelt.set(f, (spelt.get(f) ?? 0) + 1);
    for (const f of ['hòa', 'thủy', 'điện', 'đất', 'đai']) if (!spelt.has(f)) spelt.set(f, 0);
    expect(v.forms).toEqual(Object.fromEntries([...spelt].sort((a, b) => (a[0] < b[0] ? -1 : 1))));
  });
});

describe('re-ranking', () => {
  const doc = (title: string, score = 1, summary = '') => ({ title, aliases: '', summary, score });
  it('prefers questions holding the query words, then adjacent ones', () => {
    const docs = [doc('Kiểm tra an toàn thực phẩm', 1), doc('Kiểm định công tơ điện', 0.5), doc('Công tơ kiểm định lại', 0.5)];
    expect(rerank(['kiem', 'dinh', 'cong', 'to'], docs).map((d) => d.title)).toEqual(['Kiểm định công tơ điện', 'Công tơ kiểm định lại', 'Kiểm tra an toàn thực phẩm']);
  });
  it('ranks exact accents first when the officer typed them', () => {
    const docs = [doc('Quy định về ma túy', 1), doc('Quy định về mã số', 1)];
    expect(rerank(['mã'], docs)[0].title).toBe('Quy định về mã số');
  });
  it('keeps Pagefind order for ties', () => {
    const docs = [doc('A b', 1), doc('A b', 1)];
    expect(rerank(['x'], docs)).toEqual(docs);
  });
});

describe('highlighting', () => {
  it('marks folded whole-word matches and keeps the accents', () => {
    const parts = highlightParts('Đăng ký đất đai lần đầu', ['dat', 'dang']);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Đăng', 'đất']);
    expect(parts.map((p) => p.text).join('')).toBe('Đăng ký đất đai lần đầu');
  });
  it('marks words the last query word begins, from three letters', () => {
    const marked = (q: string[]) => highlightParts('Giấy phép bán lẻ thuốc lá, làm lại', q).filter((p) => p.mark).map((p) => p.text);
    expect(marked(['thuoc', 'la'])).toEqual(['thuốc', 'lá']);
    expect(marked(['giay', 'phe'])).toEqual(['Giấy', 'phép']);
  });
});
