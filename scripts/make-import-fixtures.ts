// Generates the sample files of `npm run import` (tests/fixtures/import/): a workbook, a CSV file, a
// CSV with custom headers plus its mapping, and a Word document, written with the libraries
// departments' own tools produce compatible files with (exceljs, papaparse, docx).
// Usage: node scripts/make-import-fixtures.ts
import fs from 'node:fs';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const OUT = path.resolve(import.meta.dirname, '../tests/fixtures/import');
/** Fixed timestamps so regenerated files differ only where the content does. */
const FIXED = new Date(Date.UTC(2026, 0, 15));
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

// ---------------------------------------------------------------------------------------------
// sample.xlsx: a title row, headers in Vietnamese, Excel dates and text dates, multi-line cells,
// a row missing its answer, an empty row, an unknown unit, an extra "Ghi chú" column.

async function makeXlsx(file: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sở Công Thương Nghệ An';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Hỏi đáp');
  const headers = [
    'STT', 'Câu hỏi', 'Trả lời ngắn', 'Nội dung trả lời', 'Căn cứ pháp lý', 'Lĩnh vực', 'Đơn vị trả lời', 'Cấp thực hiện',
    'Nơi hỏi', 'Ngày hỏi', 'Ngày trả lời', 'Được làm', 'Không được làm', 'Từ khóa', 'Ghi chú',
  ];
  ws.addRow(['DANH MỤC CÂU HỎI VÀ TRẢ LỜI VỀ PHÂN ĐỊNH THẨM QUYỀN CHÍNH QUYỀN ĐỊA PHƯƠNG HAI CẤP']);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([]);
  const headerRow = ws.addRow(headers);
  headerRow.font = { bold: true };

  const rows: (string | number | Date | null)[][] = [
    [
      1,
      'UBND cấp xã có trách nhiệm gì khi phát hiện nhà ở xây dựng trong hành lang bảo vệ an toàn lưới điện cao áp?',
      'UBND cấp xã lập biên bản, yêu cầu dừng thi công và báo cáo cơ quan có thẩm quyền xử lý; không tự cưỡng chế tháo dỡ khi chưa có quyết định.',
      'Khi phát hiện công trình vi phạm hành lang bảo vệ an toàn lưới điện cao áp, UBND cấp xã thực hiện:\n' +
        '- Lập biên bản vi phạm hành chính và yêu cầu chủ công trình dừng thi công;\n' +
        '- Thông báo cho đơn vị quản lý vận hành lưới điện;\n' +
        '- Báo cáo Sở Công Thương để phối hợp xử lý theo thẩm quyền.\n' +
        'Việc cưỡng chế tháo dỡ chỉ thực hiện khi có quyết định của cấp có thẩm quyền.',
      'Điều 22 khoản 3 Nghị định 62/2025/NĐ-CP\nNghị định 139/2025/NĐ-CP',
      'Điện lực',
      'Sở Công Thương Nghệ An',
      'xã, tỉnh',
      'UBND xã Hạnh Lâm, Nghệ An',
      day(2025, 8, 4),
      day(2025, 8, 12),
      'Lập biên bản vi phạm\nYêu cầu dừng thi công',
      'Tự cưỡng chế tháo dỡ công trình khi chưa có quyết định của cấp có thẩm quyền',
      'hành lang an toàn; lưới điện cao áp',
      null,
    ],
    [
      2,
      'Cấp xã có thẩm quyền cấp giấy phép hoạt động điện lực không?',
      null,
      'Không. Từ ngày 01/7/2025, giấy phép hoạt động điện lực đối với các dự án trên địa bàn tỉnh do Sở Công Thương cấp. ' +
        'UBND cấp xã tiếp nhận phản ánh và hướng dẫn tổ chức, cá nhân liên hệ Sở Công Thương để được giải quyết.',
      'Khoản 2 Điều 5 Nghị định 139/2025/NĐ-CP',
      'dien-luc',
      'so-cong-thuong-nghe-an',
      'Cấp tỉnh',
      null,
      null,
      '15/09/2025',
      null,
      null,
      'giấy phép, hoạt động điện lực',
      null,
    ],
    [
      3,
      'Hộ gia đình muốn mua điện trực tiếp từ lưới điện nông thôn thì liên hệ cơ quan nào?',
      null,
      null,
      null,
      'Điện lực',
      null,
      null,
      'UBND xã Hạnh Lâm',
      '2025-10-02',
      null,
      null,
      null,
      null,
      null,
    ],
    [],
    [
      4,
      'Ai cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình đã có nhà ở ổn định từ trước năm 2014?',
      'UBND cấp xã cấp giấy chứng nhận lần đầu cho hộ gia đình, cá nhân theo Luật Đất đai 2024.',
      'Từ ngày 01/7/2025, UBND cấp xã là cơ quan cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu cho hộ gia đình, cá nhân.\n\n' +
        'Hồ sơ nộp tại Bộ phận một cửa của xã.',
      'Luật Đất đai 2024, Điều 136',
      'Đất đai',
      'Phòng Kinh tế xã Hạnh Lâm',
      'xã',
      null,
      null,
      day(2025, 7, 20),
      null,
      null,
      null,
      'Cần Sở Nông nghiệp và Môi trường xác nhận lại',
    ],
    [
      5,
      'Xã có được kiểm tra an toàn điện đối với hộ sử dụng điện sinh hoạt không?',
      'Có. UBND cấp xã tuyên truyền và phối hợp với đơn vị điện lực kiểm tra an toàn điện nông thôn trên địa bàn.',
      'Có. UBND cấp xã tuyên truyền, vận động người dân sử dụng điện an toàn và phối hợp với đơn vị điện lực kiểm tra an toàn điện nông thôn.\n' +
        'Khi phát hiện nguy cơ mất an toàn, xã thông báo ngay cho đơn vị điện lực để xử lý.',
      'Thông tư 42/2025/TT-BCT',
      null,
      null,
      'xã, phường',
      null,
      'ngày 20 tháng 10 năm 2025',
      '2025-11-03',
      null,
      null,
      null,
      null,
    ],
  ];
  for (const r of rows) ws.addRow(r);
  for (const col of [10, 11]) ws.getColumn(col).numFmt = 'dd/mm/yyyy';
  ws.columns.forEach((c, i) => {
    c.width = [6, 40, 40, 60, 36, 12, 24, 12, 24, 12, 12, 30, 30, 24, 24][i] ?? 16;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  await wb.xlsx.writeFile(file);
}

// ---------------------------------------------------------------------------------------------
// sample.csv: "CSV UTF-8" as Excel saves it (BOM, CRLF), headers written differently (contract keys,
// capitals, no diacritics), multi-line quoted cells, a row without its answer, a row without its question.

function makeCsv(file: string) {
  const fields = ['STT', 'CÂU HỎI', 'summary', 'tra loi', 'Căn cứ', 'Đơn vị chủ trì', 'Cấp', 'Người hỏi', 'Ngày hỏi', 'Ngày trả lời', 'Chủ đề', 'Từ khoá'];
  const data = [
    [
      '1',
      'Hồ sơ đăng ký biến động đất đai nộp ở đâu sau khi sắp xếp đơn vị hành chính?',
      'Nộp tại Bộ phận một cửa của UBND cấp xã nơi có đất hoặc nộp trực tuyến trên Cổng dịch vụ công.',
      'Người sử dụng đất có thể nộp hồ sơ theo một trong các cách sau:\n1. Nộp trực tiếp tại Bộ phận một cửa của UBND cấp xã nơi có đất;\n2. Nộp trực tuyến trên Cổng dịch vụ công quốc gia.\nThời hạn giải quyết không quá 10 ngày làm việc.',
      'Điều 21 Nghị định 151/2025/NĐ-CP\nNghị định 101/2024/NĐ-CP https://vbpl.vn/nd-101-2024',
      'UBND xã Hạnh Lâm',
      'xã',
      'UBND xã Hạnh Lâm, Nghệ An',
      '04/08/2025',
      '2025-08-20',
      'Đăng ký đất đai',
      'đăng ký biến động; một cửa',
    ],
    ['2', 'Xã có được xác nhận nguồn gốc đất cho người đang sử dụng đất không có giấy tờ không?', '', '', '', '', '', 'UBND phường Vinh Phú', '10/09/2025', '', '', ''],
    ['3', '', '', 'Việc chỉnh lý biến động sau sáp nhập do Văn phòng đăng ký đất đai thực hiện, xã chỉ tiếp nhận hồ sơ.', '', '', 'xã', '', '', '01/10/2025', '', ''],
  ];
  fs.writeFileSync(file, `\uFEFF${Papa.unparse({ fields, data }, { newline: '\r\n' })}\r\n`);
}

/** custom.csv + custom-mapping.json: a department's own headers, mapped with --mapping. */
function makeMappedCsv(file: string, mappingFile: string) {
  const fields = ['Số TT', 'Vấn đề cần hỏi', 'Hướng dẫn của Sở', 'Ngày ban hành hướng dẫn', 'Ghi chú nội bộ'];
  const data = [
    ['1', 'Xã có phải báo cáo định kỳ tình hình sử dụng điện trong các công sở không?', 'Có. UBND cấp xã báo cáo 6 tháng một lần về Sở Công Thương. Mẫu báo cáo theo hướng dẫn của Sở.', '05/06/2025', 'đã gửi xã'],
  ];
  fs.writeFileSync(file, Papa.unparse({ fields, data }, { newline: '\n' }) + '\n');
  const mapping = { 'Vấn đề cần hỏi': 'question', 'Hướng dẫn của Sở': 'body', 'Ngày ban hành hướng dẫn': 'answered', 'Ghi chú nội bộ': null };
  fs.writeFileSync(mappingFile, `${JSON.stringify(mapping, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// sample.docx: a title, an introduction, section headings per field, a question as a heading,
// numbered "Câu hỏi 2:" / "Trả lời:" paragraphs, "Hỏi:" / "Đáp:", bold text, a list, a table, links,
// "Label: value" lines, and a question without an answer.

const p = (...runs: (string | TextRun | ExternalHyperlink)[]) =>
  new Paragraph({ children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r)) });
const bold = (text: string) => new TextRun({ text, bold: true });
const link = (text: string, href: string) => new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });
const bullet = (text: string) => new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });
const cell = (text: string, isHeader = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })], width: { size: 3000, type: WidthType.DXA } });

async function makeDocx(file: string) {
  const doc = new Document({
    creator: 'Sở Công Thương Nghệ An',
    title: 'Tài liệu hỏi đáp',
    sections: [
      {
        children: [
          new Paragraph({ text: 'TÀI LIỆU HỎI ĐÁP VỀ THẨM QUYỀN CỦA CHÍNH QUYỀN ĐỊA PHƯƠNG HAI CẤP', heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
          p('Tài liệu do Sở Công Thương Nghệ An tổng hợp từ câu hỏi của các xã, phường năm 2025.'),

          new Paragraph({ text: 'I. Lĩnh vực Điện lực', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: 'Câu 1. UBND cấp xã có được cấp giấy phép hoạt động điện lực cho dự án điện mặt trời mái nhà không?',
            heading: HeadingLevel.HEADING_3,
          }),
          p(bold('Trả lời:'), ' Không. Theo ', bold('Nghị định 139/2025/NĐ-CP'), ', giấy phép hoạt động điện lực do Sở Công Thương cấp. UBND cấp xã có trách nhiệm:'),
          bullet('Hướng dẫn tổ chức, cá nhân liên hệ Sở Công Thương;'),
          bullet('Phối hợp kiểm tra an toàn khi lắp đặt.'),
          p(bold('Căn cứ pháp lý:'), ' Khoản 2 Điều 5 Nghị định 139/2025/NĐ-CP'),
          p('Ngày trả lời: 12/09/2025'),
          p('Cấp thực hiện: tỉnh, xã'),

          p(bold('Câu hỏi 2:'), ' Việc kiểm tra an toàn điện nông thôn do cấp nào thực hiện?'),
          p(bold('Trả lời:'), ' Việc phân công thực hiện như sau:'),
          new Table({
            rows: [
              new TableRow({ children: [cell('Nội dung', true), cell('Cấp xã', true), cell('Cấp tỉnh', true)] }),
              new TableRow({ children: [cell('Tuyên truyền an toàn điện'), cell('Chủ trì'), cell('Hướng dẫn')] }),
              new TableRow({ children: [cell('Kiểm tra hành lang lưới điện'), cell('Phối hợp'), cell('Chủ trì')] }),
            ],
          }),
          p('Xem chi tiết tại ', link('Cổng thông tin Sở Công Thương', 'https://socongthuong.nghean.gov.vn/'), '.'),
          p('Đơn vị trả lời: Sở Công Thương Nghệ An'),
          p('Ngày trả lời: 2025-10-05'),

          new Paragraph({ text: 'II. Lĩnh vực Đất đai', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Đăng ký đất đai', heading: HeadingLevel.HEADING_3 }),
          p('Hỏi: Người dân nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu ở đâu?'),
          p(
            'Đáp: Người dân nộp hồ sơ tại ',
            bold('Bộ phận một cửa của UBND cấp xã'),
            ' nơi có đất. UBND cấp xã cấp giấy chứng nhận lần đầu cho hộ gia đình, cá nhân.',
          ),
          p(bold('Căn cứ pháp lý:')),
          bullet('Điều 136 Luật Đất đai 2024'),
          new Paragraph({ children: [new TextRun('Điều 5 '), link('Nghị định 151/2025/NĐ-CP', 'https://vbpl.vn/nd-151-2025')], bullet: { level: 0 } }),
          p('Đơn vị trả lời: UBND xã Hạnh Lâm'),
          p('Ngày trả lời: 20/8/2025'),
          p('Cấp thực hiện: xã'),

          p(bold('Câu hỏi 4:'), ' Xã có được thu hồi đất nông nghiệp để làm đường giao thông nông thôn không?'),
          p('Nơi hỏi: UBND xã Hạnh Lâm'),
        ],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

fs.mkdirSync(OUT, { recursive: true });
await makeXlsx(path.join(OUT, 'sample.xlsx'));
makeCsv(path.join(OUT, 'sample.csv'));
makeMappedCsv(path.join(OUT, 'custom.csv'), path.join(OUT, 'custom-mapping.json'));
await makeDocx(path.join(OUT, 'sample.docx'));
console.log(`Wrote sample.xlsx, sample.csv, custom.csv, custom-mapping.json and sample.docx to ${path.relative(process.cwd(), OUT) || OUT}`);
