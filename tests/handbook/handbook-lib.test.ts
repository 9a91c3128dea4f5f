// Unit tests of the handbook's pure logic (src/handbook/model.ts) and of the QR code SVG (src/publish/qr.ts).
import { describe, expect, it } from 'vitest';
import type { EntryData } from '../../src/schema/index.ts';
import { changeList, changedSince, contentVersion, entryAnchor, handbookPath, handbookSections, initialPageDigits, matchesLevel, ownersOf, pageDigits, pagePlaceholder, pagesOf, parseDests, selectEntries, supersededSince, tocMatches, tocModel, tocTargets, topicAnchor, type FilterItem, type SupersededItem } from '../../src/handbook/model.ts';
import { defaultOutName, handbookMaxEntries, parseHandbookOptions } from '../../src/handbook/options.ts';
import { QR_MARGIN, qrMatrix, qrMemoSize, qrPath, qrSvg, qrSvgUncached } from '../../src/publish/qr.ts';

function entry(id: string, over: Partial<EntryData> = {}) {
  const data = {
    id,
    question: `Câu hỏi ${id}?`,
    summary: 'Trả lời.',
    field: 'dien-luc',
    owner: 'so-cong-thuong',
    levels: ['commune'],
    answered: '2025-08-01',
    reviewed: '2025-08-01',
    status: 'published',
    ...over,
  } as EntryData;
  return { id, data };
}

describe('handbookSections: what a handbook holds, in which order', () => {
  const entries = [
    entry('b', { question: 'Bán lẻ điện?', topic: 'Mua bán điện' }),
    entry('a', { question: 'Ánh sáng?', topic: 'Mua bán điện' }),
    entry('z', { question: 'Đường dây?', topic: 'Bảo vệ công trình điện' }),
    entry('n', { question: 'Không chủ đề?' }),
    entry('draft', { status: 'draft', topic: 'Mua bán điện' }),
    entry('old', { status: 'superseded', superseded_by: 'a', topic: 'Mua bán điện' }),
    entry('land', { field: 'dat-dai', owner: 'so-tnmt', question: 'Đất?' }),
    entry('other', { field: 'hoa-chat' }),
  ];

  it('keeps published entries only, never drafts or superseded entries', () => {
    const ids = handbookSections(entries, ['dien-luc', 'dat-dai']).flatMap((s) => s.topics.flatMap((g) => g.entries.map((e) => e.id)));
    expect(ids).not.toContain('draft');
    expect(ids).not.toContain('old');
    expect(ids).not.toContain('other');
    expect(ids.sort()).toEqual(['a', 'b', 'land', 'n', 'z']);
  });

  it('orders fields as given, topics alphabetically (Vietnamese) with no topic last, questions inside', () => {
    const [power, land] = handbookSections(entries, ['dien-luc', 'dat-dai']);
    expect(power.field).toBe('dien-luc');
    expect(power.count).toBe(4);
    expect(power.topics.map((g) => g.topic)).toEqual(['Bảo vệ công trình điện', 'Mua bán điện', undefined]);
    expect(power.topics[1].entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(land.topics.map((g) => g.entries.map((e) => e.id))).toEqual([['land']]);
  });

  it('gives every field, topic and entry a stable anchor', () => {
    const [power] = handbookSections(entries, ['dien-luc']);
    expect(power.anchor).toBe('f-dien-luc');
    expect(power.topics.map((g) => g.anchor)).toEqual(['t-dien-luc-bao-ve-cong-trinh-dien', 't-dien-luc-mua-ban-dien', 't-dien-luc-khac']);
    expect(entryAnchor('hanh-lang')).toBe('q-hanh-lang');
    expect(topicAnchor('x', '???')).toBe('t-x-x');
  });

  it('an empty field is an empty section', () => {
    expect(handbookSections(entries, ['thuong-mai'])).toEqual([{ field: 'thuong-mai', anchor: 'f-thuong-mai', count: 0, topics: [] }]);
  });

  it('lists owners, most entries first', () => {
    const sections = handbookSections([...entries, entry('c', { owner: 'cuc-dien-luc' })], ['dien-luc', 'dat-dai']);
    expect(ownersOf(sections)).toEqual(['so-cong-thuong', 'cuc-dien-luc', 'so-tnmt']);
  });
});

describe('tocModel', () => {
  const sections = handbookSections([entry('b', { topic: 'Chủ đề' }), entry('a')], ['dien-luc']);
  const toc = tocModel(sections, (id) => (id === 'dien-luc' ? 'Điện lực' : id), 'Câu hỏi khác');

  it('is field > topic > question with the labels and anchors of the page', () => {
    expect(toc).toEqual([
      {
        field: 'dien-luc',
        target: 'f-dien-luc',
        label: 'Điện lực',
        groups: [
          { target: 't-dien-luc-chu-de', label: 'Chủ đề', items: [{ id: 'b', target: 'q-b', label: 'Câu hỏi b?' }] },
          { target: 't-dien-luc-khac', label: 'Câu hỏi khác', items: [{ id: 'a', target: 'q-a', label: 'Câu hỏi a?' }] },
        ],
      },
    ]);
  });

  it('lists its link targets in reading order', () => {
    expect(tocTargets(toc)).toEqual(['f-dien-luc', 't-dien-luc-chu-de', 'q-b', 't-dien-luc-khac', 'q-a']);
  });
});

describe('--level and --since', () => {
  const items: FilterItem[] = [
    { id: 'old', levels: ['commune'], answered: '2025-01-10', reviewed: '2025-02-01' },
    { id: 'reviewed', levels: ['commune', 'province'], answered: '2025-01-10', reviewed: '2026-03-01' },
    { id: 'new', levels: ['province'], answered: '2026-04-01', reviewed: '2026-04-01' },
    { id: 'edge', levels: ['ministry'], answered: '2026-01-01', reviewed: '2026-01-01' },
  ];

  it('--level keeps entries whose levels include it', () => {
    expect(matchesLevel(items[1], 'province')).toBe(true);
    expect(matchesLevel(items[0], 'province')).toBe(false);
    expect(matchesLevel(items[0], undefined)).toBe(true);
    expect(selectEntries(items, { level: 'province' }).map((i) => i.id)).toEqual(['reviewed', 'new']);
  });

  it('--since keeps entries answered or reviewed strictly after the date', () => {
    expect(changedSince(items[3], '2026-01-01')).toBe(false);
    expect(changedSince(items[3], '2025-12-31')).toBe(true);
    expect(changedSince(items[0], undefined)).toBe(true);
    expect(selectEntries(items, { since: '2026-01-01' }).map((i) => i.id)).toEqual(['reviewed', 'new']);
  });

  it('combines both, and no filter keeps everything in order', () => {
    expect(selectEntries(items, { level: 'commune', since: '2026-01-01' }).map((i) => i.id)).toEqual(['reviewed']);
    expect(selectEntries(items, {})).toEqual(items);
  });

  const superseded: SupersededItem[] = [
    // Its successor was answered after the date.
    { id: 's1', levels: ['commune'], answered: '2025-01-01', reviewed: '2025-01-01', successor: 'new', successorAnswered: '2026-04-01' },
    // Marked superseded (reviewed) after the date.
    { id: 's2', levels: ['province'], answered: '2025-01-01', reviewed: '2026-02-01', successor: 'old', successorAnswered: '2025-01-10' },
    // Long ago.
    { id: 's3', levels: ['commune'], answered: '2024-01-01', reviewed: '2024-01-01', successor: 'old', successorAnswered: '2025-01-10' },
    // Successor unknown to the handbook: only its own date counts.
    { id: 's4', levels: ['commune'], answered: '2024-01-01', reviewed: '2024-01-01', successor: 'gone' },
  ];

  it('dates a supersession by the entry\'s own review or its successor\'s answer', () => {
    expect(superseded.map((s) => supersededSince(s, '2026-01-01'))).toEqual([true, true, false, false]);
  });

  it('lists added, reviewed and superseded entries since the date', () => {
    const list = changeList(items, superseded, { since: '2026-01-01' });
    expect(list.added.map((i) => i.id)).toEqual(['new']);
    expect(list.changed.map((i) => i.id)).toEqual(['reviewed']);
    expect(list.superseded.map((i) => i.id)).toEqual(['s1', 's2']);
  });

  it('applies --level to the change list too', () => {
    const list = changeList(items, superseded, { since: '2026-01-01', level: 'commune' });
    expect(list.added).toEqual([]);
    expect(list.changed.map((i) => i.id)).toEqual(['reviewed']);
    expect(list.superseded.map((i) => i.id)).toEqual(['s1']);
  });
});

describe('page numbers', () => {
  const pdfinfo = [
    'Page  Destination                 Name',
    '   1 [ XYZ    0  767 null      ] "main"',
    '  13 [ XYZ    6  313 null      ] "q-a"',
    '  14 [ XYZ    6  250 null      ] "q-b"',
    '',
  ].join('\n');

  it('reads the named destinations of `pdfinfo -dests`', () => {
    expect(parseDests(pdfinfo)).toEqual(
      new Map([
        ['main', 1],
        ['q-a', 13],
        ['q-b', 14],
      ]),
    );
    expect(parseDests('')).toEqual(new Map());
  });

  it('finds the page of each target and reports the missing ones', () => {
    const { pages, missing } = pagesOf(['q-a', 'q-c', 'q-b'], parseDests(pdfinfo));
    expect([...pages]).toEqual([
      ['q-a', 13],
      ['q-b', 14],
    ]);
    expect(missing).toEqual(['q-c']);
  });

  it('checks that the printed numbers are the real ones', () => {
    const dests = parseDests(pdfinfo);
    expect(tocMatches(new Map([['q-a', 13]]), dests)).toBe(true);
    expect(tocMatches(new Map([['q-a', 12]]), dests)).toBe(false);
    expect(tocMatches(new Map([['q-x', 1]]), dests)).toBe(false);
  });

  it('sizes the page-number column: three digits at least, more for long handbooks', () => {
    expect([1, 99, 999, 1000, 25_000].map(pageDigits)).toEqual([3, 3, 3, 4, 5]);
    expect(pagePlaceholder(4)).toBe('0000');
  });

  it('starts the first pass wide enough for about three pages an entry', () => {
    expect(initialPageDigits(9)).toBe(3);
    expect(initialPageDigits(300)).toBe(3);
    expect(initialPageDigits(1098)).toBe(4);
  });
});

describe('command line', () => {
  const today = '2026-06-01';
  const parse = (positionals: string[], values: Record<string, string> = {}) => parseHandbookOptions(positionals, values, today);

  it('accepts a field id or "all", with the default output name', () => {
    expect(parse(['dien-luc'])).toEqual({ ok: true, options: { field: 'dien-luc', out: 'handbook-dien-luc.pdf', level: undefined, since: undefined, dist: undefined } });
    expect(parse(['all', ], { level: 'commune', since: '2026-01-31' })).toMatchObject({
      ok: true,
      options: { field: 'all', level: 'commune', since: '2026-01-31', out: 'handbook-all-commune-since-2026-01-31.pdf' },
    });
    expect(parse(['dat-dai'], { out: 'x/y.pdf', dist: 'dist' })).toMatchObject({ ok: true, options: { out: 'x/y.pdf', dist: 'dist' } });
  });

  it('names the output handbook-<field>[-<level>][-since-<date>].pdf', () => {
    expect(defaultOutName('dien-luc')).toBe('handbook-dien-luc.pdf');
    expect(defaultOutName('dien-luc', 'province')).toBe('handbook-dien-luc-province.pdf');
    expect(defaultOutName('all', undefined, '2026-01-01')).toBe('handbook-all-since-2026-01-01.pdf');
  });

  it('rejects what it cannot print, saying why', () => {
    const error = (r: ReturnType<typeof parse>) => (r.ok ? '' : r.error);
    expect(error(parse([]))).toMatch(/missing the field id/);
    expect(error(parse(['a', 'b']))).toMatch(/exactly one/);
    expect(error(parse(['Điện lực']))).toMatch(/not a field id/);
    expect(error(parse(['dien-luc'], { level: 'district' }))).toMatch(/--level must be one of commune, province, ministry/);
    expect(error(parse(['dien-luc'], { since: '01/06/2026' }))).toMatch(/--since must be a real date/);
    expect(error(parse(['dien-luc'], { since: '2026-02-30' }))).toMatch(/--since must be a real date/);
    expect(error(parse(['dien-luc'], { since: '2026-06-02' }))).toMatch(/after today/);
    expect(error(parse(['dien-luc'], { out: ' ' }))).toMatch(/--out/);
  });
});

describe('HOIDAP_HANDBOOK_MAX', () => {
  it('bounds the whole handbook, 5000 entries unless set', () => {
    expect(handbookMaxEntries({})).toBe(5000);
    expect(handbookMaxEntries({ HOIDAP_HANDBOOK_MAX: ' 20000 ' })).toBe(20000);
    expect(() => handbookMaxEntries({ HOIDAP_HANDBOOK_MAX: 'many' })).toThrow(/positive whole number/);
    expect(() => handbookMaxEntries({ HOIDAP_HANDBOOK_MAX: '0' })).toThrow(/positive whole number/);
  });
});

describe('paths and cover', () => {
  it('builds handbook paths', () => {
    expect(handbookPath()).toBe('so-tay/');
    expect(handbookPath('all')).toBe('so-tay/');
    expect(handbookPath('dien-luc')).toBe('so-tay/dien-luc/');
  });

  it('writes the content version as build date and short commit, or the date alone', () => {
    expect(contentVersion('2026-06-01', 'abc1234')).toBe('01/06/2026 · abc1234');
    expect(contentVersion('2026-06-01')).toBe('01/06/2026');
  });
});

describe('QR codes', () => {
  it('draws each dark module once, as runs of horizontal strokes inside the quiet zone', () => {
    const m = { size: 3, dark: (r: number, c: number) => (r === 0 ? c !== 1 : r === 2) };
    // Row 0: modules 0 and 2; row 1: none; row 2: 0..2.
    expect(qrPath(m, 4)).toBe('M4 4.5h1m1 0h1M4 6.5h3');
  });

  it('encodes a URL as a version-appropriate symbol', () => {
    const m = qrMatrix('http://localhost:4321/cau-hoi/hanh-lang-an-toan-luoi-dien/');
    expect(m.size).toBeGreaterThanOrEqual(21);
    expect((m.size - 17) % 4).toBe(0);
    // Finder pattern corners are dark.
    expect([m.dark(0, 0), m.dark(0, m.size - 1), m.dark(m.size - 1, 0)]).toEqual([true, true, true]);
  });

  it('is a small inline SVG with an accessible name', () => {
    const svg = qrSvgUncached('https://example.gov.vn/cau-hoi/x/', 'Mã QR "x" <y>', 'hb-qr-code');
    const side = qrMatrix('https://example.gov.vn/cau-hoi/x/').size + 2 * QR_MARGIN;
    expect(svg).toMatch(new RegExp(`^<svg class="hb-qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img"`));
    expect(svg).toContain('aria-label="Mã QR &quot;x&quot; &lt;y&gt;"');
    expect(svg.length).toBeLessThan(4000);
  });

  it('generates each code once per process', () => {
    const before = qrMemoSize();
    const first = qrSvg('https://example.gov.vn/memo/');
    expect(qrSvg('https://example.gov.vn/memo/')).toBe(first);
    expect(qrMemoSize()).toBe(before + 1);
  });
});
