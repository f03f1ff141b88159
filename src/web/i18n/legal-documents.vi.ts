/**
 * Vietnamese UI strings of the legal-document pages (register, document page, policy chain, paste-a-text). Merged into
 * the app's strings by index.ts; legal-documents.en.ts has the same keys (its type enforces it).
 */
import { labelTree } from '../../shared/labels/labels.ts';
import {
  LEGAL_DOC_TYPE_LABELS, LEGAL_RELATION_INVERSE_LABELS, LEGAL_RELATION_LABELS, LEGAL_SCOPE_LABELS,
} from '../../shared/labels/legal-documents.ts';

export const legalDocumentsVi = {
  legalDoc: {
    menu: 'Văn bản',
    title: 'Văn bản',
    intro: 'Văn bản trung ương dùng chung cho mọi tỉnh và văn bản của tỉnh; quan hệ giữa các văn bản và chuỗi chính sách từ nghị quyết đến kế hoạch.',
    new: 'Thêm văn bản',
    edit: 'Sửa văn bản',
    searchPlaceholder: 'Tìm theo số, ký hiệu, trích yếu hoặc cơ quan ban hành (gõ không dấu cũng được)',
    empty: 'Chưa có văn bản nào.',
    back: 'Danh sách văn bản',
    open: 'Xem',
    year: 'Năm ban hành',
    fields: {
      number: 'Số, ký hiệu',
      docType: 'Loại văn bản',
      issuer: 'Cơ quan ban hành',
      issuedOn: 'Ngày ban hành',
      title: 'Trích yếu',
      effectiveFrom: 'Có hiệu lực từ ngày',
      effectiveTo: 'Hết hiệu lực sau ngày',
      note: 'Ghi chú',
      national: 'Văn bản trung ương',
      scope: 'Phạm vi',
    },
    hints: {
      number: 'Như trên văn bản, ví dụ 9737/QĐ-UBND, 05-NQ/TW, 93/2025/QH15.',
      national: 'Văn bản của Trung ương Đảng, Quốc hội, Chính phủ, các bộ: dùng chung cho mọi tỉnh, chỉ quản trị viên sửa. Không đổi được sau khi lưu.',
      nationalOfficer: 'Văn bản trung ương do quản trị viên nhập; văn bản bạn thêm là của tỉnh.',
      effectiveTo: 'Ngày cuối cùng còn hiệu lực (bị thay thế, hết hạn); để trống khi còn hiệu lực.',
    },
    types: labelTree(LEGAL_DOC_TYPE_LABELS, 'vi'),
    scopes: labelTree(LEGAL_SCOPE_LABELS, 'vi'),
    relationKinds: labelTree(LEGAL_RELATION_LABELS, 'vi'),
    relationInverse: labelTree(LEGAL_RELATION_INVERSE_LABELS, 'vi'),
    general: 'Thông tin chung',
    files: {
      title: 'Tệp văn bản',
      hint: 'Mỗi tỉnh giữ bản tệp của mình, kể cả với văn bản trung ương.',
      kind: 'Loại tệp',
      file: 'Tệp',
      chooseFile: 'Chọn tệp',
      upload: 'Tải lên',
      uploaded: 'Đã tải lên {{name}}.',
      empty: 'Chưa có tệp nào.',
      size: 'Dung lượng',
      uploadedAt: 'Thời điểm tải lên',
    },
    relations: {
      title: 'Quan hệ với văn bản khác',
      relation: 'Quan hệ',
      document: 'Văn bản',
      add: 'Thêm quan hệ',
      target: 'Văn bản liên quan',
      kindLabel: 'Văn bản này',
      empty: 'Chưa có quan hệ nào.',
      added: 'Đã thêm quan hệ.',
      removed: 'Đã bỏ quan hệ.',
      remove: 'Bỏ quan hệ',
      confirmRemove: 'Bỏ quan hệ "{{relation}}" với {{number}}?',
    },
    chain: {
      title: 'Chuỗi chính sách',
      down: 'Văn bản triển khai thực hiện',
      up: 'Văn bản được triển khai, làm căn cứ',
      noneDown: 'Chưa có văn bản nào triển khai văn bản này.',
      noneUp: 'Văn bản này chưa gắn với văn bản cấp trên nào.',
      truncated: 'Chuỗi dài: chỉ hiện {{depth}} cấp.',
      tree: 'Cây chuỗi chính sách',
      servedBy: 'Phục vụ bởi',
    },
    refs: {
      open: 'Dán văn bản, liên kết',
      title: 'Dán một đoạn văn bản, tìm các văn bản được viện dẫn',
      text: 'Đoạn văn bản',
      textHint: 'Dán trích đoạn báo cáo, kế hoạch, bài viết… Hệ thống tìm số, ký hiệu văn bản và ngày ban hành được nêu.',
      find: 'Tìm văn bản',
      none: 'Không thấy văn bản nào được viện dẫn.',
      found: 'Đã có',
      missing: 'Chưa có',
      create: 'Tạo văn bản',
      created: 'Đã tạo văn bản {{number}}.',
      createdNote: 'Tạo từ một đoạn văn bản dán vào: bổ sung trích yếu theo văn bản chính thức.',
      link: 'Liên kết',
      linked: 'Đã liên kết với {{number}}.',
      related: 'Đã liên kết',
      linkAs: 'Văn bản này … văn bản được viện dẫn',
      count: 'Tìm thấy {{found}} văn bản đã có, {{missing}} văn bản chưa có.',
      highlighted: 'Văn bản đã dán, phần viện dẫn được tô màu',
      isSelf: 'Chính văn bản này',
      nationalByAdmin: 'Văn bản trung ương: quản trị viên tạo; bạn có thể tạo bản của tỉnh.',
    },
  },
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The shape the English strings must have. */
export type LegalDocumentStrings = Strings<typeof legalDocumentsVi>;
