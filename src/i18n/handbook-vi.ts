// Vietnamese strings of the printable handbook (issue 5), meant to be merged into vi.ts as `handbook`.
// The labels an entry shares with its web page (short answer, legal basis…) come from `t.entryPage`.
export const handbookVi = {
  title: 'Sổ tay hỏi đáp',
  crumb: 'Sổ tay',
  allFields: 'Tất cả lĩnh vực',
  field: 'Lĩnh vực',
  owners: 'Đơn vị chủ trì',
  entryCount: (n: number) => `${n} câu hỏi`,
  contentVersion: 'Phiên bản nội dung',
  printedOn: 'Ngày in',
  /** Before each entry's print date, next to its review dates. */
  printedShort: 'In ngày',
  reviewedShort: 'Rà soát',
  reviewDueShort: 'Hạn rà soát',
  level: 'Cấp thực hiện',
  sinceFilter: (date: string) => `Chỉ gồm câu hỏi mới hoặc được rà soát sau ngày ${date}`,
  toc: 'Mục lục',
  empty: 'Không có câu hỏi nào phù hợp.',
  perField: 'Sổ tay theo lĩnh vực',
  webIntro:
    'Bản in của các câu hỏi đã công bố, kèm mã QR dẫn đến câu trả lời trực tuyến. In trực tiếp từ trình duyệt, hoặc tạo tệp PDF có số trang bằng lệnh npm run handbook.',
  qrLabel: (url: string) => `Mã QR của câu trả lời trực tuyến: ${url}`,
  changes: {
    title: (date: string) => `Thay đổi từ sau ngày ${date}`,
    added: 'Câu hỏi mới',
    changed: 'Câu trả lời được rà soát lại',
    superseded: 'Câu trả lời đã được thay thế',
    replacedBy: 'Thay bằng:',
    none: 'Không có.',
    answeredOn: (date: string) => `trả lời ngày ${date}`,
    reviewedOn: (date: string) => `rà soát ngày ${date}`,
  },
  /** PDF page header and footer. */
  page: 'Trang',
} as const;

export type HandbookStrings = typeof handbookVi;
