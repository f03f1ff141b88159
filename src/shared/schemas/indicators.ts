/**
 * Indicators (chỉ số), their targets (chỉ tiêu), entered values per period and administrative unit, the roll-up
 * through the admin-unit hierarchy as of a date (on the boundaries in force then, or as reported), the TFP
 * growth-accounting calculator and the dashboard. `IndicatorReportRow` is the contract the plans module's periodic
 * report reads (`indicators.service.indicatorReport`).
 */
import { z } from 'zod';
import { Id, IsoDate, LocalizedText, Timestamps, Version, optionalText, requiredText } from './common.ts';

export const INDICATOR_DIRECTIONS = ['increase', 'decrease', 'target'] as const;
export const IndicatorDirection = z.enum(INDICATOR_DIRECTIONS);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

export const PERIOD_TYPES = ['year', 'quarter', 'month'] as const;
export const PeriodType = z.enum(PERIOD_TYPES);
export type PeriodType = z.infer<typeof PeriodType>;

/**
 * How values of several units (children, or units merged into one) combine. `none`: only the unit's own value,
 * never combined (a ratio entered as such). Ratios that can be recomputed are formulas over their components.
 */
export const AGGREGATIONS = ['sum', 'average', 'min', 'max', 'none'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;

export const TARGET_KINDS = ['value', 'range', 'at_least', 'at_most'] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;

export const INDICATOR_STATUSES = ['met', 'on_track', 'behind', 'no_data'] as const;
export const IndicatorStatus = z.enum(INDICATOR_STATUSES);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

export const ROLLUP_VIEWS = ['current', 'as_reported'] as const;
export const RollupView = z.enum(ROLLUP_VIEWS);
export type RollupView = z.infer<typeof RollupView>;

/** A target as the plan states it: one value, a range (1,2–1,5 %), "at least" (≥ 100) or "at most". */
export const TargetSpec = z.object({
  kind: TargetKind,
  value: z.number().finite().optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export type TargetSpec = z.infer<typeof TargetSpec>;

/** One row of the indicator table of a plan's report and of the dashboard (THE contract with the plans module). */
export const IndicatorReportRow = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  unit: z.string(),
  direction: IndicatorDirection,
  year: z.number().int(),
  target: TargetSpec.nullable(),
  actual: z.number().nullable(),
  status: IndicatorStatus,
  source: z.enum(['formula', 'entered']),
  /** How the figure was obtained, in Vietnamese (the formula, the roll-up, the sources). */
  method: z.string().optional(),
});
export type IndicatorReportRow = z.infer<typeof IndicatorReportRow>;

/** The query of `indicatorReport` and of the dashboard. */
export const IndicatorReportQuery = z.object({
  planId: Id.optional(),
  year: z.coerce.number().int().min(1990).max(2100),
  asOf: IsoDate,
  view: RollupView.default('current'),
  adminUnitId: Id.optional(),
});
export type IndicatorReportQuery = z.infer<typeof IndicatorReportQuery>;

/** A period key: `2024`, `2024-Q3`, `2024-07`. */
export const PeriodKey = z.string().refine((p) => /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(p), { message: 'indicators.bad_period', params: { i18n: 'indicators.bad_period' } });

/** A formula: a registered source and its parameters (`tasks.ordered_since` { since }, `indicators.ratio` {…}). */
export const IndicatorFormula = z.object({
  source: z.string().trim().min(1).max(100),
  params: z.record(z.string(), z.union([z.string().max(200), z.number().finite(), z.boolean()])).default({}),
});
export type IndicatorFormula = z.infer<typeof IndicatorFormula>;

const IndicatorCode = z.string().trim().min(1).max(40).refine((c) => /^[A-Z0-9_.-]+$/i.test(c), { message: 'indicators.bad_code', params: { i18n: 'indicators.bad_code' } })
  .transform((c) => c.toUpperCase());

const IndicatorFields = z.object({
  code: IndicatorCode,
  name: LocalizedText,
  unit: requiredText(40),
  direction: IndicatorDirection,
  periodType: PeriodType.default('year'),
  aggregation: Aggregation.default('sum'),
  /** null: values are entered; else computed by the formula. */
  formula: IndicatorFormula.nullable().default(null),
  decimals: z.number().int().min(0).max(6).default(2),
  description: optionalText(2000),
});
export const IndicatorInput = IndicatorFields;
export type IndicatorInput = z.input<typeof IndicatorInput>;
export const IndicatorUpdate = IndicatorFields.extend({ version: Version });
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

export const Indicator = z.object({
  id: Id,
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  unit: z.string(),
  direction: IndicatorDirection,
  periodType: PeriodType,
  aggregation: Aggregation,
  formula: z.object({ source: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) }).nullable(),
  decimals: z.number().int(),
  description: z.string().nullable().optional(),
  version: z.number().int(),
  ...Timestamps,
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.object({ items: z.array(Indicator) });

/** The formula sources other modules registered (for the indicator form). */
export const IndicatorSourceInfo = z.object({ key: z.string(), label: z.object({ vi: z.string(), en: z.string() }), params: z.array(z.string()) });
export const IndicatorSourceList = z.object({ items: z.array(IndicatorSourceInfo) });

// ---- targets ----

export const IndicatorTargetInput = TargetSpec.extend({
  year: z.number().int().min(1990).max(2100),
  planId: Id.nullable().optional(),
  note: optionalText(1000),
}).superRefine((t, ctx) => {
  const need = (path: 'value' | 'min' | 'max') => {
    if (t[path] === undefined) ctx.addIssue({ code: 'custom', path: [path], message: 'indicators.target_incomplete', params: { i18n: 'indicators.target_incomplete' } });
  };
  if (t.kind === 'value') need('value');
  if (t.kind === 'at_least') need('min');
  if (t.kind === 'at_most') need('max');
  if (t.kind === 'range') {
    need('min'); need('max');
    if (t.min !== undefined && t.max !== undefined && t.min > t.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'indicators.target_range_inverted', params: { i18n: 'indicators.target_range_inverted' } });
    }
  }
});
export type IndicatorTargetInput = z.infer<typeof IndicatorTargetInput>;

export const IndicatorTarget = z.object({
  id: Id,
  indicatorId: Id,
  planId: Id.nullable(),
  year: z.number().int(),
  kind: TargetKind,
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;
export const IndicatorTargetList = z.object({ items: z.array(IndicatorTarget) });

// ---- entered values ----

export const IndicatorValueInput = z.object({
  period: PeriodKey,
  adminUnitId: Id,
  value: z.number().finite(),
  /** Where the figure comes from: "Cục Thống kê tỉnh, Niên giám 2024". */
  source: requiredText(500),
  note: optionalText(1000),
});
export type IndicatorValueInput = z.infer<typeof IndicatorValueInput>;
export const IndicatorValueUpdate = IndicatorValueInput.omit({ period: true, adminUnitId: true }).extend({ version: Version });
export type IndicatorValueUpdate = z.infer<typeof IndicatorValueUpdate>;

export const IndicatorValue = z.object({
  id: Id,
  indicatorId: Id,
  period: z.string(),
  adminUnitId: Id,
  adminUnitName: z.string(),
  value: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;
export const IndicatorValueListQuery = z.object({
  period: PeriodKey.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  adminUnitId: Id.optional(),
});
export const IndicatorValueList = z.object({ items: z.array(IndicatorValue) });

// ---- the figure behind a dashboard cell ----

export const IndicatorFigureQuery = IndicatorReportQuery.omit({ planId: true });
/** A figure and what it is made of: the values that went into it (with their units and sources) and how. */
export const IndicatorFigure = z.object({
  indicatorId: Id,
  code: z.string(),
  year: z.number().int(),
  actual: z.number().nullable(),
  method: z.string(),
  methodEn: z.string(),
  contributions: z.array(z.object({
    valueId: Id.nullable(),
    indicatorCode: z.string(),
    period: z.string(),
    reportedBy: z.object({ id: Id, name: z.string() }),
    countedIn: z.object({ id: Id, name: z.string() }).nullable(),
    value: z.number(),
    source: z.string(),
    superseded: z.boolean(),
  })),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

// ---- dashboard ----

export const DashboardQuery = z.object({
  planId: Id.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  adminUnitId: Id.optional(),
  asOf: IsoDate.optional(),
  view: RollupView.default('current'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardRow = IndicatorReportRow.extend({
  periodType: PeriodType,
  decimals: z.number().int(),
  series: z.array(z.object({ year: z.number().int(), actual: z.number().nullable(), target: TargetSpec.nullable() })),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const IndicatorDashboard = z.object({
  year: z.number().int(),
  asOf: IsoDate,
  view: RollupView,
  adminUnit: z.object({ id: Id, name: z.string() }).nullable(),
  /** The units the figures cover (a province before the merger: the old provinces that became it). */
  scope: z.array(z.object({ id: Id, name: z.string() })),
  rows: z.array(DashboardRow),
  counts: z.record(IndicatorStatus, z.number().int()),
});
export type IndicatorDashboard = z.infer<typeof IndicatorDashboard>;

// ---- plan items ↔ indicators ----

export const PlanItemIndicatorsInput = z.object({ indicatorIds: z.array(Id).max(100) });
export const PlanItemIndicators = z.object({
  itemId: Id,
  items: z.array(z.object({ id: Id, code: z.string(), name: z.object({ vi: z.string(), en: z.string() }), unit: z.string() })),
});
export type PlanItemIndicators = z.infer<typeof PlanItemIndicators>;

// ---- TFP ----

export const TfpQuery = z.object({
  fromYear: z.coerce.number().int().min(1990).max(2100),
  toYear: z.coerce.number().int().min(1990).max(2100),
  adminUnitId: Id.optional(),
  asOf: IsoDate.optional(),
  view: RollupView.default('current'),
  planId: Id.optional(),
  /** Indicator codes of the series (defaults: GRDP, CAPITAL_STOCK, EMPLOYMENT). */
  y: z.string().max(40).optional(),
  k: z.string().max(40).optional(),
  l: z.string().max(40).optional(),
});
export type TfpQuery = z.infer<typeof TfpQuery>;

export const TfpYear = z.object({
  year: z.number().int(),
  y: z.number().nullable(), k: z.number().nullable(), l: z.number().nullable(),
  gY: z.number().nullable(), gK: z.number().nullable(), gL: z.number().nullable(),
  alpha: z.number().nullable(),
  tfpGrowth: z.number().nullable(),
  /** TFP growth ÷ GRDP growth (null when GRDP did not grow or a series is missing). */
  tfpShare: z.number().nullable(),
});
export type TfpYear = z.infer<typeof TfpYear>;

export const TfpResult = z.object({
  years: z.array(TfpYear),
  average: z.object({ gY: z.number().nullable(), gK: z.number().nullable(), gL: z.number().nullable(), tfpGrowth: z.number().nullable(), tfpShare: z.number().nullable() }),
  method: z.object({ vi: z.string(), en: z.string() }),
  alpha: z.object({ value: z.number(), legalBasis: z.string(), effectiveFrom: z.string(), illustrative: z.boolean() }).nullable(),
  target: TargetSpec.nullable(),
  status: IndicatorStatus,
  series: z.object({ y: z.string(), k: z.string(), l: z.string() }),
  sources: z.array(z.object({ code: z.string(), year: z.number().int(), source: z.string() })),
});
export type TfpResult = z.infer<typeof TfpResult>;

// ---- Excel ----

export const ValueTemplateQuery = z.object({ period: PeriodKey, adminUnitId: Id.optional() });
export const ValueUploadResult = z.object({
  written: z.number().int(),
  errors: z.array(z.object({ cell: z.string(), code: z.string(), message: z.string() })),
});
export type ValueUploadResult = z.infer<typeof ValueUploadResult>;

export const IndicatorDeleteQuery = z.object({ version: z.coerce.number().pipe(Version) });
export const IndicatorIdParams = z.object({ id: Id });
export const IndicatorTargetParams = z.object({ id: Id, targetId: Id });
export const IndicatorValueParams = z.object({ id: Id, valueId: Id });
