import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../src/search/highlight.ts';
import { rerank } from '../../src/search/rerank.ts';
import { prepareQuery } from '../../src/search/query.ts';
import { dStrokeFolds, prepareSynonyms, searchTerms, synonymExpansions } from '../../src/search/terms.ts';
import { buildVocabulary, correctWord, makeVocabulary, withinOneEdit } from '../../src/search/vocabulary.ts';

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
