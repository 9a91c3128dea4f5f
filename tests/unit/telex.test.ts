// Telex and VNI readings of words typed with the Vietnamese keyboard off (src/search/telex.ts).
import { describe, expect, it } from 'vitest';
import { readTelex, readVni, typedReadings } from '../../src/search/telex.ts';

describe('Telex', () => {
  const table: [string, string][] = [
    // tone keys s f r x j at the end of the syllable
    ['giaays', 'giấy'],
    ['chuwngs', 'chứng'],
    ['nhaanj', 'nhận'],
    ['quanr', 'quản'],
    ['lys', 'lý'],
    ['thij', 'thị'],
    ['truwowngf', 'trường'],
    ['xax', 'xã'],
    ['lux', 'lũ'],
    ['rir', 'rỉ'],
    ['owr', 'ở'],
    // tone key typed before the final consonant, as input methods allow
    ['nhaajn', 'nhận'],
    ['vuwowfn', 'vườn'],
    ['xasc', 'xác'],
    // vowel key typed after the final consonant ("free" typing)
    ['nhanaj', 'nhận'],
    // dd → đ, also in the middle of typing
    ['ddieenj', 'điện'],
    ['dduwowcj', 'được'],
    ['ddoocj', 'độc'],
    ['did', 'đi'],
    // w: ư, ơ, ă, "uo" + w → ươ, w alone → ư
    ['luowis', 'lưới'],
    ['ruwowuj', 'rượu'],
    ['xawng', 'xăng'],
    ['tw', 'tư'],
    ['chowj', 'chợ'],
    // aa ee oo
    ['khoong', 'không'],
    ['teets', 'tết'],
    ['muoons', 'muốn'],
    // tone placement: old style on open oa/oe/uy, middle of three vowels, qu/gi onsets
    ['hoaf', 'hòa'],
    ['thuyr', 'thủy'],
    ['ngoaif', 'ngoài'],
    ['gif', 'gì'],
    ['quys', 'quý'],
    ['giaf', 'già'],
    // capitals (caps lock on)
    ['HANHF', 'hành'],
    ['DDIEENJ', 'điện'],
  ];
  for (const [typed, reading] of table) it(`${typed} → ${reading}`, () => expect(readTelex(typed)).toBe(reading));

  const notSyllables = ['online', 'website', 'email', 'zalo', 'OCOP', 'livestream', 'facebook', 'iphone', 'pro', 'tour', 'bitcoin', 'asdfgh'];
  for (const word of notSyllables) it(`"${word}" has no Telex reading`, () => expect(readTelex(word)).toBeUndefined());

  it('gives no reading for a word typed as it reads', () => {
    expect(readTelex('dat')).toBeUndefined();
    expect(readTelex('hanh')).toBeUndefined();
  });
  it('refuses tones a stop consonant cannot carry and two tone keys', () => {
    expect(readTelex('datf')).toBeUndefined(); // "đàt" is no syllable
    expect(readTelex('nhaanjs')).toBeUndefined();
  });
});

describe('VNI', () => {
  const table: [string, string][] = [
    ['d9ie65n', 'điện'],
    ['tro65m', 'trộm'],
    ['ca81p', 'cắp'],
    ['thu7c5', 'thực'],
    ['duo71i', 'dưới'],
    ['d9uo72ng', 'đường'],
    ['ke61', 'kế'],
    ['cho75', 'chợ'],
    ['ta8ng', 'tăng'],
    ['hoa2', 'hòa'],
    ['thu3y', 'thủy'],
    ['O73', 'ở'],
    ['VUO72N', 'vườn'],
  ];
  for (const [typed, reading] of table) it(`${typed} → ${reading}`, () => expect(readVni(typed)).toBe(reading));
  for (const word of ['2026', '4000', 'nd189', '4g', 'd9', 'abc']) it(`"${word}" has no VNI reading`, () => expect(readVni(word)).toBeUndefined());
});

describe('both schemes', () => {
  it('lists the readings of a word, Telex first', () => {
    expect(typedReadings('nhaanj')).toEqual(['nhận']);
    expect(typedReadings('nha65n')).toEqual(['nhận']);
    expect(typedReadings('online')).toEqual([]);
  });
  it('never reads words with letters outside a-z', () => expect(typedReadings('điện')).toEqual([]));
});
