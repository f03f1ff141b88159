import type { BuiltInCouncilKind, MemberRole, Rating } from '../schemas/councils.ts';
import type { Labels } from './labels.ts';

/** Names of the kinds the councils module registers (a module's own kinds carry their names in their registration). */
export const COUNCIL_KIND_LABELS: Labels<BuiltInCouncilKind> = {
  identification: { vi: 'Hội đồng tư vấn xác định nhiệm vụ', en: 'Identification council' },
  selection: { vi: 'Hội đồng tư vấn tuyển chọn, giao trực tiếp', en: 'Selection council' },
  budget_appraisal: { vi: 'Tổ thẩm định kinh phí', en: 'Budget appraisal council' },
  acceptance: { vi: 'Hội đồng nghiệm thu', en: 'Acceptance council' },
};

export const COUNCIL_ROLE_LABELS: Labels<MemberRole> = {
  chair: { vi: 'Chủ tịch', en: 'Chair' },
  vice_chair: { vi: 'Phó Chủ tịch', en: 'Vice-chair' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  reviewer: { vi: 'Ủy viên phản biện', en: 'Reviewer' },
  member: { vi: 'Ủy viên', en: 'Member' },
};

/** Acceptance ratings (xếp loại nghiệm thu), best first. */
export const RATING_LABELS: Labels<Rating> = {
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  passed: { vi: 'Đạt', en: 'Passed' },
  failed: { vi: 'Không đạt', en: 'Failed' },
};

