/**
 * The councils' rule keys, registered with the rules module (labels of kinds, roles and ratings: shared/labels).
 * National defaults ship from the councils' reference loader (`loadCouncilRules`, tenant_id NULL); a province
 * enters its own versions through /api/rules. A module whose councils use another sheet, composition or pass rule
 * registers its own key with the same schema and names it in registerCouncilSubject (councils.subjects.ts).
 */
import { CompositionRule, PassRule, ScoringSheetRule, type BuiltInCouncilKind } from '../../../shared/schemas/councils.ts';
import { COUNCIL_KIND_LABELS } from '../../../shared/labels/councils.ts';
import type { DbHandle } from '../../db/client.ts';
import { ensureNationalRules, registerRuleKey, type NationalRuleInput } from '../rules/rules.service.ts';
import { councilKindNationalRules, registerCouncilKind, type CouncilKindDefinition } from './councils.kinds.ts';

export const RULE_KEYS = {
  scoringSheet: 'council.scoring_sheet',
  composition: 'council.composition',
  passRule: 'council.pass_rule',
} as const;

/**
 * The kinds the councils module offers any subject: the advisory councils of the S&T procedures. Their
 * evaluation modes are the national defaults of `council.kind.<kind>` (illustrative, as the other defaults).
 */
const kind = (k: BuiltInCouncilKind, national: Omit<CouncilKindDefinition['national'], 'effectiveFrom'>): [string, CouncilKindDefinition] =>
  [k, { label: COUNCIL_KIND_LABELS[k], national: { effectiveFrom: '2017-08-10', ...national } }];
export const BUILT_IN_KINDS = new Map<string, CouncilKindDefinition>([
  kind('identification', { legalBasis: 'Thông tư 07/2014/TT-BKHCN (hội đồng tư vấn xác định nhiệm vụ: phiếu đánh giá)', evaluation: 'scoring' }),
  kind('selection', { legalBasis: 'Thông tư 08/2017/TT-BKHCN, sửa đổi bởi Thông tư 20/2023/TT-BKHCN (chấm điểm hồ sơ tuyển chọn, giao trực tiếp)', evaluation: 'scoring' }),
  kind('budget_appraisal', {
    legalBasis: 'Thông tư 08/2017/TT-BKHCN (thẩm định kinh phí)', evaluation: 'scoring',
    note: 'Giá trị minh họa: tổ thẩm định chấm theo phiếu đánh giá như hội đồng tư vấn.',
  }),
  kind('acceptance', {
    legalBasis: 'Thông tư 11/2014/TT-BKHCN (thay bởi Thông tư 11/2023/TT-BKHCN): xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt', evaluation: 'rating',
    note: 'Mỗi thành viên xếp loại; kết quả theo điều kiện đạt (council.pass_rule, mục acceptance).',
  }),
]);

/** The councils' rule keys and own kinds, registered with the rules module by the councils manifest. */
export function registerCouncilRules(): void {
  for (const [k, def] of BUILT_IN_KINDS) registerCouncilKind(k, def);
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
}

/**
 * The national defaults (illustrative values in the common form; a province replaces them with the numbers of its own
 * decision through /api/rules). Until khcn 0.2 migration 0012_councils.sql inserted the same rows; the loader finds
 * them by key and start date and leaves them as they are.
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

export const COUNCIL_NATIONAL_RULES: NationalRuleInput[] = [
  {
    key: RULE_KEYS.scoringSheet, effectiveFrom: NATIONAL_DEFAULTS.effectiveFrom, value: NATIONAL_DEFAULTS.scoringSheet,
    legalBasis: 'Thông tư 08/2017/TT-BKHCN (mẫu phiếu đánh giá)',
    note: 'Phiếu 100 điểm mẫu (giá trị minh họa): tính cấp thiết 20, tính khả thi 30, hiệu quả 30, khả năng nhân rộng 20.',
  },
  {
    key: RULE_KEYS.composition, effectiveFrom: NATIONAL_DEFAULTS.effectiveFrom, value: NATIONAL_DEFAULTS.composition,
    legalBasis: 'Thông tư 08/2017/TT-BKHCN (thành phần và phiên họp hội đồng tư vấn)',
    note: 'Giá trị minh họa: 7–9 thành viên (chủ tịch, phó chủ tịch, thư ký, 2 ủy viên phản biện, các ủy viên); phiên họp hợp lệ khi có ít nhất 2/3 thành viên, có chủ tịch hoặc phó chủ tịch.',
  },
  {
    key: RULE_KEYS.passRule, effectiveFrom: NATIONAL_DEFAULTS.effectiveFrom, value: NATIONAL_DEFAULTS.passRule,
    legalBasis: 'Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị); xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt',
    note: 'Giá trị minh họa: đạt khi điểm trung bình ≥ 70 và không tiêu chí nào bị quá 1/3 số thành viên cho 0 điểm; nghiệm thu theo xếp loại của đa số thành viên (hòa thì lấy mức thấp hơn).',
  },
];

/** Reference loader: the national default council rules, and those of every registered kind (any module's). */
export async function loadCouncilRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, [...COUNCIL_NATIONAL_RULES, ...councilKindNationalRules()]);
}
