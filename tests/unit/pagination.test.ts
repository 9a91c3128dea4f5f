// Field pages cut into pages (src/content/pagination.ts): nothing lost, nothing twice, order kept.
import { describe, expect, it } from 'vitest';
import { fieldPageSize, pageLinks, paginateGroups, topicAnchors, topicStartPages } from '../../src/content/pagination.ts';

const group = (topic: string | undefined, n: number, from = 0) => ({ topic, entries: Array.from({ length: n }, (_, i) => `${topic ?? '-'}${from + i}`) });

describe('paginateGroups', () => {
  it('keeps every entry once, in order, at most `size` per page, for many shapes', () => {
    for (const size of [1, 2, 3, 7, 100]) {
      for (const shape of [[0], [1], [5], [3, 4], [10, 1, 1, 9], [100, 100, 1], [2, 0, 2]]) {
        const groups = shape.map((n, i) => group(i === shape.length - 1 && shape.length > 1 ? undefined : `t${i}`, n));
        const pages = paginateGroups(groups, size);
        const flat = pages.flatMap((p) => p.groups.flatMap((g) => g.entries));
        expect(flat).toEqual(groups.flatMap((g) => g.entries));
        const total = flat.length;
        expect(pages.length).toBe(Math.max(1, Math.ceil(total / size)));
        pages.forEach((p, i) => {
          expect(p.number).toBe(i + 1);
          const count = p.groups.reduce((n, g) => n + g.entries.length, 0);
          expect(count).toBeLessThanOrEqual(size);
          if (i < pages.length - 1) expect(count).toBe(size);
          for (const g of p.groups) expect(g.entries.length).toBeGreaterThan(0);
        });
      }
    }
  });

  it('marks a topic cut by a page break as continued on the next page', () => {
    const pages = paginateGroups([group('a', 3), group('b', 4)], 5);
    expect(pages.map((p) => p.groups.map((g) => [g.topic, g.entries.length, g.continued]))).toEqual([
      [['a', 3, false], ['b', 2, false]],
      [['b', 2, true]],
    ]);
    expect([...topicStartPages(pages)]).toEqual([['a', 1], ['b', 1]]);
    expect([...topicStartPages(paginateGroups([group('a', 5), group(undefined, 2)], 5))]).toEqual([['a', 1], [undefined, 2]]);
  });

  it('gives one empty page for no entries and refuses a page size below one', () => {
    expect(paginateGroups([], 10)).toEqual([{ number: 1, groups: [] }]);
    expect(() => paginateGroups([group('a', 1)], 0)).toThrow(/page size/);
  });
});

describe('pageLinks', () => {
  it('shows the first, the last and two either side of the current page, with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(1, 13)).toEqual([1, 2, 3, 'gap', 13]);
    expect(pageLinks(7, 13)).toEqual([1, 'gap', 5, 6, 7, 8, 9, 'gap', 13]);
    expect(pageLinks(4, 13)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 13]);
    expect(pageLinks(13, 13)).toEqual([1, 'gap', 11, 12, 13]);
  });
});

describe('fieldPageSize', () => {
  it('defaults to 100 and takes HOIDAP_FIELD_PAGE_SIZE, refusing anything but a positive whole number', () => {
    expect(fieldPageSize({})).toBe(100);
    expect(fieldPageSize({ HOIDAP_FIELD_PAGE_SIZE: '25' })).toBe(25);
    for (const bad of ['0', '-1', '2.5', 'abc']) expect(() => fieldPageSize({ HOIDAP_FIELD_PAGE_SIZE: bad })).toThrow(/HOIDAP_FIELD_PAGE_SIZE/);
  });
});

describe('topicAnchors', () => {
  it('gives every topic its own heading id, even when their names fold to the same words', () => {
    const anchors = topicAnchors(['Bảo vệ công trình điện', 'Khác', 'Điện', 'Diện', '!!!', undefined]);
    expect([...anchors.values()]).toEqual(['chu-de-bao-ve-cong-trinh-dien', 'chu-de-khac', 'chu-de-dien', 'chu-de-dien-2', 'chu-de-khac-2', 'chu-de-khac-3']);
  });
});
