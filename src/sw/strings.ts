// Vietnamese strings of the offline support: the banner and lists the service worker writes into
// pages, and the offline page (src/pages/offline.astro). Bundled into the worker, so kept small.

export type BannerReason = 'offline' | 'slow' | 'error';

export const offlineVi = {
  banner: {
    offline: 'Ngoại tuyến',
    slow: 'Mạng chậm',
    error: 'Máy chủ đang gặp sự cố',
    saved: (date: string) => `đang hiển thị bản đã lưu ngày ${date}`,
    savedUndated: 'đang hiển thị bản đã lưu trên máy này',
  },
  page: {
    title: 'Không có kết nối mạng',
    lead: 'Trang bạn mở chưa được lưu trên máy này nên không xem được khi mất mạng.',
    what: 'Những gì vẫn dùng được khi mất mạng',
    search: 'Tìm kiếm câu hỏi',
    searchHint: 'chỉ mục tìm kiếm đã được lưu; câu trả lời nào đã mở trước đây thì mở được.',
    home: 'Trang chủ',
    saved: 'Các trang đã lưu trên máy này',
    savedHint: 'Mỗi trang bạn mở khi có mạng được lưu lại để xem khi mất mạng.',
    noneSaved: 'Chưa có trang nào được lưu.',
    savedOn: (date: string) => `lưu ngày ${date}`,
    retry: 'Khi có mạng trở lại, hãy tải lại trang.',
  },
  /** A search result whose text is not on this device (shown instead of failing the whole search). */
  unsavedResult: {
    title: 'Kết quả chưa được lưu trên máy này',
    summary: 'Cần có mạng để xem câu trả lời này. Các câu trả lời đã mở trước đây vẫn xem được khi mất mạng.',
  },
} as const;
