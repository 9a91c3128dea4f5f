// Atom feeds are well-formed XML whatever the text, and every title round-trips exactly (issue 16,
// finding 8). Pure: builds feeds from a hostile context with buildAtomFeed and parses them with
// fast-xml-parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml, type ExportableEntry, type ExportContext } from '../../src/publish/export.ts';
import type { EntryData } from '../../src/schema/index.ts';

const HOSTILE = [
  'Câu hỏi <script>alert(1)</script> & "ngoặc" \'đơn\' ]]> <![CDATA[x]]>',
  'Word\u000Bline break, form\u000Cfeed, NUL\u0000, bell\u0007, DEL\u007F, C1\u0085, \uFFFE\uFFFF, lone \uD800 surrogate',
  '&amp; already escaped &lt;b&gt; and &#x26; numeric',
  'Tab\tnewline\nCR\r end',
];

function entry(id: string, question: string, i: number): ExportableEntry {
  const data = {
    id,
    question,
    summary: `Tóm tắt ${question}`,
    field: 'f',
    owner: 'u',
    levels: ['commune'],
    answered: '2025-01-01',
    reviewed: `2025-02-0${i + 1}`,
    status: 'published',
  } as EntryData;
  return { id, data, reviewDue: '2026-01-01', overdue: false, legalChanges: [] };
}

const ctx: ExportContext = {
  today: '2026-06-01',
  fields: new Map([['f', { name: 'Lĩnh vực <b>"đậm"</b> & \'x\' \u000B' }]]),
  units: new Map([['u', { name: 'Sở <Công> & "Thương"', level: 'province' as const }]]),
  documents: new Map(),
  entryUrl: (id) => `https://example.gov.vn/cau-hoi/${id}/?a=1&b=2`,
  siteUrl: 'https://example.gov.vn/',
};
const TITLE = 'Hỏi đáp <hai> cấp & "tỉnh" \'xã\'';

const feed = buildAtomFeed(
  HOSTILE.map((q, i) => entry(`e-${i}`, q, i)),
  ctx,
  { title: TITLE, id: 'https://example.gov.vn/feeds/all.xml', selfUrl: 'https://example.gov.vn/feeds/all.xml?x=<>&"', siteLink: ctx.siteUrl, updatedLabel: () => 'Rà soát <b>', changeLabel: () => 'Cập nhật <i>', withdrawnTitle: (q) => `Đã rút <x>: ${q}`, withdrawnSummary: () => 'Rút & <y>' },
);
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false });
const doc = parser.parse(feed).feed;
const decodeHtml = (s: string) => s.replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const textOf = (node: unknown) => (typeof node === 'string' ? node : (node as { '#text': string })['#text']);
/** What a feed can carry of a text: XML-invalid characters become spaces, nothing else changes. */
const carried = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu, ' ').replace(/\r\n?/g, '\n');

describe('a feed built from hostile text', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });
  it('keeps the feed title exactly, escaped once (no double escaping)', () => {
    expect(doc.title['@_type']).toBe('text');
    expect(textOf(doc.title)).toBe(TITLE);
    expect(feed).toContain('<title type="text">Hỏi đáp &lt;hai&gt; cấp &amp; &quot;tỉnh&quot; &apos;xã&apos;</title>');
  });
  it('keeps every entry title exactly: XML text is the HTML-escaped question', () => {
    const titles = [doc.entry].flat().map((e: { title: unknown }) => decodeHtml(textOf(e.title)));
    expect(titles.sort()).toEqual(HOSTILE.map(carried).sort());
    // The HTML an Atom reader renders shows markup as text: no live tag survives.
    for (const e of [doc.entry].flat()) expect(textOf(e.title)).not.toMatch(/<script/);
  });
  it('keeps field and unit names exactly in attributes and elements', () => {
    const first = [doc.entry].flat().find((e: { id: string }) => e.id.includes('/e-0/'));
    expect(first.category['@_label']).toBe(carried(ctx.fields.get('f')!.name));
    expect(first.author.name).toBe(ctx.units.get('u')!.name);
    expect(first.link['@_href']).toBe('https://example.gov.vn/cau-hoi/e-0/?a=1&b=2');
  });
  it('escapes the self link attribute', () => {
    const self = [doc.link].flat().find((l: Record<string, string>) => l['@_rel'] === 'self');
    expect(self['@_href']).toBe('https://example.gov.vn/feeds/all.xml?x=<>&"');
  });
});

describe('escapeXml', () => {
  it('escapes each special character once', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});
