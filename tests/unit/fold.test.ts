import { describe, expect, it } from 'vitest';
import { fold, foldedWords, normalizeTonePlacement } from '../../src/search/fold.ts';
import { slugify, uniqueSlug } from '../../src/content/slug.ts';

describe('fold', () => {
  const cases: [string, string][] = [
    ['Đất đai', 'dat dai'],
    ['ĐẤT ĐAI', 'dat dai'],
    ['dat dai', 'dat dai'],
    ['Quản lý thị trường', 'quan ly thi truong'],
    ['thủy điện', 'thuy dien'],
    ['thuỷ điện', 'thuy dien'],
    ['hòa giải', 'hoa giai'],
    ['hoà giải', 'hoa giai'],
    ['khỏe', 'khoe'],
    ['khoẻ', 'khoe'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Giấy chứng nhận QSDĐ', 'giay chung nhan qsdd'],
    ['ươ ư ơ ă â ê ô', 'uo u o a a e o'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      expect(fold(input)).toBe(expected);
      expect(fold(input.normalize('NFD'))).toBe(expected);
    });
  }
  it('returns NFC and keeps non-letters', () => {
    expect(fold('Điều 8, khoản 3 (NĐ 139/2025)')).toBe('dieu 8, khoan 3 (nd 139/2025)');
  });
  it('splits folded words', () => expect(foldedWords('Hành lang—an toàn, lưới điện!')).toEqual(['hanh', 'lang', 'an', 'toan', 'luoi', 'dien']));
});

describe('normalizeTonePlacement', () => {
  const cases: [string, string][] = [
    ['hoà', 'hòa'],
    ['Hoà giải', 'Hòa giải'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['thuỷ điện', 'thủy điện'],
    ['uỷ ban', 'ủy ban'],
    ['hoá chất', 'hóa chất'],
    ['toà án', 'tòa án'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => expect(normalizeTonePlacement(input)).toBe(expected));
  it('leaves closed syllables and qu- alone', () => {
    for (const word of ['hoàn thành', 'toán', 'quý', 'quỹ', 'khuya', 'thủy', 'hòa']) expect(normalizeTonePlacement(word)).toBe(word);
  });
  it('accepts NFD input', () => expect(normalizeTonePlacement('thuỷ'.normalize('NFD'))).toBe('thủy'));
});

describe('slugify', () => {
  it('is Vietnamese-aware', () => {
    expect(slugify('Cấp phép bán lẻ rượu ở xã?')).toBe('cap-phep-ban-le-ruou-o-xa');
    expect(slugify('Đăng ký đất đai lần đầu')).toBe('dang-ky-dat-dai-lan-dau');
    expect(slugify('  Ủy ban — NĐ 139/2025/NĐ-CP  ')).toBe('uy-ban-nd-139-2025-nd-cp');
  });
  it('cuts long text at a word boundary', () => {
    const slug = slugify('Ủy ban nhân dân cấp xã có trách nhiệm gì trong bảo vệ hành lang an toàn lưới điện cao áp trên địa bàn');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.endsWith('-')).toBe(false);
  });
  it('adds a suffix when taken', () => {
    const taken = new Set(['cap-phep', 'cap-phep-2']);
    expect(uniqueSlug('Cấp phép', (id) => taken.has(id))).toBe('cap-phep-3');
    expect(uniqueSlug('???', () => false)).toBe('cau-hoi');
  });
});
