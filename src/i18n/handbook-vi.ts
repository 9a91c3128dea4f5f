// Vietnamese strings of the printable handbook, available as `t.handbook` (see vi.ts).
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
  /** The same, in the page header of the PDF. */
  sinceShort: (date: string) => `Thay đổi sau ngày ${date}`,
  toc: 'Mục lục',
  empty: 'Không có câu hỏi nào phù hợp.',
  perField: 'Sổ tay theo lĩnh vực',
  onDemand: (n: number) =>
    `Kho có ${n} câu hỏi, nên sổ tay của từng lĩnh vực không đăng trên trang này mà được in theo yêu cầu.`,
  tooLarge: (n: number) => `Sổ tay toàn bộ có ${n} câu hỏi, quá lớn để in thành một cuốn. Hãy in sổ tay của từng lĩnh vực.`,
  webIntro:
    'Bản in của các câu hỏi đã công bố, mỗi câu kèm mã QR dẫn đến câu trả lời trực tuyến. Dùng chức năng In của trình duyệt để in hoặc lưu thành tệp PDF.',
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
    changedOn: (date: string, note: string) => `thay đổi ngày ${date}: ${note}`,
  },
  /** PDF page header and footer. */
  page: 'Trang',
} as const;

export type HandbookStrings = typeof handbookVi;
