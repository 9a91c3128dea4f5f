// The production build of small fixture roots and of the sample content: which pages exist and what
// they show. Sites are built once by tests/global-setup.ts.
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../../src/node/build-site.ts';
import { linksOf, readPage, textOf } from '../helpers/html.ts';

const sites = inject('sites');

describe('build of the minimal fixture root (HOIDAP_CONTENT)', () => {
  const out = sites.minimal;

  it('builds exactly that root: its fields, units, documents, published and superseded entries, never drafts', () => {
    const contentPages = htmlFiles(out).filter((f) => /^(cau-hoi\/|linh-vuc|don-vi|van-ban|so-tay\/[a-z0-9-]+\/)/.test(f));
    expect(contentPages).toEqual(
      [
        'linh-vuc/dat-dai/index.html',
        'linh-vuc/dien-luc/index.html',
        'don-vi/bo-cong-thuong/index.html',
        'don-vi/so-cong-thuong-nghe-an/index.html',
        'don-vi/ubnd-xa-hanh-lam/index.html',
        'cau-hoi/cap-gcn-cu/index.html',
        'cau-hoi/dang-ky-dat-dai-lan-dau/index.html',
        'cau-hoi/hanh-lang-an-toan-luoi-dien/index.html',
        'van-ban/nd-139-2025/index.html',
        'van-ban/nd-98-2020/index.html',
        'so-tay/dat-dai/index.html',
        'so-tay/dien-luc/index.html',
      ].sort(),
    );
    for (const fixed of ['index.html', '404.html', 'tim-kiem/index.html', 'ra-soat/index.html', 'so-tay/index.html', 'hoi/index.html', 'cau-hoi-dang-cho/index.html', 'thong-ke/index.html']) {
      expect(htmlFiles(out)).toContain(fixed);
    }
    for (const page of htmlFiles(out)) {
      const html = readPage(out, page);
      expect(html, page).not.toContain('ban-nhap-chua-xong');
      expect(html, page).not.toContain('Câu hỏi đang soạn thảo');
    }
  });

  it('serves every page in Vietnamese, without the sample notice for a non-sample root', () => {
    for (const page of htmlFiles(out)) {
      const html = readPage(out, page);
      expect(html, page).toMatch(/<html lang="vi"/);
      expect(html, page).not.toContain('Nội dung mẫu');
    }
  });

  it('shows everything an entry page promises', () => {
    const html = readPage(out, 'cau-hoi/hanh-lang-an-toan-luoi-dien/index.html');
    const text = textOf(html);
    expect(html).toMatch(/<h1[^>]*>UBND cấp xã có trách nhiệm gì trong bảo vệ hành lang an toàn lưới điện\?<\/h1>/);
    for (const expected of [
      'Trả lời ngắn',
      'UBND cấp xã tuyên truyền, phát hiện và phối hợp xử lý vi phạm',
      'Trả lời chi tiết',
      'Cấp nào làm gì',
      'Được làm',
      'Lập biên bản vi phạm',
      'Không được làm',
      'Tự cưỡng chế tháo dỡ công trình',
      'Căn cứ pháp lý',
      'Điều 22 khoản 3 tại Nghị định 62/2025/NĐ-CP',
      '139/2025/NĐ-CP',
      'Sở Công Thương Nghệ An',
      'socongthuong@nghean.gov.vn',
      '0238 3844 345',
      'Ngày trả lời 05/08/2025',
      'Rà soát lần cuối 01/10/2025',
      'Hạn rà soát tiếp theo 01/10/2026',
      'Câu hỏi liên quan',
      'xây nhà dưới đường dây điện',
    ]) {
      expect(text).toContain(expected);
    }
    expect(html).toContain('<strong>chi tiết</strong>');
    expect(html).toContain('href="/don-vi/so-cong-thuong-nghe-an/"');
    expect(html).toContain('href="/van-ban/nd-139-2025/"');
    expect(html).toContain('href="/cau-hoi/dang-ky-dat-dai-lan-dau/"');
    // Breadcrumbs: home > field > question.
    expect(html).toMatch(/<nav class="breadcrumbs"[^>]*>[\s\S]*href="\/"[\s\S]*href="\/linh-vuc\/dien-luc\/"/);
  });

  it('points a superseded entry to its successor and keeps it out of field lists', () => {
    const html = readPage(out, 'cau-hoi/cap-gcn-cu/index.html');
    expect(textOf(html)).toContain('Câu trả lời này đã được thay thế');
    expect(html).toContain('href="/cau-hoi/dang-ky-dat-dai-lan-dau/"');
    expect(readPage(out, 'linh-vuc/dat-dai/index.html')).not.toContain('cap-gcn-cu');
    expect(readPage(out, 'index.html')).not.toContain('cap-gcn-cu');
    // The owner still sees it.
    expect(readPage(out, 'don-vi/bo-cong-thuong/index.html')).toContain('/cau-hoi/cap-gcn-cu/');
  });

  it('lists entries on their field page grouped by topic, with counts on the home page', () => {
    const field = textOf(readPage(out, 'linh-vuc/dien-luc/index.html'));
    expect(field).toContain('Bảo vệ công trình điện');
    expect(field).toContain('1 câu hỏi');
    const home = textOf(readPage(out, 'index.html'));
    expect(home).toMatch(/Điện lực 1 câu hỏi/);
    expect(home).toMatch(/Đất đai 1 câu hỏi/);
    // Fields appear in their `order`.
    expect(home.indexOf('Điện lực')).toBeLessThan(home.indexOf('Đất đai'));
  });

  it('lists what a unit owns', () => {
    const text = textOf(readPage(out, 'don-vi/so-cong-thuong-nghe-an/index.html'));
    expect(text).toContain('UBND cấp xã có trách nhiệm gì');
    expect(text).toContain('Cấp tỉnh');
    expect(text).toContain('Bộ Công Thương'); // parent
  });
});

describe('build under a sub-path (SITE_BASE=/hoi-dap/)', () => {
  it('prefixes every internal link and asset with the base', () => {
    const out = sites.minimalBase;
    for (const page of htmlFiles(out)) {
      const links = linksOf(readPage(out, page)).filter((l) => l.startsWith('/'));
      expect(links.length, page).toBeGreaterThan(0);
      for (const link of links) expect(link, `${page}: ${link}`).toMatch(/^\/hoi-dap\//);
    }
  });
});

describe('build of the sample content', () => {
  const out = sites.sample;
  const entryPages = () => htmlFiles(out).filter((f) => f.startsWith('cau-hoi/'));

  it('publishes at least 36 entries, 8+ in each main field, across 5+ fields', () => {
    const published = entryPages().filter((f) => !textOf(readPage(out, f)).includes('Câu trả lời này đã được thay thế'));
    expect(published.length).toBeGreaterThanOrEqual(36);
    const home = textOf(readPage(out, 'index.html'));
    for (const field of ['Điện lực', 'Quản lý thị trường', 'Đất đai']) {
      const count = Number(new RegExp(`${field} (\\d+) câu hỏi`).exec(home)?.[1]);
      expect(count, field).toBeGreaterThanOrEqual(8);
    }
    expect(htmlFiles(out).filter((f) => f.startsWith('linh-vuc/')).length).toBeGreaterThanOrEqual(5);
  });

  it('has units at ministry, province and commune level', () => {
    const levels = htmlFiles(out)
      .filter((f) => f.startsWith('don-vi/'))
      .map((f) => textOf(readPage(out, f)));
    expect(levels.length).toBeGreaterThanOrEqual(6);
    for (const level of ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']) expect(levels.some((t) => t.includes(`Cấp ${level.slice(4)}`))).toBe(true);
  });

  it('marks every page as sample content', () => {
    // The CMS at /admin/ is an editing tool, not a page built from the content.
    for (const page of htmlFiles(out).filter((f) => !f.startsWith('admin/'))) expect(readPage(out, page), page).toContain('Nội dung mẫu');
  });
});
