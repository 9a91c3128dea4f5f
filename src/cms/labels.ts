// What the CMS shows staff, in Vietnamese: collection names, field labels, hints and option labels.
// Presentation only: keys, required flags, options and formats come from the zod schemas
// (./contract.ts). A key of the contract without a label here is shown by its key name (and the CMS
// test fails, so a new key gets a label).
import { t } from '../i18n/index.ts';
import { SUMMARY_MAX } from '../schema/index.ts';

export interface FieldText {
  label: string;
  hint?: string;
  /** Multi-line input for long text. */
  multiline?: boolean;
  /** Singular label for the "add" button of a list. */
  singular?: string;
  /** A new entry starts with today's date. */
  defaultToday?: boolean;
}

export type CollectionKey = 'entries' | 'fields' | 'units' | 'documents' | 'synonyms' | 'questions';

const ID_RULE = 'Chỉ gồm chữ thường không dấu (a-z), chữ số và dấu gạch nối';
export const SLUG_MESSAGE = 'Chỉ dùng chữ thường không dấu (a-z), chữ số (0-9) và một dấu gạch nối giữa các từ, ví dụ: hanh-lang-an-toan';
const DATE_HINT = 'Ngày theo lịch (ngày/tháng/năm), không được sau ngày hôm nay.';

export const COLLECTIONS: Record<CollectionKey, { label: string; singular: string; description: string; icon: string }> = {
  entries: {
    label: 'Câu hỏi – trả lời',
    singular: 'Câu hỏi',
    icon: 'quiz',
    description: 'Mỗi câu hỏi là một tệp Markdown trong entries/<mã lĩnh vực>/. Trang câu hỏi có địa chỉ /cau-hoi/<mã câu hỏi>/.',
  },
  fields: {
    label: 'Lĩnh vực',
    singular: 'Lĩnh vực',
    icon: 'category',
    description: 'Mỗi lĩnh vực là một tệp fields/<mã>.yaml; tên tệp là mã lĩnh vực.',
  },
  units: {
    label: 'Đơn vị chủ trì',
    singular: 'Đơn vị',
    icon: 'apartment',
    description: 'Đơn vị chịu trách nhiệm giữ câu trả lời đúng. Mỗi đơn vị là một tệp units/<mã>.yaml; tên tệp là mã đơn vị.',
  },
  documents: {
    label: 'Văn bản pháp luật',
    singular: 'Văn bản',
    icon: 'gavel',
    description: 'Danh mục văn bản mà câu trả lời viện dẫn. Mỗi văn bản là một tệp documents/<mã>.yaml; tên tệp là mã văn bản.',
  },
  questions: {
    label: 'Câu hỏi nhận được',
    singular: 'Câu hỏi nhận được',
    icon: 'inbox',
    description:
      'Câu hỏi xã, phường hoặc đơn vị gửi lên, và hạn trả lời: 17 giờ ngày làm việc nhận câu hỏi (nhận sau 17 giờ hoặc ngày nghỉ thì 17 giờ ngày làm việc tiếp theo). Mỗi câu hỏi là một tệp questions/<năm>/<mã>.yaml.',
  },
  synonyms: {
    label: 'Từ đồng nghĩa',
    singular: 'Từ đồng nghĩa',
    icon: 'spellcheck',
    description: 'Các nhóm từ cùng nghĩa, giúp tìm kiếm (synonyms.yaml).',
  },
};

/** File-name ids of the YAML collections: typed once, when the item is created. */
export const FILE_ID: Record<'fields' | 'units' | 'documents', { hint: string }> = {
  fields: { hint: `Mã lĩnh vực, là tên tệp và địa chỉ trang /linh-vuc/<mã>/. ${ID_RULE}, ví dụ: dien-luc. Không đổi được sau khi tạo.` },
  units: { hint: `Mã đơn vị, là tên tệp và địa chỉ trang /don-vi/<mã>/. ${ID_RULE}, ví dụ: so-cong-thuong-nghe-an. Không đổi được sau khi tạo.` },
  documents: { hint: `Mã văn bản, là tên tệp và địa chỉ trang /van-ban/<mã>/. ${ID_RULE}, ví dụ: nd-139-2025. Không đổi được sau khi tạo.` },
};

/** Labels by collection, then by key path (`legal_basis.ref` for a key of a list item). */
export const FIELD_TEXT: Record<CollectionKey, Record<string, FieldText>> = {
  fields: {
    name: { label: 'Tên lĩnh vực' },
    name_en: { label: 'Tên tiếng Anh' },
    description: { label: 'Mô tả', multiline: true },
    order: { label: 'Thứ tự trên trang chủ', hint: 'Số nhỏ đứng trước.' },
    review_months: { label: 'Chu kỳ rà soát (tháng)', hint: 'Mặc định cho các câu hỏi của lĩnh vực; để trống là 12 tháng.' },
    intake_unit: { label: 'Đơn vị tiếp nhận câu hỏi', hint: `Mã đơn vị nhận câu hỏi mới của lĩnh vực (${ID_RULE}), ví dụ: so-cong-thuong-nghe-an. Để trống: đơn vị chủ trì nhiều câu trả lời nhất.` },
  },
  units: {
    name: { label: 'Tên đơn vị' },
    level: { label: 'Cấp' },
    parent: { label: 'Đơn vị cấp trên' },
    email: { label: 'Thư điện tử', hint: 'Dùng cho nút "Báo lỗi nội dung" trên trang câu hỏi.' },
    phone: { label: 'Số điện thoại' },
  },
  documents: {
    number: { label: 'Số hiệu', hint: 'Ví dụ: 139/2025/NĐ-CP' },
    title: { label: 'Trích yếu', multiline: true },
    issued: { label: 'Ngày ban hành' },
    effective: { label: 'Ngày có hiệu lực' },
    status: { label: 'Tình trạng hiệu lực' },
    changed: { label: 'Ngày thay đổi tình trạng', hint: 'Ngày văn bản được sửa đổi, bị thay thế hoặc hết hiệu lực. Các câu trả lời viện dẫn văn bản sẽ được đánh dấu cần rà soát.' },
    replaced_by: { label: 'Được thay thế bởi văn bản' },
    url: { label: 'Đường dẫn văn bản gốc', hint: 'Địa chỉ đầy đủ, bắt đầu bằng https://' },
  },
  entries: {
    id: { label: 'Mã câu hỏi', hint: `Địa chỉ trang là /cau-hoi/<mã>/. ${ID_RULE}, ví dụ: hanh-lang-an-toan-luoi-dien. Không đổi sau khi đã công bố.` },
    question: { label: 'Câu hỏi' },
    summary: { label: 'Trả lời ngắn', hint: `Câu trả lời ngắn gọn, tối đa ${SUMMARY_MAX} ký tự.`, multiline: true },
    field: { label: 'Lĩnh vực' },
    owner: { label: 'Đơn vị chủ trì', hint: 'Đơn vị chịu trách nhiệm giữ câu trả lời này đúng.' },
    levels: { label: 'Cấp thực hiện', hint: 'Chọn ít nhất một cấp.' },
    topic: { label: 'Chủ đề', hint: 'Chủ đề nhỏ trong lĩnh vực (không bắt buộc).' },
    aliases: { label: 'Cách hỏi khác', singular: 'cách hỏi', hint: 'Những cách khác người dùng hay hỏi cùng câu này; giúp tìm kiếm.' },
    'aliases[]': { label: 'Cách hỏi' },
    legal_basis: {
      label: 'Căn cứ pháp lý',
      singular: 'căn cứ',
      hint: 'Mỗi căn cứ cần "Tên văn bản" hoặc "Văn bản trong danh mục".',
    },
    'legal_basis[]': { label: 'Căn cứ' },
    'legal_basis[].document': { label: 'Tên văn bản', hint: 'Ví dụ: Nghị định 62/2025/NĐ-CP' },
    'legal_basis[].ref': { label: 'Văn bản trong danh mục', hint: 'Chọn văn bản đã có trong mục "Văn bản pháp luật".' },
    'legal_basis[].article': { label: 'Điều, khoản', hint: 'Ví dụ: Điều 22 khoản 3' },
    'legal_basis[].url': { label: 'Đường dẫn', hint: 'Địa chỉ đầy đủ, bắt đầu bằng https://' },
    can: { label: 'Được làm', singular: 'việc được làm' },
    'can[]': { label: 'Việc được làm' },
    cannot: { label: 'Không được làm', singular: 'việc không được làm' },
    'cannot[]': { label: 'Việc không được làm' },
    asked_by: { label: 'Nơi đặt câu hỏi', hint: 'Ví dụ: UBND xã Hạnh Lâm, Nghệ An' },
    asked: { label: 'Ngày hỏi' },
    answered: { label: 'Ngày trả lời', hint: DATE_HINT, defaultToday: true },
    reviewed: { label: 'Ngày rà soát gần nhất', hint: `Lần gần nhất đơn vị chủ trì xác nhận câu trả lời còn đúng. ${DATE_HINT}`, defaultToday: true },
    review_months: { label: 'Chu kỳ rà soát (tháng)', hint: 'Để trống để dùng chu kỳ của lĩnh vực.' },
    status: { label: 'Trạng thái', hint: 'Bản nháp không được công bố.' },
    superseded_by: { label: 'Được thay thế bởi câu hỏi', hint: 'Bắt buộc khi trạng thái là "Đã được thay thế".' },
    withdrawn_reason: {
      label: 'Lý do rút câu trả lời',
      hint: 'Bắt buộc khi trạng thái là "Đã rút". Ví dụ: Nhiệm vụ này đã chuyển về cấp tỉnh theo Nghị định ...',
      multiline: true,
    },
    withdrawn: { label: 'Ngày rút', hint: `Bắt buộc khi trạng thái là "Đã rút". ${DATE_HINT}` },
    changes: {
      label: 'Ghi chú thay đổi',
      singular: 'ghi chú thay đổi',
      hint: 'Chỉ ghi khi nội dung trả lời thay đổi mà người đọc cần biết (không ghi khi sửa lỗi chính tả). Người đọc thấy ghi chú trên trang câu hỏi và trong nguồn tin.',
    },
    'changes[]': { label: 'Thay đổi' },
    'changes[].date': { label: 'Ngày thay đổi', hint: `Không trước ngày trả lời. ${DATE_HINT}`, defaultToday: true },
    'changes[].note': { label: 'Nội dung thay đổi', hint: 'Viết cho người đọc: đã thay đổi gì, theo văn bản nào.', multiline: true },
    related: { label: 'Câu hỏi liên quan' },
    tags: { label: 'Từ khóa', singular: 'từ khóa' },
    'tags[]': { label: 'Từ khóa' },
    body: { label: 'Trả lời chi tiết', hint: 'Nội dung đầy đủ của câu trả lời.' },
  },
  questions: {
    id: { label: 'Mã câu hỏi', hint: `${ID_RULE}, ví dụ: hoi-cap-phep-ban-ruou-hanh-lam.` },
    question: { label: 'Câu hỏi', multiline: true },
    field: { label: 'Lĩnh vực' },
    asked_by: { label: 'Nơi hỏi', hint: 'Tên xã, phường hoặc đơn vị hỏi. Được công bố; không ghi tên cá nhân.' },
    asked_by_unit: { label: 'Đơn vị hỏi (nếu có trong danh mục)' },
    asked: { label: 'Thời điểm nhận câu hỏi', hint: 'Ngày giờ kèm múi giờ, ví dụ: 2026-11-20T09:15:00+07:00' },
    assigned_to: { label: 'Đơn vị phải trả lời' },
    status: { label: 'Tình trạng' },
    consult_reason: { label: 'Lý do xin ý kiến', hint: 'Bắt buộc khi tình trạng là "Đang xin ý kiến".', multiline: true },
    answered_at: { label: 'Thời điểm trả lời', hint: 'Bắt buộc khi đã trả lời. Ngày giờ kèm múi giờ, ví dụ: 2026-11-20T09:15:00+07:00' },
    entry: { label: 'Câu trả lời', hint: 'Bắt buộc khi đã trả lời: câu hỏi – trả lời trong ngân hàng.' },
    declined_reason: { label: 'Lý do từ chối', hint: 'Bắt buộc khi tình trạng là "Từ chối".', multiline: true },
    contact: { label: 'Liên hệ người hỏi', hint: 'Thư điện tử hoặc số điện thoại. Không bao giờ được công bố.' },
  },
  synonyms: {
    '': { label: 'Nhóm từ đồng nghĩa', singular: 'nhóm' },
    '[]': { label: 'Nhóm', singular: 'từ' },
    '[][]': { label: 'Từ' },
  },
};

/** Labels of enum values, by collection and key. */
export const OPTION_TEXT: Record<string, Record<string, string>> = {
  'entries.levels': t.levels,
  'units.level': t.levels,
  'entries.status': { draft: 'Bản nháp (chưa công bố)', published: 'Đã công bố', superseded: 'Đã được thay thế', withdrawn: 'Đã rút (không còn áp dụng)' },
  'documents.status': t.documentPage.statuses,
  'questions.status': t.questions.states,
};

export const LEVEL_ORDER = ['ministry', 'province', 'commune'];
