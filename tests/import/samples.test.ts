// `npm run import` on the sample files of tests/fixtures/import: every entry compared field by field
// with what the department meant, and the result passes the content checks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/run.ts';
import type { ImportReport } from '../../src/import/types.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import type { EntryData } from '../../src/schema/index.ts';
import { FIXTURE_TODAY, FIXTURES, makeRoot } from '../helpers/fixture-root.ts';

const SAMPLES = path.join(FIXTURES, 'import');
const OWNER = 'so-cong-thuong-nghe-an';

interface Expected {
  file: string;
  data: EntryData;
  body: string;
  /** Substrings the comments at the top of the frontmatter must contain. */
  comments: string[];
}

async function importSample(name: string, field: string) {
  const root = makeRoot();
  const report = await runImport({ input: path.join(SAMPLES, name), root, field, owner: OWNER, today: FIXTURE_TODAY });
  const { model, issues } = readContentRoot(root, FIXTURE_TODAY);
  return { root, report, model, issues };
}

function compare(root: string, model: ReturnType<typeof readContentRoot>['model'], report: ImportReport, expected: Expected[]) {
  const imported = model.entries.filter((e) => e.file.includes(`${path.sep}imported${path.sep}`));
  expect(imported.map((e) => e.id).sort()).toEqual(expected.map((e) => e.data.id).sort());
  for (const exp of expected) {
    const got = imported.find((e) => e.id === exp.data.id)!;
    expect(path.relative(root, got.file)).toBe(exp.file);
    for (const key of new Set([...Object.keys(exp.data), ...Object.keys(got.data)]) as Set<keyof EntryData>) {
      expect(got.data[key], `${exp.data.id}: ${key}`).toEqual(exp.data[key]);
    }
    expect(got.body.trim(), `${exp.data.id}: body`).toBe(exp.body);
    const source = fs.readFileSync(got.file, 'utf8');
    const frontmatter = source.slice(0, source.indexOf('\n---', 4));
    for (const c of exp.comments) expect(frontmatter, `${exp.data.id}: comments`).toContain(c);
    expect(report.created.find((c) => c.id === exp.data.id)?.status).toBe(exp.data.status);
  }
}

describe('importing sample.xlsx', async () => {
  const { root, report, model, issues } = await importSample('sample.xlsx', 'dien-luc');
  const expected: Expected[] = [
    {
      file: 'entries/dien-luc/imported/ubnd-cap-xa-co-trach-nhiem-gi-khi-phat-hien-nha-o-xay-dung-trong-hanh-lang-bao.md',
      data: {
        id: 'ubnd-cap-xa-co-trach-nhiem-gi-khi-phat-hien-nha-o-xay-dung-trong-hanh-lang-bao',
        question: 'UBND cấp xã có trách nhiệm gì khi phát hiện nhà ở xây dựng trong hành lang bảo vệ an toàn lưới điện cao áp?',
        summary:
          'UBND cấp xã lập biên bản, yêu cầu dừng thi công và báo cáo cơ quan có thẩm quyền xử lý; không tự cưỡng chế tháo dỡ khi chưa có quyết định.',
        field: 'dien-luc',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune', 'province'],
        legal_basis: [
          { document: 'Nghị định 62/2025/NĐ-CP', article: 'Điều 22 khoản 3' },
          { document: 'Nghị định 139/2025/NĐ-CP', ref: 'nd-139-2025' },
        ],
        can: ['Lập biên bản vi phạm', 'Yêu cầu dừng thi công'],
        cannot: ['Tự cưỡng chế tháo dỡ công trình khi chưa có quyết định của cấp có thẩm quyền'],
        asked_by: 'UBND xã Hạnh Lâm, Nghệ An',
        asked: '2025-08-04',
        answered: '2025-08-12',
        reviewed: '2025-08-12',
        status: 'published',
        tags: ['hành lang an toàn', 'lưới điện cao áp'],
      },
      body: [
        'Khi phát hiện công trình vi phạm hành lang bảo vệ an toàn lưới điện cao áp, UBND cấp xã thực hiện:',
        '',
        '- Lập biên bản vi phạm hành chính và yêu cầu chủ công trình dừng thi công;',
        '- Thông báo cho đơn vị quản lý vận hành lưới điện;',
        '- Báo cáo Sở Công Thương để phối hợp xử lý theo thẩm quyền.',
        '',
        'Việc cưỡng chế tháo dỡ chỉ thực hiện khi có quyết định của cấp có thẩm quyền.',
      ].join('\n'),
      comments: ['# Imported by "npm run import" from sample.xlsx, row 4, on 2026-06-01.'],
    },
    {
      file: 'entries/dien-luc/imported/cap-xa-co-tham-quyen-cap-giay-phep-hoat-dong-dien-luc-khong.md',
      data: {
        id: 'cap-xa-co-tham-quyen-cap-giay-phep-hoat-dong-dien-luc-khong',
        question: 'Cấp xã có thẩm quyền cấp giấy phép hoạt động điện lực không?',
        summary:
          'Không. Từ ngày 01/7/2025, giấy phép hoạt động điện lực đối với các dự án trên địa bàn tỉnh do Sở Công Thương cấp. UBND cấp xã tiếp nhận phản ánh và hướng dẫn tổ chức, cá nhân liên hệ Sở Công Thương để được giải quyết.',
        field: 'dien-luc',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['province'],
        legal_basis: [{ document: 'Nghị định 139/2025/NĐ-CP', article: 'Khoản 2 Điều 5', ref: 'nd-139-2025' }],
        answered: '2025-09-15',
        reviewed: '2025-09-15',
        status: 'published',
        tags: ['giấy phép', 'hoạt động điện lực'],
      },
      body:
        'Không. Từ ngày 01/7/2025, giấy phép hoạt động điện lực đối với các dự án trên địa bàn tỉnh do Sở Công Thương cấp. UBND cấp xã tiếp nhận phản ánh và hướng dẫn tổ chức, cá nhân liên hệ Sở Công Thương để được giải quyết.',
      comments: ['# NEEDS REVIEW: short answer (Trả lời ngắn) generated from the first sentence(s) of the answer.'],
    },
    {
      file: 'entries/dien-luc/imported/ho-gia-dinh-muon-mua-dien-truc-tiep-tu-luoi-dien-nong-thon-thi-lien-he-co-quan.md',
      data: {
        id: 'ho-gia-dinh-muon-mua-dien-truc-tiep-tu-luoi-dien-nong-thon-thi-lien-he-co-quan',
        question: 'Hộ gia đình muốn mua điện trực tiếp từ lưới điện nông thôn thì liên hệ cơ quan nào?',
        summary: 'Chưa có câu trả lời.',
        field: 'dien-luc',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        asked_by: 'UBND xã Hạnh Lâm',
        asked: '2025-10-02',
        answered: '2026-06-01',
        reviewed: '2026-06-01',
        status: 'draft',
      },
      body: '',
      comments: [
        '# DRAFT, missing: answer (Trả lời).',
        '# NEEDS REVIEW: levels not given: set to commune (xã).',
        '# NEEDS REVIEW: answer date set to the import date 2026-06-01 (no Ngày trả lời given).',
      ],
    },
    {
      file: 'entries/dat-dai/imported/ai-cap-giay-chung-nhan-quyen-su-dung-dat-cho-ho-gia-dinh-da-co-nha-o-on-dinh-tu.md',
      data: {
        id: 'ai-cap-giay-chung-nhan-quyen-su-dung-dat-cho-ho-gia-dinh-da-co-nha-o-on-dinh-tu',
        question: 'Ai cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình đã có nhà ở ổn định từ trước năm 2014?',
        summary: 'UBND cấp xã cấp giấy chứng nhận lần đầu cho hộ gia đình, cá nhân theo Luật Đất đai 2024.',
        field: 'dat-dai',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        legal_basis: [{ document: 'Luật Đất đai 2024', article: 'Điều 136' }],
        answered: '2025-07-20',
        reviewed: '2025-07-20',
        status: 'draft',
      },
      body: [
        'Từ ngày 01/7/2025, UBND cấp xã là cơ quan cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu cho hộ gia đình, cá nhân.',
        '',
        'Hồ sơ nộp tại Bộ phận một cửa của xã.',
      ].join('\n'),
      comments: [
        '# DRAFT, missing: owner (Đơn vị trả lời) "Phòng Kinh tế xã Hạnh Lâm" is not a unit of the content root',
        '# Column "Ghi chú" (not imported): Cần Sở Nông nghiệp và Môi trường xác nhận lại',
      ],
    },
    {
      file: 'entries/dien-luc/imported/xa-co-duoc-kiem-tra-an-toan-dien-doi-voi-ho-su-dung-dien-sinh-hoat-khong.md',
      data: {
        id: 'xa-co-duoc-kiem-tra-an-toan-dien-doi-voi-ho-su-dung-dien-sinh-hoat-khong',
        question: 'Xã có được kiểm tra an toàn điện đối với hộ sử dụng điện sinh hoạt không?',
        summary: 'Có. UBND cấp xã tuyên truyền và phối hợp với đơn vị điện lực kiểm tra an toàn điện nông thôn trên địa bàn.',
        field: 'dien-luc',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        legal_basis: [{ document: 'Thông tư 42/2025/TT-BCT' }],
        asked: '2025-10-20',
        answered: '2025-11-03',
        reviewed: '2025-11-03',
        status: 'published',
      },
      body: [
        'Có. UBND cấp xã tuyên truyền, vận động người dân sử dụng điện an toàn và phối hợp với đơn vị điện lực kiểm tra an toàn điện nông thôn.',
        '',
        'Khi phát hiện nguy cơ mất an toàn, xã thông báo ngay cho đơn vị điện lực để xử lý.',
      ].join('\n'),
      comments: [],
    },
  ];

  it('converts every row, the row without an answer and the row with an unknown unit as drafts', () => {
    expect(report.ok).toBe(true);
    expect(report.skipped).toEqual([]);
    expect(report.created.map((c) => [c.source, c.status])).toEqual([
      ['row 4', 'published'],
      ['row 5', 'published'],
      ['row 6', 'draft'],
      ['row 8', 'draft'],
      ['row 9', 'published'],
    ]);
    expect(report.notes).toEqual([expect.stringContaining('column "Ghi chú" matches no entry key')]);
  });

  it('writes entries equal to the expected ones, field by field', () => {
    compare(root, model, report, expected);
  });

  it('leaves a content root that passes npm run check', () => {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('importing sample.csv', async () => {
  const { root, report, model, issues } = await importSample('sample.csv', 'dat-dai');
  const expected: Expected[] = [
    {
      file: 'entries/dat-dai/imported/ho-so-dang-ky-bien-dong-dat-dai-nop-o-dau-sau-khi-sap-xep-don-vi-hanh-chinh.md',
      data: {
        id: 'ho-so-dang-ky-bien-dong-dat-dai-nop-o-dau-sau-khi-sap-xep-don-vi-hanh-chinh',
        question: 'Hồ sơ đăng ký biến động đất đai nộp ở đâu sau khi sắp xếp đơn vị hành chính?',
        summary: 'Nộp tại Bộ phận một cửa của UBND cấp xã nơi có đất hoặc nộp trực tuyến trên Cổng dịch vụ công.',
        field: 'dat-dai',
        owner: 'ubnd-xa-hanh-lam',
        levels: ['commune'],
        topic: 'Đăng ký đất đai',
        legal_basis: [
          { document: 'Nghị định 151/2025/NĐ-CP', article: 'Điều 21' },
          { document: 'Nghị định 101/2024/NĐ-CP', url: 'https://vbpl.vn/nd-101-2024' },
        ],
        asked_by: 'UBND xã Hạnh Lâm, Nghệ An',
        asked: '2025-08-04',
        answered: '2025-08-20',
        reviewed: '2025-08-20',
        status: 'published',
        tags: ['đăng ký biến động', 'một cửa'],
      },
      body: [
        'Người sử dụng đất có thể nộp hồ sơ theo một trong các cách sau:',
        '',
        '1. Nộp trực tiếp tại Bộ phận một cửa của UBND cấp xã nơi có đất;',
        '2. Nộp trực tuyến trên Cổng dịch vụ công quốc gia.',
        '',
        'Thời hạn giải quyết không quá 10 ngày làm việc.',
      ].join('\n'),
      comments: ['from sample.csv, row 2'],
    },
    {
      file: 'entries/dat-dai/imported/xa-co-duoc-xac-nhan-nguon-goc-dat-cho-nguoi-dang-su-dung-dat-khong-co-giay-to.md',
      data: {
        id: 'xa-co-duoc-xac-nhan-nguon-goc-dat-cho-nguoi-dang-su-dung-dat-khong-co-giay-to',
        question: 'Xã có được xác nhận nguồn gốc đất cho người đang sử dụng đất không có giấy tờ không?',
        summary: 'Chưa có câu trả lời.',
        field: 'dat-dai',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        asked_by: 'UBND phường Vinh Phú',
        asked: '2025-09-10',
        answered: '2026-06-01',
        reviewed: '2026-06-01',
        status: 'draft',
      },
      body: '',
      comments: ['# DRAFT, missing: answer (Trả lời).'],
    },
    {
      file: 'entries/dat-dai/imported/chua-co-cau-hoi-row-4.md',
      data: {
        id: 'chua-co-cau-hoi-row-4',
        question: 'Chưa có câu hỏi (row 4)',
        summary: 'Việc chỉnh lý biến động sau sáp nhập do Văn phòng đăng ký đất đai thực hiện, xã chỉ tiếp nhận hồ sơ.',
        field: 'dat-dai',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        answered: '2025-10-01',
        reviewed: '2025-10-01',
        status: 'draft',
      },
      body: 'Việc chỉnh lý biến động sau sáp nhập do Văn phòng đăng ký đất đai thực hiện, xã chỉ tiếp nhận hồ sơ.',
      comments: ['# DRAFT, missing: question (Câu hỏi).', '# NEEDS REVIEW: short answer (Trả lời ngắn) generated'],
    },
  ];

  it('reads UTF-8 with BOM, loose headers ("CÂU HỎI", "tra loi", "Từ khoá") and multi-line cells', () => {
    expect(report.ok).toBe(true);
    expect(report.created.map((c) => c.status)).toEqual(['published', 'draft', 'draft']);
    compare(root, model, report, expected);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('importing sample.docx', async () => {
  const { root, report, model, issues } = await importSample('sample.docx', 'dien-luc');
  const expected: Expected[] = [
    {
      file: 'entries/dien-luc/imported/ubnd-cap-xa-co-duoc-cap-giay-phep-hoat-dong-dien-luc-cho-du-an-dien-mat-troi-mai.md',
      data: {
        id: 'ubnd-cap-xa-co-duoc-cap-giay-phep-hoat-dong-dien-luc-cho-du-an-dien-mat-troi-mai',
        question: 'UBND cấp xã có được cấp giấy phép hoạt động điện lực cho dự án điện mặt trời mái nhà không?',
        summary:
          'Không. Theo Nghị định 139/2025/NĐ-CP, giấy phép hoạt động điện lực do Sở Công Thương cấp. UBND cấp xã có trách nhiệm: Hướng dẫn tổ chức, cá nhân liên hệ Sở Công Thương; Phối hợp kiểm tra an toàn khi lắp đặt.',
        field: 'dien-luc',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['province', 'commune'],
        legal_basis: [{ document: 'Nghị định 139/2025/NĐ-CP', article: 'Khoản 2 Điều 5', ref: 'nd-139-2025' }],
        answered: '2025-09-12',
        reviewed: '2025-09-12',
        status: 'published',
      },
      body: [
        'Không. Theo **Nghị định 139/2025/NĐ-CP**, giấy phép hoạt động điện lực do Sở Công Thương cấp. UBND cấp xã có trách nhiệm:',
        '',
        '- Hướng dẫn tổ chức, cá nhân liên hệ Sở Công Thương;',
        '- Phối hợp kiểm tra an toàn khi lắp đặt.',
      ].join('\n'),
      comments: ['from sample.docx, question 1'],
    },
    {
      file: 'entries/dien-luc/imported/viec-kiem-tra-an-toan-dien-nong-thon-do-cap-nao-thuc-hien.md',
      data: {
        id: 'viec-kiem-tra-an-toan-dien-nong-thon-do-cap-nao-thuc-hien',
        question: 'Việc kiểm tra an toàn điện nông thôn do cấp nào thực hiện?',
        summary:
          'Việc phân công thực hiện như sau: Tuyên truyền an toàn điện (Cấp xã: Chủ trì; Cấp tỉnh: Hướng dẫn); Kiểm tra hành lang lưới điện (Cấp xã: Phối hợp; Cấp tỉnh: Chủ trì). Xem chi tiết tại Cổng thông tin Sở Công Thương.',
        field: 'dien-luc',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        answered: '2025-10-05',
        reviewed: '2025-10-05',
        status: 'published',
      },
      body: [
        'Việc phân công thực hiện như sau:',
        '',
        '| Nội dung | Cấp xã | Cấp tỉnh |',
        '| --- | --- | --- |',
        '| Tuyên truyền an toàn điện | Chủ trì | Hướng dẫn |',
        '| Kiểm tra hành lang lưới điện | Phối hợp | Chủ trì |',
        '',
        'Xem chi tiết tại [Cổng thông tin Sở Công Thương](https://socongthuong.nghean.gov.vn/).',
      ].join('\n'),
      comments: ['# NEEDS REVIEW: levels not given: set to commune (xã).'],
    },
    {
      file: 'entries/dat-dai/imported/nguoi-dan-nop-ho-so-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau-o-dau.md',
      data: {
        id: 'nguoi-dan-nop-ho-so-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau-o-dau',
        question: 'Người dân nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu ở đâu?',
        summary: 'Người dân nộp hồ sơ tại Bộ phận một cửa của UBND cấp xã nơi có đất. UBND cấp xã cấp giấy chứng nhận lần đầu cho hộ gia đình, cá nhân.',
        field: 'dat-dai',
        owner: 'ubnd-xa-hanh-lam',
        levels: ['commune'],
        topic: 'Đăng ký đất đai',
        legal_basis: [
          { document: 'Luật Đất đai 2024', article: 'Điều 136' },
          { document: 'Nghị định 151/2025/NĐ-CP', article: 'Điều 5', url: 'https://vbpl.vn/nd-151-2025' },
        ],
        answered: '2025-08-20',
        reviewed: '2025-08-20',
        status: 'published',
      },
      body: 'Người dân nộp hồ sơ tại **Bộ phận một cửa của UBND cấp xã** nơi có đất. UBND cấp xã cấp giấy chứng nhận lần đầu cho hộ gia đình, cá nhân.',
      comments: [],
    },
    {
      file: 'entries/dat-dai/imported/xa-co-duoc-thu-hoi-dat-nong-nghiep-de-lam-duong-giao-thong-nong-thon-khong.md',
      data: {
        id: 'xa-co-duoc-thu-hoi-dat-nong-nghiep-de-lam-duong-giao-thong-nong-thon-khong',
        question: 'Xã có được thu hồi đất nông nghiệp để làm đường giao thông nông thôn không?',
        summary: 'Chưa có câu trả lời.',
        field: 'dat-dai',
        owner: 'so-cong-thuong-nghe-an',
        levels: ['commune'],
        topic: 'Đăng ký đất đai',
        asked_by: 'UBND xã Hạnh Lâm',
        answered: '2026-06-01',
        reviewed: '2026-06-01',
        status: 'draft',
      },
      body: '',
      comments: ['# DRAFT, missing: answer (Trả lời).'],
    },
  ];

  it('finds questions by heading, "Câu hỏi 2:" / "Trả lời:" and "Hỏi:" / "Đáp:", with fields from the section headings', () => {
    expect(report.ok).toBe(true);
    expect(report.created.map((c) => c.source)).toEqual(['question 1', 'question 2', 'question 3', 'question 4']);
    expect(report.notes).toEqual([expect.stringContaining('text before the first question was not imported: "Tài liệu do Sở Công Thương')]);
  });

  it('converts bold, lists, tables and links to Markdown and fills keys from "Label: value" lines', () => {
    compare(root, model, report, expected);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
