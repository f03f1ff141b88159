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
import { councilKindNationalRules, registerCouncilKind, type CouncilKindDefinition, type NationalKindVersion } from './councils.kinds.ts';

export const RULE_KEYS = {
  scoringSheet: 'council.scoring_sheet',
  composition: 'council.composition',
  passRule: 'council.pass_rule',
} as const;

/** The day the STI Law 93/2025/QH15 took effect: tasks proposed from then on follow its regime (brief; tasks.workflow.ts). */
export const REGIME_2025 = '2025-10-01';
/** The Law and its decree on STI tasks, cited by every council rule of the 2025 regime. */
const LAW_2025 = 'Luật Khoa học, công nghệ và đổi mới sáng tạo 93/2025/QH15; Nghị định 267/2025/NĐ-CP';
/** What the 2025-regime versions say of themselves: the values are those of the earlier regime, not yet checked. */
const ILLUSTRATIVE_2025 = 'Giá trị minh họa, chưa đối chiếu với văn bản hướng dẫn thi hành Luật 93/2025/QH15 và Nghị định 267/2025/NĐ-CP:';

type KindVersion = Omit<NationalKindVersion, 'effectiveFrom'>;
/**
 * The kinds the councils module offers any subject: the advisory councils of the S&T procedures. Their
 * evaluation modes are the national defaults of `council.kind.<kind>` (illustrative, as the other defaults): one
 * version for the 2013-law regime, one for the 2025 STI-law regime.
 */
const kind = (k: BuiltInCouncilKind, before: KindVersion, from2025: KindVersion): [string, CouncilKindDefinition] =>
  [k, { label: COUNCIL_KIND_LABELS[k], national: [{ effectiveFrom: '2017-08-10', ...before }, { effectiveFrom: REGIME_2025, ...from2025 }] }];
export const BUILT_IN_KINDS = new Map<string, CouncilKindDefinition>([
  kind('identification',
    { legalBasis: 'Thông tư 07/2014/TT-BKHCN (hội đồng tư vấn xác định nhiệm vụ: phiếu đánh giá)', evaluation: 'scoring' },
    { legalBasis: `${LAW_2025} (hội đồng tư vấn xác định nhiệm vụ)`, evaluation: 'scoring',
      note: `${ILLUSTRATIVE_2025} hội đồng chấm điểm theo phiếu đánh giá như trước.` }),
  kind('selection',
    { legalBasis: 'Thông tư 08/2017/TT-BKHCN, sửa đổi bởi Thông tư 20/2023/TT-BKHCN (chấm điểm hồ sơ tuyển chọn, giao trực tiếp)', evaluation: 'scoring' },
    { legalBasis: `${LAW_2025} (tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì nhiệm vụ)`, evaluation: 'scoring',
      note: `${ILLUSTRATIVE_2025} hội đồng chấm điểm hồ sơ theo phiếu đánh giá như trước.` }),
  kind('budget_appraisal',
    { legalBasis: 'Thông tư 08/2017/TT-BKHCN (thẩm định kinh phí)', evaluation: 'scoring',
      note: 'Giá trị minh họa: tổ thẩm định chấm theo phiếu đánh giá như hội đồng tư vấn.' },
    { legalBasis: `${LAW_2025} (thẩm định kinh phí)`, evaluation: 'scoring',
      note: `${ILLUSTRATIVE_2025} tổ thẩm định chấm theo phiếu đánh giá như hội đồng tư vấn; quy định tài chính theo Nghị định 265/2025/NĐ-CP (ngày 14/10/2025).` }),
  kind('acceptance',
    { legalBasis: 'Thông tư 11/2014/TT-BKHCN (thay bởi Thông tư 11/2023/TT-BKHCN): xếp loại nghiệm thu Xuất sắc / Đạt / Không đạt', evaluation: 'rating',
      note: 'Mỗi thành viên xếp loại; kết quả theo điều kiện đạt (council.pass_rule, mục acceptance).' },
    { legalBasis: `${LAW_2025} (đánh giá, nghiệm thu kết quả nhiệm vụ): xếp loại Xuất sắc / Đạt / Không đạt`, evaluation: 'rating',
      note: `${ILLUSTRATIVE_2025} giữ cách xếp loại Xuất sắc / Đạt / Không đạt của chế độ trước; kết quả theo điều kiện đạt (council.pass_rule, mục acceptance).` }),
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

/**
 * The national defaults: for the 2013-law regime (Thông tư 07/2014, 08/2017 …) from 2017-08-10, and for the 2025
 * STI-law regime from 2025-10-01 — the same illustrative numbers, citing Law 93/2025/QH15 and Decree
 * 267/2025/NĐ-CP and saying in their note that they are not yet checked against its implementing texts. A council
 * about a task resolves them on the task's regime date (councils.subjects.ts), so each regime's task cites its own.
 */
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
    // The acceptance ratings are cited by council.kind.acceptance, not here (0050 corrected stored copies of this row).
    legalBasis: 'Thông tư 08/2017/TT-BKHCN (điều kiện được đề nghị)',
    note: 'Giá trị minh họa: đạt khi điểm trung bình ≥ 70 và không tiêu chí nào bị quá 1/3 số thành viên cho 0 điểm; nghiệm thu theo xếp loại của đa số thành viên (hòa thì lấy mức thấp hơn).',
  },
  {
    key: RULE_KEYS.scoringSheet, effectiveFrom: REGIME_2025, value: NATIONAL_DEFAULTS.scoringSheet,
    legalBasis: `${LAW_2025} (phiếu đánh giá nhiệm vụ)`,
    note: `${ILLUSTRATIVE_2025} phiếu 100 điểm như chế độ trước (tính cấp thiết 20, tính khả thi 30, hiệu quả 30, khả năng nhân rộng 20).`,
  },
  {
    key: RULE_KEYS.composition, effectiveFrom: REGIME_2025, value: NATIONAL_DEFAULTS.composition,
    legalBasis: `${LAW_2025} (hội đồng tư vấn: thành phần, phiên họp)`,
    note: `${ILLUSTRATIVE_2025} 7–9 thành viên (chủ tịch, phó chủ tịch, thư ký, 2 ủy viên phản biện, các ủy viên); phiên họp hợp lệ khi có ít nhất 2/3 thành viên, có chủ tịch hoặc phó chủ tịch, như chế độ trước.`,
  },
  {
    key: RULE_KEYS.passRule, effectiveFrom: REGIME_2025, value: NATIONAL_DEFAULTS.passRule,
    legalBasis: `${LAW_2025} (điều kiện đề nghị thực hiện nhiệm vụ)`,
    note: `${ILLUSTRATIVE_2025} đạt khi điểm trung bình ≥ 70 và không tiêu chí nào bị quá 1/3 số thành viên cho 0 điểm; nghiệm thu theo xếp loại của đa số thành viên (hòa thì lấy mức thấp hơn), như chế độ trước.`,
  },
];

/** Reference loader: the national default council rules, and those of every registered kind (any module's). */
export async function loadCouncilRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, [...COUNCIL_NATIONAL_RULES, ...councilKindNationalRules()]);
}
