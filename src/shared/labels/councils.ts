import type { Lang } from '../i18n/messages.ts';
import type { BuiltInCouncilKind, ConflictStatus, LikelyConflict, MemberRole, Rating, SheetEnteredAs } from '../schemas/councils.ts';
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


/** A member's answer on conflicts of interest. */
export const CONFLICT_STATUS_LABELS: Labels<ConflictStatus> = {
  unanswered: { vi: 'Chưa khai báo', en: 'Not answered' },
  none: { vi: 'Không có xung đột (đã xác nhận)', en: 'No conflict (confirmed)' },
  declared: { vi: 'Có xung đột', en: 'Conflicted' },
};

/** Who entered a paper sheet on a member's behalf: "phiếu giấy do thư ký nhập thay". */
export const SHEET_ENTERED_BY_LABELS: Labels<Exclude<SheetEnteredAs, 'self'>> = {
  chair: { vi: 'chủ tịch hội đồng', en: 'the chair' },
  secretary: { vi: 'thư ký', en: 'the secretary' },
  staff: { vi: 'cán bộ Sở', en: 'DOST staff' },
};

/** "phiếu giấy do thư ký nhập thay" / "paper sheet entered by the secretary". */
export function paperSheetText(by: Exclude<SheetEnteredAs, 'self'>, lang: Lang): string {
  return lang === 'vi' ? `phiếu giấy do ${SHEET_ENTERED_BY_LABELS[by].vi} nhập thay` : `paper sheet entered by ${SHEET_ENTERED_BY_LABELS[by].en}`;
}

/** Why a member is a likely conflict, as a phrase: "công tác tại tổ chức chủ trì (Trung tâm …)". */
export function likelyConflictText(c: LikelyConflict, lang: Lang): string {
  const role = c.role[lang];
  if (lang === 'vi') {
    if (c.relation === 'organization') return `công tác tại ${role} (${c.partyName})`;
    if (c.relation === 'person') return `là ${role} (${c.subjectTitle})`;
    return `cùng đơn vị công tác với ${role} ${c.partyName} (${c.organizationName ?? ''})`;
  }
  if (c.relation === 'organization') return `works at the ${role} (${c.partyName})`;
  if (c.relation === 'person') return `is the ${role} (${c.subjectTitle})`;
  return `works at the same organisation as the ${role}, ${c.partyName} (${c.organizationName ?? ''})`;
}
