// Freshness on entry pages, owner views, feeds and the JSON export, on the minimal fixture site
// (build date 2026-06-01), and its precompressed copies.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { exportSchema } from '../../src/schema/export.ts';
import { htmlFiles } from '../../src/node/build-site.ts';
import { readPage, textOf } from '../helpers/html.ts';

const out = inject('sites').minimal;

describe('freshness on entry pages', () => {
  const html = readPage(out, 'cau-hoi/hanh-lang-an-toan-luoi-dien/index.html');
  it('flags a legal basis changed after the last review, naming the document', () => {
    expect(html).toContain('data-legal-changed');
    expect(textOf(html)).toContain('Cần rà soát: căn cứ pháp lý đã thay đổi');
    expect(textOf(html)).toContain('98/2020/NĐ-CP: Đã được sửa đổi, bổ sung từ 15/01/2026');
  });
  it('lists the change history from what editors wrote (its dates here), never commit subjects', () => {
    // The fixture is in this repository: a git-based history would show developers' commit subjects.
    expect(textOf(html)).toMatch(/Lịch sử thay đổi 01\/10\/2025 ?: Rà soát, xác nhận còn đúng 05\/08\/2025 ?: Trả lời lần đầu Báo lỗi/);
  });
  it('has a report-a-problem link to the owning unit with id, URL and question', () => {
    const href = /href="([^"]+)" data-feedback/.exec(html)![1].replace(/&amp;/g, '&');
    expect(href).toMatch(/^mailto:socongthuong@nghean\.gov\.vn\?subject=/);
    const decoded = decodeURIComponent(href);
    expect(decoded).toContain('hanh-lang-an-toan-luoi-dien');
    expect(decoded).toContain('http://localhost:4321/cau-hoi/hanh-lang-an-toan-luoi-dien/');
    expect(decoded).toContain('UBND cấp xã có trách nhiệm gì');
  });
  it('does not flag an entry whose documents are unchanged', () => {
    expect(readPage(out, 'cau-hoi/dang-ky-dat-dai-lan-dau/index.html')).not.toContain('data-legal-changed');
  });
});

describe('owner views', () => {
  it('a unit page counts its entries by status, drafts included', () => {
    const html = readPage(out, 'don-vi/bo-cong-thuong/index.html');
    expect(html).toMatch(/data-state="superseded" data-count="1"/);
    expect(html).toMatch(/data-state="ok" data-count="1"/);
    const commune = readPage(out, 'don-vi/ubnd-xa-hanh-lam/index.html');
    expect(commune).toMatch(/data-state="draft" data-count="1"/);
  });
  it('the review page lists entries needing review, grouped by unit, with totals', () => {
    const html = readPage(out, 'ra-soat/index.html');
    expect(html).toMatch(/data-review-totals data-overdue="0" data-due-soon="0" data-legal="1"/);
    expect(html).toContain('data-unit="so-cong-thuong-nghe-an"');
    expect(html).toContain('data-entry-id="hanh-lang-an-toan-luoi-dien"');
    expect(html).not.toContain('data-entry-id="dang-ky-dat-dai-lan-dau"');
  });
  it('document pages list the entries citing them', () => {
    expect(textOf(readPage(out, 'van-ban/nd-98-2020/index.html'))).toContain('UBND cấp xã có trách nhiệm gì');
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  for (const feed of ['feeds/all.xml', 'feeds/dien-luc.xml', 'feeds/dat-dai.xml']) {
    it(`${feed} is a valid Atom feed of published entries`, () => {
      const xml = readPage(out, feed);
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = parser.parse(xml).feed;
      expect(doc['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(doc.title).toBeTruthy();
      const entries = [doc.entry ?? []].flat();
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.id).toMatch(/^http:\/\/localhost:4321\/cau-hoi\/[a-z0-9-]+\/$/);
        expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      expect(xml).not.toContain('cap-gcn-cu');
      expect(xml).not.toContain('ban-nhap-chua-xong');
    });
  }
  it('has one feed per field', () => {
    expect(htmlFiles(out).filter((f) => f.startsWith('linh-vuc/')).length).toBe(2);
    expect(readPage(out, 'feeds/dien-luc.xml')).toContain('hanh-lang-an-toan-luoi-dien');
    expect(readPage(out, 'feeds/dien-luc.xml')).not.toContain('dang-ky-dat-dai-lan-dau');
  });
});

describe('JSON export', () => {
  const data = JSON.parse(readPage(out, 'data/entries.json'));
  it('matches its versioned schema', () => {
    const parsed = exportSchema.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(data.version).toBe(1);
  });
  it('holds every non-draft entry with its review state', () => {
    expect(data.entries.map((e: { id: string }) => e.id)).toEqual(['cap-gcn-cu', 'dang-ky-dat-dai-lan-dau', 'hanh-lang-an-toan-luoi-dien']);
    const old = data.entries[0];
    expect(old).toMatchObject({ status: 'superseded', supersededBy: 'dang-ky-dat-dai-lan-dau', overdue: true });
    const power = data.entries[2];
    expect(power).toMatchObject({
      url: 'http://localhost:4321/cau-hoi/hanh-lang-an-toan-luoi-dien/',
      field: 'dien-luc',
      owner: 'so-cong-thuong-nghe-an',
      levels: ['commune'],
      answered: '2025-08-05',
      reviewed: '2025-10-01',
      reviewDue: '2026-10-01',
      overdue: false,
    });
    expect(power.legalBasisChanged).toEqual([{ ref: 'nd-98-2020', number: '98/2020/NĐ-CP', status: 'amended', changed: '2026-01-15' }]);
  });
  it('publishes its JSON Schema', () => {
    const schema = JSON.parse(readPage(out, 'data/entries.schema.json'));
    expect(schema.properties.entries.items.required).toEqual(expect.arrayContaining(['id', 'url', 'reviewDue', 'overdue', 'supersededBy']));
  });
});

describe('precompressed copies', () => {
  it('has .br and .gz copies of the home and search pages (every search starts there), not of other pages', () => {
    for (const page of ['index.html', 'tim-kiem/index.html']) {
      const html = fs.readFileSync(path.join(out, page));
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(out, `${page}.br`))).equals(html), page).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(out, `${page}.gz`))).equals(html), page).toBe(true);
    }
    expect(htmlFiles(out).filter((f) => fs.existsSync(path.join(out, `${f}.br`))).sort()).toEqual(['index.html', 'tim-kiem/index.html']);
  });
});
