/**
 * The support module's rule data: the support types with their counterpart rule, the tie-break order of the
 * ranking, the certificate-expiry reminder thresholds, and the review council's kind and composition. National
 * defaults ship from the manifest's reference loader; a province replaces them with dated versions of its own
 * decisions through /api/rules. Values that no cited text fixes are marked "minh họa" (illustrative) in their note.
 */
import { CompositionRule } from '../../../shared/schemas/councils.ts';
import {
  CertificateRemindersRule, RankingTiesRule, SupportTypesRule, type SupportTypeRule,
} from '../../../shared/schemas/support.ts';
import type { DbHandle } from '../../db/client.ts';
import { registerCouncilKind } from '../councils/councils.kinds.ts';
import { ensureNationalRules, registerRuleKey, type NationalRuleInput } from '../rules/rules.service.ts';

export const SUPPORT_RULES = {
  types: 'support.types',
  ties: 'support.ranking_ties',
  reminders: 'support.certificate_reminders',
  reviewComposition: 'support.review_composition',
} as const;

export const REVIEW_KIND = 'programme_review';
export const CALL_SUBJECT = 'programme_call';
export const APPLICATION_SUBJECT = 'programme_application';

/** Long An's resolution on the productivity-and-quality programme, the one text the seeds cite for its spending. */
const NQ_12_2022 = 'Nghị quyết số 12/2022/NQ-HĐND ngày 13/7/2022 của HĐND tỉnh Long An (nội dung chi, mức chi Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2022-2030)';

const type = (vi: string, en: string, minCounterpartShare: number): SupportTypeRule => ({ label: { vi, en }, minCounterpartShare, maxStateAmount: null });

/**
 * The support types. The 50 % of management systems and productivity tools is what Long An's 2023 project asked of
 * the firms ("doanh nghiệp đối ứng 50% kinh phí thực hiện đối với phần kinh phí tư vấn … hệ thống quản lý, công cụ
 * cải tiến năng suất chất lượng", seed 000); every other share is illustrative, set so the check has something to
 * check, to be replaced by the province's own resolution.
 */
export const NATIONAL_SUPPORT_TYPES: SupportTypesRule = {
  types: {
    management_system: type('Xây dựng, áp dụng hệ thống quản lý (ISO 9001, ISO 22000, HACCP…)', 'Management system (ISO 9001, ISO 22000, HACCP…)', 0.5),
    productivity_tool: type('Áp dụng công cụ cải tiến năng suất chất lượng (5S, Kaizen, 7 công cụ…)', 'Productivity tool (5S, Kaizen, the 7 tools…)', 0.5),
    base_standard: type('Xây dựng tiêu chuẩn cơ sở (TCCS)', 'Base standard (TCCS)', 0.5),
    barcode_traceability: type('Mã số, mã vạch, truy xuất nguồn gốc', 'Barcodes and traceability', 0.5),
    ip_registration: type('Đăng ký bảo hộ sở hữu trí tuệ', 'IP registration', 0),
    incubation_service: type('Dịch vụ ươm tạo khởi nghiệp', 'Incubation service', 0),
    replication_model: type('Nhân rộng mô hình', 'Replication of a model', 0.3),
    technology_innovation: type('Đổi mới công nghệ', 'Technology innovation', 0.5),
    other: type('Hỗ trợ khác', 'Other support', 0),
  },
};

export const NATIONAL_REVIEW_COMPOSITION: CompositionRule = {
  minMembers: 3, maxMembers: 9,
  roles: { chair: { min: 1, max: 1 }, vice_chair: { min: 0, max: 1 }, secretary: { min: 0, max: 1 } },
  quorum: { numerator: 2, denominator: 3 },
  presidingRequired: true,
};

export const SUPPORT_NATIONAL_RULES: NationalRuleInput[] = [
  {
    key: SUPPORT_RULES.types, effectiveFrom: '2022-07-13', value: NATIONAL_SUPPORT_TYPES,
    legalBasis: `${NQ_12_2022}; Quyết định 1322/QĐ-TTg; Thông tư 15/2022/TT-BKHCN`,
    note: 'Tỷ lệ đối ứng 50% của hệ thống quản lý và công cụ cải tiến: theo dự án năm 2023 của tỉnh Long An (doanh nghiệp đối ứng 50% kinh phí tư vấn). Các tỷ lệ khác là giá trị minh họa, chưa đối chiếu văn bản; tỉnh thay bằng quy định của mình.',
  },
  {
    key: SUPPORT_RULES.ties, effectiveFrom: '2020-01-01', value: { order: ['first_criterion', 'earlier_submission'] } satisfies RankingTiesRule,
    legalBasis: 'Minh họa (illustrative): chưa có văn bản được đối chiếu',
    note: 'Giá trị minh họa: hai hồ sơ bằng điểm trung bình thì hồ sơ có điểm tiêu chí đầu tiên của phiếu cao hơn xếp trên, rồi hồ sơ nộp sớm hơn.',
  },
  {
    key: SUPPORT_RULES.reminders, effectiveFrom: '2020-01-01', value: { daysBefore: [90, 30] } satisfies CertificateRemindersRule,
    legalBasis: 'Minh họa (illustrative): chưa có văn bản được đối chiếu',
    note: 'Giá trị minh họa: nhắc tổ chức và Sở KH&CN 90 ngày và 30 ngày trước khi giấy chứng nhận hết hạn.',
  },
  {
    key: SUPPORT_RULES.reviewComposition, effectiveFrom: '2020-01-01', value: NATIONAL_REVIEW_COMPOSITION,
    legalBasis: 'Minh họa (illustrative): chưa có văn bản được đối chiếu',
    note: 'Giá trị minh họa: hội đồng xét chọn hồ sơ đề nghị hỗ trợ có 3–9 thành viên, một chủ tịch; phiên họp hợp lệ khi có ít nhất 2/3 thành viên.',
  },
];

export function registerSupportRules(): void {
  registerRuleKey(SUPPORT_RULES.types, SupportTypesRule, {
    vi: 'Loại hỗ trợ của các chương trình: tên và tỷ lệ kinh phí đối ứng tối thiểu của tổ chức',
    en: 'Programme support types: names and the least counterpart share of the organisation',
  });
  registerRuleKey(SUPPORT_RULES.ties, RankingTiesRule, {
    vi: 'Thứ tự phân định hồ sơ bằng điểm khi xếp hạng đợt xét chọn', en: 'Order breaking ties of a call ranking',
  });
  registerRuleKey(SUPPORT_RULES.reminders, CertificateRemindersRule, {
    vi: 'Số ngày trước khi giấy chứng nhận hết hạn thì nhắc', en: 'Days before a certificate expires to remind',
  });
  registerRuleKey(SUPPORT_RULES.reviewComposition, CompositionRule, {
    vi: 'Thành phần hội đồng xét chọn hồ sơ đề nghị hỗ trợ', en: 'Composition of a support-application review council',
  });
  registerCouncilKind(REVIEW_KIND, {
    label: { vi: 'Hội đồng xét chọn hồ sơ đề nghị hỗ trợ', en: 'Support application review council' },
    subjectTypes: [CALL_SUBJECT],
    ruleKeys: { composition: SUPPORT_RULES.reviewComposition },
    national: {
      effectiveFrom: '2020-01-01', evaluation: 'scoring',
      legalBasis: 'Minh họa (illustrative): xét chọn hồ sơ đề nghị hỗ trợ theo phiếu đánh giá của đợt (Quyết định 1322/QĐ-TTg; Thông tư 15/2022/TT-BKHCN)',
    },
  });
}

export async function loadSupportRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, SUPPORT_NATIONAL_RULES);
}
