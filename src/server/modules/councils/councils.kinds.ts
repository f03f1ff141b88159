/**
 * Council kinds, registered by modules (from their manifest's `register`): a kind has a name, the subject types
 * it may be about, optionally its own rule keys, and a rule `council.kind.<kind>` whose value says how members
 * evaluate — points on the scoring sheet, or a rating (Xuất sắc / Đạt / Không đạt). The rule is dated and per
 * province like any other; the councils reference loader ships each registered kind's national default, and the
 * council freezes the version in force on its meeting date when it opens. Nothing in the councils code knows a
 * kind by its key.
 *
 *   registerCouncilKind('startup_selection', {
 *     label: { vi: 'Hội đồng tuyển chọn dự án khởi nghiệp', en: 'Startup selection council' },
 *     subjectTypes: ['startup_call'],                        // optional: any subject type when absent
 *     ruleKeys: { scoringSheet: 'startup.selection_sheet' }, // optional: instead of the subject's or council.*
 *     national: { effectiveFrom: '2024-01-01', legalBasis: 'Quyết định …/QĐ-UBND', evaluation: 'scoring' },
 *   });
 *
 * `national` may list several dated versions (the built-in kinds ship one per regime).
 */
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import { CouncilKindRule, type CouncilEvaluation } from '../../../shared/schemas/councils.ts';
import { registerRuleKey, type NationalRuleInput } from '../rules/rules.service.ts';
import type { RULE_KEYS } from './councils.rules.ts';

export interface CouncilKindDefinition {
  label: LocalizedText;
  /** Subject types whose councils may be of this kind; any registered subject type when absent. */
  subjectTypes?: string[];
  /** Rule keys (registered by the module with the councils' schemas) used instead of the subject's or council.* ones. */
  ruleKeys?: Partial<Record<keyof typeof RULE_KEYS, string>>;
  /** The national default of `council.kind.<kind>`, or its dated versions. */
  national: NationalKindVersion | NationalKindVersion[];
}

export interface NationalKindVersion { effectiveFrom: string; legalBasis: string; note?: string; evaluation: CouncilEvaluation }

const kinds = new Map<string, CouncilKindDefinition>();

export const councilKindRuleKey = (kind: string) => `council.kind.${kind}`;

/** Declares a council kind and its rule key. Registering a key twice with another definition is a programming error. */
export function registerCouncilKind(key: string, def: CouncilKindDefinition): void {
  if (!/^[a-z][a-z0-9_]{0,49}$/.test(key)) throw new Error(`council kind "${key}" must be snake_case`);
  const existing = kinds.get(key);
  if (existing && existing !== def) throw new Error(`council kind "${key}" is registered twice`);
  registerRuleKey(councilKindRuleKey(key), CouncilKindRule, {
    vi: `Cách đánh giá của loại hội đồng "${def.label.vi}": chấm điểm theo phiếu hoặc xếp loại`,
    en: `How a council of the kind "${def.label.en}" evaluates: scoring sheet or rating`,
  });
  kinds.set(key, def);
}

export const councilKind = (key: string): CouncilKindDefinition | undefined => kinds.get(key);

export const registeredCouncilKinds = (): string[] => [...kinds.keys()];

/** May a council about this subject type be of this kind. */
export const kindFitsSubject = (def: CouncilKindDefinition, subjectType: string) => !def.subjectTypes || def.subjectTypes.includes(subjectType);

/** The national defaults of every registered kind's rule (shipped by the councils reference loader). */
export function councilKindNationalRules(): NationalRuleInput[] {
  return [...kinds.entries()].flatMap(([key, def]) => (Array.isArray(def.national) ? def.national : [def.national]).map((v) => ({
    key: councilKindRuleKey(key), effectiveFrom: v.effectiveFrom, legalBasis: v.legalBasis,
    note: v.note ?? null, value: { evaluation: v.evaluation } satisfies CouncilKindRule,
  })));
}
