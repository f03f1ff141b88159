/**
 * The councils' rule keys, registered with the rules module, and the labels used in messages and minutes.
 * National defaults are rows of rule_versions inserted by migration 0012_councils.sql (tenant_id NULL); a province
 * enters its own versions through /api/rules. A module whose councils use another sheet, composition or pass rule
 * registers its own key with the same schema and names it in registerCouncilSubject (councils.subjects.ts).
 */
import {
  CompositionRule, PassRule, ScoringSheetRule, type MemberRole, type Rating, type CouncilKind,
} from '../../../shared/schemas/councils.ts';
import { registerRuleKey } from '../rules/rules.service.ts';

export const RULE_KEYS = {
  scoringSheet: 'council.scoring_sheet',
  composition: 'council.composition',
  passRule: 'council.pass_rule',
} as const;

registerRuleKey(RULE_KEYS.scoringSheet, ScoringSheetRule, {
  vi: 'Phiếu đánh giá của hội đồng: các tiêu chí và điểm tối đa',
  en: 'Council scoring sheet: criteria and their maximum points',
});
registerRuleKey(RULE_KEYS.composition, CompositionRule, {
  vi: 'Thành phần hội đồng: số thành viên, chức danh bắt buộc, tỷ lệ tối thiểu có mặt để phiên họp hợp lệ',
  en: 'Council composition: number of members, required roles, quorum',
});
registerRuleKey(RULE_KEYS.passRule, PassRule, {
  vi: 'Điều kiện đạt: điểm trung bình tối thiểu, tỷ lệ thành viên cho 0 điểm một tiêu chí; xếp loại nghiệm thu theo đa số',
  en: 'Pass rule: minimum average, share of members giving a criterion 0; acceptance rating by majority',
});

export const ROLE_LABELS: Record<MemberRole, { vi: string; en: string }> = {
  chair: { vi: 'Chủ tịch', en: 'Chair' },
  vice_chair: { vi: 'Phó Chủ tịch', en: 'Vice-chair' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  reviewer: { vi: 'Ủy viên phản biện', en: 'Reviewer' },
  member: { vi: 'Ủy viên', en: 'Member' },
};

export const RATING_LABELS: Record<Rating, { vi: string; en: string }> = {
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  passed: { vi: 'Đạt', en: 'Passed' },
  failed: { vi: 'Không đạt', en: 'Failed' },
};

export const KIND_LABELS: Record<CouncilKind, { vi: string; en: string }> = {
  identification: { vi: 'Hội đồng tư vấn xác định nhiệm vụ', en: 'Identification council' },
  selection: { vi: 'Hội đồng tư vấn tuyển chọn, giao trực tiếp', en: 'Selection council' },
  budget_appraisal: { vi: 'Tổ thẩm định kinh phí', en: 'Budget appraisal council' },
  acceptance: { vi: 'Hội đồng nghiệm thu', en: 'Acceptance council' },
};

/**
 * The national defaults, as 0012_councils.sql inserts them (councils.test.ts checks the two agree). Demo values
 * in the common form; a province replaces them with the numbers of its own decision.
 */
export const NATIONAL_DEFAULTS = {
  effectiveFrom: '2017-08-10',
  scoringSheet: {
    criteria: [
      { key: 'necessity', name: { vi: 'Tính cấp thiết', en: 'Necessity' }, maxPoints: 20 },
      { key: 'feasibility', name: { vi: 'Tính khả thi', en: 'Feasibility' }, maxPoints: 30 },
      { key: 'effectiveness', name: { vi: 'Hiệu quả kinh tế - xã hội', en: 'Effectiveness' }, maxPoints: 30 },
      { key: 'replicability', name: { vi: 'Khả năng nhân rộng', en: 'Replicability' }, maxPoints: 20 },
    ],
  } satisfies ScoringSheetRule,
  composition: {
    minMembers: 7,
    maxMembers: 9,
    roles: { chair: { min: 1, max: 1 }, vice_chair: { min: 0, max: 1 }, secretary: { min: 1, max: 1 }, reviewer: { min: 2, max: 2 } },
    quorum: { numerator: 2, denominator: 3 },
    presidingRequired: true,
  } satisfies CompositionRule,
  passRule: {
    minAverage: 70,
    maxZeroShare: { numerator: 1, denominator: 3 },
    acceptance: { tieBreak: 'lower' },
  } satisfies PassRule,
};
