import type {
  ASSIGNMENT_MODES, DISBURSEMENT_SOURCES, FUNDING_MODES, MEMBER_ROLES, PARTICIPANT_ROLES, PRODUCT_KINDS, TASK_LEVELS, TASK_TYPES,
} from '../schemas/tasks.ts';
import type { Labels } from './labels.ts';

/** The roles of a task's members (not of a council's). */
export const TASK_MEMBER_ROLE_LABELS: Labels<(typeof MEMBER_ROLES)[number]> = {
  secretary: { vi: 'Thư ký khoa học', en: 'Scientific secretary' },
  key_member: { vi: 'Thành viên chính', en: 'Key member' },
  member: { vi: 'Thành viên', en: 'Member' },
};

export const TASK_TYPE_LABELS: Labels<(typeof TASK_TYPES)[number]> = {
  research_topic: { vi: 'Đề tài', en: 'Research topic' },
  pilot_production_project: { vi: 'Dự án sản xuất thử nghiệm', en: 'Pilot production project' },
  scheme: { vi: 'Đề án', en: 'Scheme' },
  st_project: { vi: 'Dự án KH&CN', en: 'S&T project' },
};

export const TASK_LEVEL_LABELS: Labels<(typeof TASK_LEVELS)[number]> = {
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial' },
  grassroots: { vi: 'Cấp cơ sở', en: 'Grassroots' },
  national: { vi: 'Cấp quốc gia', en: 'National' },
};

export const ASSIGNMENT_MODE_LABELS: Labels<(typeof ASSIGNMENT_MODES)[number]> = {
  ordering: { vi: 'Đặt hàng', en: 'Ordering' },
  selection: { vi: 'Tuyển chọn', en: 'Competitive selection' },
  direct: { vi: 'Giao trực tiếp', en: 'Direct assignment' },
};

export const FUNDING_MODE_LABELS: Labels<(typeof FUNDING_MODES)[number]> = {
  partial_lump_sum: { vi: 'Khoán chi từng phần', en: 'Partial lump sum' },
  final_product_lump_sum: { vi: 'Khoán chi đến sản phẩm cuối cùng', en: 'Final-product lump sum' },
};

export const PRODUCT_KIND_LABELS: Labels<(typeof PRODUCT_KINDS)[number]> = {
  sample: { vi: 'Mẫu, sản phẩm', en: 'Sample, product' },
  process: { vi: 'Quy trình công nghệ', en: 'Technological process' },
  model: { vi: 'Mô hình', en: 'Model' },
  report: { vi: 'Báo cáo', en: 'Report' },
  software: { vi: 'Phần mềm', en: 'Software' },
  ip_application: { vi: 'Đơn đăng ký sở hữu trí tuệ', en: 'IP application' },
  publication: { vi: 'Bài báo, ấn phẩm', en: 'Publication' },
  training: { vi: 'Đào tạo', en: 'Training' },
  other: { vi: 'Khác', en: 'Other' },
};

/** The roles of organisations taking part in a task besides its host (tổ chức tham gia). */
export const PARTICIPANT_ROLE_LABELS: Labels<(typeof PARTICIPANT_ROLES)[number]> = {
  cooperating_enterprise: { vi: 'Doanh nghiệp phối hợp', en: 'Co-operating enterprise' },
  beneficiary: { vi: 'Đơn vị thụ hưởng, ứng dụng kết quả', en: 'Beneficiary' },
  ordering_body: { vi: 'Cơ quan đặt hàng', en: 'Ordering body' },
  co_implementer: { vi: 'Tổ chức phối hợp thực hiện', en: 'Co-implementing organisation' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Sources of disbursed funding (nguồn kinh phí). */
export const DISBURSEMENT_SOURCE_LABELS: Labels<(typeof DISBURSEMENT_SOURCES)[number]> = {
  state_budget: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  counterpart: { vi: 'Kinh phí đối ứng', en: 'Counterpart funding' },
  other: { vi: 'Nguồn khác', en: 'Other sources' },
};
