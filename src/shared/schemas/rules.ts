/**
 * Rules are data: a configuration value with an effective period and a legal citation, national by default and
 * overridable per province. Each module registers the shape of its rule values (src/server/modules/rules).
 */
import { z } from 'zod';
import { Id, IsoDate, optionalText, requiredText, LocalizedText } from './common.ts';

/** Dotted, lower case, at least two parts: `<module>.<name>`, e.g. `council.pass_rule`, `workflow.st_task`. */
export const RuleKey = z.string().trim().max(100).regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);

/** A text in both working languages (stage names, rule descriptions). */

/** `province`: the tenant's own version; `national`: the default every province inherits. */
export const RuleScope = z.enum(['province', 'national']);
export type RuleScope = z.infer<typeof RuleScope>;

export const RuleVersionInput = z.object({
  key: RuleKey,
  effectiveFrom: IsoDate,
  /** The legal document the value comes from: 'Thông tư 08/2017/TT-BKHCN', 'Quyết định 47/2018/QĐ-UBND tỉnh Lạng Sơn'. */
  legalBasis: requiredText(500),
  /** Checked against the schema the owning module registered for the key. */
  value: z.unknown(),
  note: optionalText(2000),
});
export type RuleVersionInput = z.infer<typeof RuleVersionInput>;

export const RuleVersion = z.object({
  id: Id,
  key: z.string(),
  scope: RuleScope,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  legalBasis: z.string(),
  value: z.unknown(),
  note: z.string().nullable(),
  createdBy: Id.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** True for the version that governs the province on the list's date (its own, else the national one). */
  inForce: z.boolean(),
});
export type RuleVersion = z.infer<typeof RuleVersion>;

export const RuleListQuery = z.object({
  key: RuleKey.optional(),
  /** Keys starting with this text, e.g. `workflow.`. */
  prefix: z.string().trim().max(100).optional(),
  /** The date whose rules to show; default today (Vietnam time). */
  onDate: IsoDate.optional(),
});
export type RuleListQuery = z.infer<typeof RuleListQuery>;

export const RuleSummary = z.object({
  key: z.string(),
  /** What the rule governs, as its module registered it; null for a key no module registers any more. */
  description: LocalizedText.nullable(),
  /** The version in force on the date (province first, else national); null when none is configured. */
  inForce: RuleVersion.nullable(),
});
export type RuleSummary = z.infer<typeof RuleSummary>;

export const RuleList = z.object({ onDate: z.string(), items: z.array(RuleSummary) });
export type RuleList = z.infer<typeof RuleList>;

export const RuleKeyParams = z.object({ key: RuleKey });

export const RuleHistory = z.object({
  key: z.string(),
  description: LocalizedText.nullable(),
  /** Newest first; the province's versions and the national ones. */
  items: z.array(RuleVersion),
});
export type RuleHistory = z.infer<typeof RuleHistory>;

export { LocalizedText };
