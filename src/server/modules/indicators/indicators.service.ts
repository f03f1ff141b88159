/**
 * Indicators (chỉ số): their definitions, targets per year (the province's or a plan's), the values units enter per
 * period and administrative unit, and the figures computed from them — rolled up through the admin-unit hierarchy
 * as of a date (indicators.rollup.ts) or by a formula source (indicators.sources.ts) —, the dashboard, the plans
 * module's report rows (`indicatorReport`), the TFP calculator and the indicators a plan item serves.
 */
import { z } from 'zod';
import type { Ctx, Tx } from '../../context.ts';
import type { Db, DbHandle } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../errors.ts';
import { runQueries } from '../../db/queries.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { legalNumberKey } from '../../../lib/vi/legal-refs.ts';
import type {
  DashboardQuery, DashboardRow, Indicator, IndicatorDashboard, IndicatorFigure, IndicatorInput, IndicatorReportRow,
  IndicatorStatus, IndicatorTarget, IndicatorTargetInput, IndicatorUpdate, IndicatorValue, IndicatorValueInput,
  IndicatorValueUpdate, PlanItemIndicators, RollupView, TargetSpec, TfpQuery, TfpResult,
} from '../../../shared/schemas/indicators.ts';
import { IndicatorInput as IndicatorInputSchema } from '../../../shared/schemas/indicators.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { registerAttachmentSubject } from '../attachments/attachments.service.ts';
import { ensureNationalRules, registerRuleKey, resolveRule } from '../rules/rules.service.ts';
import { getTenant } from '../tenants/tenants.service.ts';
import { countOrderedTasks, fundingSummary } from '../tasks/tasks.service.ts';
import * as repo from './indicators.repo.ts';
import { can, canEnterFor } from './indicators.policy.ts';
import { combinePeriods, lineage, mapToDay, rollUp, rollupMemo, type RollupMemo, scopeOnDay, type Contribution, type UnitGraph, type UnitInfo } from './indicators.rollup.ts';
import { indicatorSource, indicatorSources, registerIndicatorSource, type SourceQuery } from './indicators.sources.ts';
import { statusOf, targetFor } from './indicators.status.ts';
import { TFP_METHOD, growthAccounting } from './indicators.tfp.ts';

export type { IndicatorReportRow } from '../../../shared/schemas/indicators.ts';
export { registerIndicatorSource } from './indicators.sources.ts';

const ENTITY = 'indicator';
const TARGET_ENTITY = 'indicator_target';
const VALUE_ENTITY = 'indicator_value';
export const TFP_ALPHA_RULE = 'indicators.tfp_alpha';
/** Codes of the TFP series and of the share indicator, unless the query names others. */
export const TFP_CODES = { y: 'GRDP', k: 'CAPITAL_STOCK', l: 'EMPLOYMENT', share: 'TFP_SHARE' } as const;
/** How many years before the chosen one the dashboard's trend shows. */
const SERIES_BACK = 6;
/** How many years after it (targets "by 2030"). */
const SERIES_AHEAD = 5;

// ---- DTOs ----

function indicatorDto(r: repo.IndicatorRow): Indicator {
  return {
    id: r.id, code: r.code, name: { vi: r.nameVi, en: r.nameEn }, unit: r.unit,
    direction: r.direction as Indicator['direction'], periodType: r.periodType as Indicator['periodType'],
    aggregation: r.aggregation as Indicator['aggregation'], formula: r.formula ?? null, decimals: r.decimals,
    description: r.description, version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

function targetDto(r: repo.TargetRow): IndicatorTarget {
  return {
    id: r.id, indicatorId: r.indicatorId, planId: r.planId, year: r.year, kind: r.kind as IndicatorTarget['kind'],
    value: r.value, min: r.minValue, max: r.maxValue, note: r.note, version: r.version,
  };
}

const specOf = (r: Pick<repo.TargetRow, 'kind' | 'value' | 'minValue' | 'maxValue'>): TargetSpec => ({
  kind: r.kind as TargetSpec['kind'],
  ...(r.value !== null ? { value: r.value } : {}),
  ...(r.minValue !== null ? { min: r.minValue } : {}),
  ...(r.maxValue !== null ? { max: r.maxValue } : {}),
});

function valueDto(r: repo.ValueRow): IndicatorValue {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const indicatorValues = (input: z.output<typeof IndicatorInputSchema>) => ({
  code: input.code, nameVi: input.name.vi, nameEn: input.name.en, unit: input.unit, direction: input.direction,
  periodType: input.periodType, aggregation: input.aggregation, formula: input.formula, decimals: input.decimals,
  description: input.description ?? null,
});

const indicatorRecords = versionedRecords({
  entity: ENTITY, constraints: { unique: { indicators_code_key: 'code' } },
  find: repo.findIndicator, toDto: indicatorDto, writes: repo.indicatorWrites,
});
const targetRecords = versionedRecords({
  entity: TARGET_ENTITY,
  constraints: {
    unique: { indicator_targets_province_year: 'year', indicator_targets_plan_year: 'year' },
    foreignKeys: { indicator_targets_plan_id_tenant_id_fkey: 'planId' },
  },
  find: repo.findTarget, toDto: targetDto, writes: repo.targetWrites,
});
const valueRecords = versionedRecords({
  entity: VALUE_ENTITY, constraints: { unique: { indicator_values_unique: 'period' }, foreignKeys: { indicator_values_admin_unit_id_fkey: 'adminUnitId' } },
  find: repo.findValue, toDto: valueDto, writes: repo.valueWrites,
});

// ---- indicators ----

function assertFormula(formula: IndicatorInput['formula'] | undefined) {
  if (formula && !indicatorSource(formula.source)) {
    throw validationError([{ path: 'body.formula.source', code: 'unknown_source', i18n: 'indicators.unknown_source', params: { source: formula.source } }]);
  }
}

export async function listIndicators(ctx: Ctx) {
  if (!can(ctx.actor, 'read')) throw forbidden();
  return { items: (await repo.listIndicators(ctx.db, ctx.actor.tenantId)).map(indicatorDto) };
}

export async function getIndicator(ctx: Ctx, id: string): Promise<Indicator> {
  return indicatorRecords.get(ctx, id, () => can(ctx.actor, 'read'));
}

export async function createIndicator(ctx: Ctx, input: IndicatorInput): Promise<Indicator> {
  const parsed = IndicatorInputSchema.parse(input);
  assertFormula(parsed.formula);
  return indicatorRecords.create(ctx, indicatorValues(parsed), { input: parsed, authorize: () => can(ctx.actor, 'manage') });
}

export async function updateIndicator(ctx: Ctx, id: string, input: IndicatorUpdate): Promise<Indicator> {
  assertFormula(input.formula);
  return indicatorRecords.update(ctx, id, input.version, indicatorValues(input), { input, authorize: () => can(ctx.actor, 'manage') });
}

export async function deleteIndicator(ctx: Ctx, id: string, version: number): Promise<void> {
  await indicatorRecords.remove(ctx, id, version, { authorize: () => can(ctx.actor, 'manage') });
}

export function listSources(ctx: Ctx) {
  if (!can(ctx.actor, 'read')) throw forbidden();
  return { items: indicatorSources().map(([key, s]) => ({ key, label: s.label, params: s.params })) };
}

// ---- targets ----

async function indicatorOf(db: Db | Tx, ctx: Ctx, id: string): Promise<repo.IndicatorRow> {
  const row = await repo.findIndicator(db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  return row;
}

export async function listTargets(ctx: Ctx, indicatorId: string) {
  if (!can(ctx.actor, 'read')) throw forbidden();
  await indicatorOf(ctx.db, ctx, indicatorId);
  return { items: (await repo.targetsOf(ctx.db, ctx.actor.tenantId, indicatorId)).map(targetDto) };
}

const targetColumns = (t: IndicatorTargetInput) => ({
  year: t.year, planId: t.planId ?? null, kind: t.kind,
  value: t.kind === 'value' ? t.value ?? null : null,
  minValue: t.kind === 'at_least' || t.kind === 'range' ? t.min ?? null : null,
  maxValue: t.kind === 'at_most' || t.kind === 'range' ? t.max ?? null : null,
  note: t.note ?? null,
});

async function assertPlan(tx: Tx, ctx: Ctx, planId: string | null | undefined) {
  if (planId && !(await repo.planExists(tx, ctx.actor.tenantId, planId))) {
    throw validationError([{ path: 'body.planId', code: 'unknown_reference', params: { entity: 'plan' } }]);
  }
}

export async function createTarget(ctx: Ctx, indicatorId: string, input: IndicatorTargetInput): Promise<IndicatorTarget> {
  return targetRecords.create(ctx, { ...targetColumns(input), indicatorId }, {
    input, authorize: () => can(ctx.actor, 'manage'),
    check: async (tx) => { await indicatorOf(tx, ctx, indicatorId); await assertPlan(tx, ctx, input.planId); },
  });
}

async function targetOfIndicator(tx: Tx, ctx: Ctx, indicatorId: string, targetId: string) {
  const row = await repo.findTarget(tx, ctx.actor.tenantId, targetId);
  if (!row || row.indicatorId !== indicatorId) throw notFound(TARGET_ENTITY, targetId);
}

export async function updateTarget(ctx: Ctx, indicatorId: string, targetId: string, input: IndicatorTargetInput & { version: number }): Promise<IndicatorTarget> {
  return targetRecords.update(ctx, targetId, input.version, targetColumns(input), {
    input, authorize: () => can(ctx.actor, 'manage'),
    check: async (tx) => { await targetOfIndicator(tx, ctx, indicatorId, targetId); await assertPlan(tx, ctx, input.planId); },
  });
}

export async function deleteTarget(ctx: Ctx, indicatorId: string, targetId: string, version: number): Promise<void> {
  await targetRecords.remove(ctx, targetId, version, {
    authorize: () => can(ctx.actor, 'manage'), check: (tx) => targetOfIndicator(tx, ctx, indicatorId, targetId),
  });
}

// ---- units ----

/**
 * Admin units are reference data written once by their loader, so the roll-up's graph (a unit, its parent, its
 * successors and predecessors) is cached by id in the process; ids are random uuids, so two databases never share one.
 */
const unitCache = new Map<string, UnitInfo>();
const UNIT_CACHE_MAX = 50_000;

function toUnitInfo(r: repo.UnitLinkRow): UnitInfo {
  return {
    id: r.id, name: r.name, parentId: r.parentId,
    validFrom: r.validFrom === '-infinity' ? null : r.validFrom, validTo: r.validTo,
    successors: r.successors ?? [], predecessors: r.predecessors ?? [],
  };
}

/** The graph around these units: their ancestors, successors (and theirs), and the predecessors of `scopeIds`. */
export async function unitGraph(db: Db | Tx, unitIds: string[], scopeIds: string[] = []): Promise<UnitGraph> {
  if (unitCache.size > UNIT_CACHE_MAX) unitCache.clear();
  const expandPredecessors = new Set(scopeIds);
  let frontier = [...new Set([...unitIds, ...scopeIds])].filter((id) => !unitCache.has(id));
  const seenScope = new Set<string>();
  for (let step = 0; step < 16; step++) {
    // Predecessors of a scope unit already cached still need their own graph.
    for (const id of expandPredecessors) {
      const u = unitCache.get(id);
      if (u && !seenScope.has(id)) { seenScope.add(id); frontier.push(...u.predecessors.filter((p) => !unitCache.has(p))); }
    }
    frontier = [...new Set(frontier)];
    if (frontier.length === 0) break;
    const rows = await repo.unitsWithLinks(db, frontier);
    for (const r of rows) unitCache.set(r.id, toUnitInfo(r));
    frontier = rows.flatMap((r) => [r.parentId, ...(r.successors ?? []).map((s) => s.id)])
      .filter((x): x is string => !!x && !unitCache.has(x));
  }
  return unitCache;
}

async function unitLevel(db: Db | Tx, id: string): Promise<string | null> {
  return (await repo.unitsWithLinks(db, [id]))[0]?.level ?? null;
}

async function tenantProvince(ctx: Ctx): Promise<string | null> {
  return (await getTenant(ctx.db, ctx.actor.tenantId)).provinceUnitId ?? null;
}

/** The unit a unit officer enters values for: its commune, or its province when it works in a department. */
async function ownUnit(ctx: Ctx): Promise<string | null> {
  if (ctx.actor.adminUnitId) return ctx.actor.adminUnitId;
  return ctx.actor.agencyId ? tenantProvince(ctx) : null;
}

function periodBounds(period: string): [string, string] {
  const year = period.slice(0, 4);
  if (period.length === 4) return [`${year}-01-01`, `${year}-12-31`];
  if (period.includes('Q')) {
    const q = Number(period.slice(6));
    const from = String((q - 1) * 3 + 1).padStart(2, '0');
    const to = String(q * 3).padStart(2, '0');
    return [`${year}-${from}-01`, `${year}-${to}-${['03', '12'].includes(to) ? '31' : '30'}`];
  }
  const m = Number(period.slice(5));
  const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return [`${period}-01`, `${period}-${String(last).padStart(2, '0')}`];
}

export function periodFits(periodType: string, period: string): boolean {
  return periodType === 'year' ? /^\d{4}$/.test(period) : periodType === 'quarter' ? /-Q[1-4]$/.test(period) : /^\d{4}-\d{2}$/.test(period);
}

/**
 * A value's unit must be the province's (it, or a unit that went into it) and in force during the period, and a unit
 * officer may enter only its own unit's. `path` names the field (or the cell) in the error.
 */
export async function assertValueUnit(db: Db | Tx, ctx: Ctx, o: { unitId: string; period: string; path: string; province: string | null; own: string | null }) {
  const graph = await unitGraph(db, [o.unitId]);
  const unit = graph.get(o.unitId);
  if (!unit) throw validationError([{ path: o.path, code: 'unknown_reference', params: { entity: 'admin_unit' } }]);
  if (!canEnterFor(ctx.actor, o.unitId, o.own)) {
    throw new AppError('indicators.not_your_unit', { status: 403, params: { unit: unit.name }, details: [{ path: o.path, code: 'not_your_unit' }] });
  }
  const [from, to] = periodBounds(o.period);
  if (!((unit.validFrom === null || unit.validFrom <= to) && (unit.validTo === null || unit.validTo >= from))) {
    throw validationError([{ path: o.path, code: 'unit_not_in_period', i18n: 'indicators.unit_not_in_period', params: { unit: unit.name, period: o.period } }]);
  }
  if (o.province) {
    const mapped = [o.unitId, ...lineage(graph, o.unitId)];
    const today = todayInVietnam();
    const now = mapToDay(graph, o.unitId, today);
    const belongs = mapped.includes(o.province) || (now !== null && lineage(graph, now).includes(o.province));
    if (!belongs) throw validationError([{ path: o.path, code: 'unit_outside_province', i18n: 'indicators.unit_outside_province', params: { unit: unit.name } }]);
  }
}

// ---- values ----

export async function listValues(ctx: Ctx, indicatorId: string, q: { period?: string; year?: number; adminUnitId?: string }) {
  if (!can(ctx.actor, 'read')) throw forbidden();
  await indicatorOf(ctx.db, ctx, indicatorId);
  return { items: (await repo.listValues(ctx.db, ctx.actor.tenantId, { indicatorId, ...q })).map(valueDto) };
}

function assertEntered(ind: repo.IndicatorRow, period: string, path: string) {
  if (ind.formula) throw new AppError('indicators.computed', { status: 409, params: { code: ind.code }, details: [{ path: 'params.id', code: 'computed' }] });
  if (!periodFits(ind.periodType, period)) {
    throw validationError([{ path, code: 'period_type', i18n: 'indicators.period_type', params: { code: ind.code, periodType: ind.periodType } }]);
  }
}

export async function createValue(ctx: Ctx, indicatorId: string, input: IndicatorValueInput): Promise<IndicatorValue> {
  if (!can(ctx.actor, 'enter_values')) throw forbidden();
  const [province, own] = [await tenantProvince(ctx), await ownUnit(ctx)];
  return valueRecords.create(ctx, {
    indicatorId, period: input.period, periodYear: Number(input.period.slice(0, 4)), adminUnitId: input.adminUnitId,
    value: input.value, source: input.source, note: input.note ?? null, enteredBy: ctx.actor.userId,
  }, {
    input,
    check: async (tx) => {
      assertEntered(await indicatorOf(tx, ctx, indicatorId), input.period, 'body.period');
      await assertValueUnit(tx, ctx, { unitId: input.adminUnitId, period: input.period, path: 'body.adminUnitId', province, own });
    },
  });
}

async function valueOfIndicator(tx: Tx, ctx: Ctx, indicatorId: string, valueId: string, own: string | null) {
  const row = await repo.findValue(tx, ctx.actor.tenantId, valueId);
  if (!row || row.indicatorId !== indicatorId) throw notFound(VALUE_ENTITY, valueId);
  if (!canEnterFor(ctx.actor, row.adminUnitId, own)) throw forbidden();
  return row;
}

export async function updateValue(ctx: Ctx, indicatorId: string, valueId: string, input: IndicatorValueUpdate): Promise<IndicatorValue> {
  if (!can(ctx.actor, 'enter_values')) throw forbidden();
  const own = await ownUnit(ctx);
  return valueRecords.update(ctx, valueId, input.version, {
    value: input.value, source: input.source, note: input.note ?? null, enteredBy: ctx.actor.userId,
  }, { input, check: async (tx) => { await valueOfIndicator(tx, ctx, indicatorId, valueId, own); } });
}

export async function deleteValue(ctx: Ctx, indicatorId: string, valueId: string, version: number): Promise<void> {
  if (!can(ctx.actor, 'enter_values')) throw forbidden();
  const own = await ownUnit(ctx);
  await valueRecords.remove(ctx, valueId, version, { check: async (tx) => { await valueOfIndicator(tx, ctx, indicatorId, valueId, own); } });
}

/** Writes a whole set of values (an uploaded template) in one transaction: insert or replace each, audited. */
export async function writeValues(tx: Tx, ctx: Ctx, rows: { indicatorId: string; period: string; adminUnitId: string; value: number; source: string; note: string | null }[]) {
  for (const r of rows) {
    const existing = await repo.findValueByKey(tx, ctx.actor.tenantId, r);
    const values = { value: r.value, source: r.source, note: r.note, enteredBy: ctx.actor.userId };
    if (existing) {
      const before = await repo.findValue(tx, ctx.actor.tenantId, existing.id);
      if (!(await repo.valueWrites.update(tx, ctx.actor.tenantId, existing.id, existing.version, values))) {
        throw new AppError('common.version_conflict', { status: 409, params: { current: '?', sent: existing.version } });
      }
      const after = await repo.findValue(tx, ctx.actor.tenantId, existing.id);
      await recordAudit(tx, ctx, { action: 'import', entity: VALUE_ENTITY, entityId: existing.id, before: before && valueDto(before), after: after && valueDto(after) });
    } else {
      const id = await repo.valueWrites.insert(tx, ctx.actor.tenantId, { ...r, ...values, periodYear: Number(r.period.slice(0, 4)) });
      const after = await repo.findValue(tx, ctx.actor.tenantId, id);
      await recordAudit(tx, ctx, { action: 'import', entity: VALUE_ENTITY, entityId: id, after: after && valueDto(after) });
    }
  }
}

/** What the Excel template and its upload need: the indicators entered for a period type, the actor's units. */
export async function valueEntryContext(ctx: Ctx, o: { period: string; adminUnitId?: string }) {
  if (!can(ctx.actor, 'enter_values')) throw forbidden();
  const own = await ownUnit(ctx);
  const province = await tenantProvince(ctx);
  const unitId = o.adminUnitId ?? own ?? province;
  if (!unitId) throw validationError([{ path: 'query.adminUnitId', code: 'required' }]);
  await assertValueUnit(ctx.db, ctx, { unitId, period: o.period, path: 'query.adminUnitId', province, own });
  const all = await repo.listIndicators(ctx.db, ctx.actor.tenantId);
  const entered = all.filter((i) => !i.formula && periodFits(i.periodType, o.period));
  const existing = new Map<string, repo.ValueRow>();
  for (const ind of entered) {
    const [v] = await repo.listValues(ctx.db, ctx.actor.tenantId, { indicatorId: ind.id, period: o.period, adminUnitId: unitId });
    if (v) existing.set(ind.id, v);
  }
  const unitName = (await repo.unitNames(ctx.db, [unitId])).get(unitId) ?? '';
  return { unitId, unitName, indicators: entered, existing, province, own };
}

// ---- figures ----

interface Figure {
  value: number | null;
  contributions: (Contribution & { indicatorCode: string; period: string; source: string })[];
  method: { vi: string; en: string };
}

interface Env {
  ctx: Ctx;
  asOf: string;
  view: RollupView;
  /** null: every unit of the province. */
  scope: string[] | null;
  wholeProvince: boolean;
  units: UnitGraph;
  byCode: Map<string, repo.IndicatorRow>;
  values: Map<string, repo.RawValue[]>;
  memo: Map<string, Promise<Figure>>;
  unitMemo: RollupMemo;
}

const AGG_WORDS: Record<string, { vi: string; en: string }> = {
  sum: { vi: 'tổng', en: 'sum' }, average: { vi: 'trung bình', en: 'average' }, min: { vi: 'nhỏ nhất', en: 'minimum' },
  max: { vi: 'lớn nhất', en: 'maximum' }, none: { vi: 'số liệu riêng của đơn vị, không cộng dồn', en: "the unit's own figure, not combined" },
};

function enteredMethod(ind: repo.IndicatorRow, view: RollupView, asOf: string) {
  const agg = AGG_WORDS[ind.aggregation];
  const vi = view === 'current'
    ? `Số liệu các đơn vị nhập (${agg.vi}), quy về địa giới hành chính ngày ${asOf.split('-').reverse().join('/')} (đơn vị đã sáp nhập cộng vào đơn vị kế thừa)`
    : `Số liệu các đơn vị nhập (${agg.vi}), theo đơn vị đã báo cáo (không quy đổi địa giới)`;
  const en = view === 'current'
    ? `Values entered by units (${agg.en}), on the administrative boundaries of ${asOf} (merged units counted in their successor)`
    : `Values entered by units (${agg.en}), as reported (boundaries not converted)`;
  return { vi, en };
}

function figureOf(env: Env, ind: repo.IndicatorRow, year: number): Promise<Figure> {
  const key = `${ind.id}@${year}`;
  let p = env.memo.get(key);
  if (!p) {
    p = computeFigure(env, ind, year);
    env.memo.set(key, p);
  }
  return p;
}

async function computeFigure(env: Env, ind: repo.IndicatorRow, year: number): Promise<Figure> {
  if (ind.formula) {
    const source = indicatorSource(ind.formula.source);
    if (!source) return { value: null, contributions: [], method: { vi: `Nguồn công thức chưa đăng ký: ${ind.formula.source}`, en: `Unregistered formula source: ${ind.formula.source}` } };
    const params = ind.formula.params ?? {};
    const other = async (code: string, y = year) => {
      const dep = env.byCode.get(code.toUpperCase());
      return dep && dep.id !== ind.id ? (await figureOf(env, dep, y)).value : null;
    };
    const q: SourceQuery = {
      period: String(year), year, adminUnitIds: env.scope ?? [], asOf: env.asOf, view: env.view, params,
      wholeProvince: env.wholeProvince,
      indicator: (code) => other(code), indicatorAt: (code, y) => other(code, y),
    };
    let value: number | null;
    try {
      value = await source.compute(env.ctx, q);
    } catch (e) {
      // A source whose data the reader may not see (the tasks' figures for a unit officer) gives no figure.
      if (e instanceof AppError && e.status === 403) value = null;
      else throw e;
    }
    const contributions: Figure['contributions'] = [];
    for (const code of source.components?.(params) ?? []) {
      const dep = env.byCode.get(code.toUpperCase());
      if (dep) contributions.push(...(await figureOf(env, dep, year)).contributions);
    }
    const described = source.describe?.(params) ?? source.label;
    return { value: value !== null && Number.isFinite(value) ? value : null, contributions, method: described };
  }
  const rows = (env.values.get(ind.id) ?? []).filter((v) => v.year === year);
  const byPeriod = new Map<string, repo.RawValue[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  const contributions: Figure['contributions'] = [];
  const perPeriod: { period: string; value: number | null }[] = [];
  for (const [period, vs] of byPeriod) {
    const r = rollUp({
      units: env.units, values: vs.map((v) => ({ id: v.id, unitId: v.unitId, value: v.value, count: v.count, min: v.min, max: v.max })), asOf: env.asOf, view: env.view,
      scope: env.scope, aggregation: ind.aggregation as 'sum', memo: env.unitMemo,
    });
    perPeriod.push({ period, value: r.value });
    const src = new Map(vs.map((v) => [v.id, v.source]));
    contributions.push(...r.contributions.map((c) => ({ ...c, indicatorCode: ind.code, period, source: (c.id && src.get(c.id)) ?? '' })));
  }
  return { value: combinePeriods(ind.aggregation as 'sum', perPeriod), contributions, method: enteredMethod(ind, env.view, env.asOf) };
}

/** Everything the figures of these indicators (and the ones their formulas name) over these years need. */
async function buildEnv(ctx: Ctx, o: {
  asOf: string; view: RollupView; adminUnitId?: string; fromYear: number; toYear: number; all: repo.IndicatorRow[];
  /** Like communes pre-summed in the database (figures only; the values' ids and sources are then not read). */
  grouped?: boolean;
  /** The tenant's province, when the caller has read it already. */
  province?: string | null;
}): Promise<Env> {
  const province = o.province !== undefined ? o.province : await tenantProvince(ctx);
  const requested = o.adminUnitId ?? province;
  // A formula over a period (the TFP share since a year) reads the years before the range too.
  const since = o.all.map((i) => Number(i.formula?.params?.fromYear) - 1).filter((y) => Number.isInteger(y) && y > 1900);
  const q = { indicatorIds: o.all.filter((i) => !i.formula).map((i) => i.id), fromYear: Math.min(o.fromYear, ...since), toYear: o.toYear };
  // The sums of a province's communes pooled by province (`coarse`), of any smaller unit's finer.
  const coarse = async () => !requested || requested === province || (await unitLevel(ctx.db, requested)) === 'province';
  const values = o.grouped
    ? await repo.summedValuesForRollup(ctx.db, ctx.actor.tenantId, { ...q, asOf: o.asOf, coarse: await coarse() })
    : await repo.valuesForRollup(ctx.db, ctx.actor.tenantId, q);
  const units = await unitGraph(ctx.db, [...new Set(values.map((v) => v.unitId))], requested ? [requested] : []);
  if (o.adminUnitId && !units.get(o.adminUnitId)) throw validationError([{ path: 'query.adminUnitId', code: 'unknown_reference', params: { entity: 'admin_unit' } }]);
  const byIndicator = new Map<string, repo.RawValue[]>();
  for (const v of values) {
    const list = byIndicator.get(v.indicatorId);
    if (list) list.push(v);
    else byIndicator.set(v.indicatorId, [v]);
  }
  return {
    ctx, asOf: o.asOf, view: o.view, scope: requested ? [requested] : null,
    wholeProvince: !o.adminUnitId || o.adminUnitId === province,
    units, byCode: new Map(o.all.map((i) => [i.code, i])), values: byIndicator, memo: new Map(), unitMemo: rollupMemo(),
  };
}

function scopeUnits(env: Env): { id: string; name: string }[] {
  if (!env.scope) return [];
  const ids = env.view === 'current' ? env.scope.flatMap((s) => scopeOnDay(env.units, s, env.asOf)) : env.scope;
  return ids.map((id) => ({ id, name: env.units.get(id)?.name ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

interface Row { ind: repo.IndicatorRow; targets: repo.TargetRow[] }

async function rowFor(env: Env, r: Row, year: number): Promise<IndicatorReportRow> {
  const fig = await figureOf(env, r.ind, year);
  const prev = await figureOf(env, r.ind, year - 1);
  const t = targetFor(r.targets, year);
  const target = t ? specOf(t) : null;
  return {
    indicatorId: r.ind.id, code: r.ind.code, name: { vi: r.ind.nameVi, en: r.ind.nameEn }, unit: r.ind.unit,
    direction: r.ind.direction as IndicatorReportRow['direction'], year, target, actual: fig.value,
    status: statusOf({ direction: r.ind.direction as 'increase', target, targetYear: t?.year ?? null, year, actual: fig.value, previous: prev.value }),
    source: r.ind.formula ? 'formula' : 'entered', method: fig.method.vi,
  };
}

/** The indicators shown: the plan's (its targets and items'), or every indicator of the province. */
async function rowsOfPlan(ctx: Ctx, all: repo.IndicatorRow[], planId: string | undefined): Promise<Row[]> {
  const t = ctx.actor.tenantId;
  const [exists, planIds, planTargets, ownTargets] = await runQueries(ctx.db, [
    () => (planId ? repo.planExists(ctx.db, t, planId) : Promise.resolve(true)),
    () => (planId ? repo.planIndicatorIds(ctx.db, t, planId) : Promise.resolve(null)),
    () => (planId ? repo.targetsFor(ctx.db, t, { planId }) : Promise.resolve([])),
    () => repo.targetsFor(ctx.db, t, { planId: null }),
  ] as const);
  if (planId && !exists) throw notFound('plan', planId);
  const ids = planIds ? new Set(planIds) : null;
  const shown = ids ? all.filter((i) => ids.has(i.id)) : all;
  return shown.map((ind) => {
    const mine = planTargets.filter((t) => t.indicatorId === ind.id);
    return { ind, targets: mine.length ? mine : ownTargets.filter((t) => t.indicatorId === ind.id) };
  });
}

/**
 * Each indicator (of the plan, or every one of the province) against its target for the year, on the boundaries of
 * `asOf` (`current`) or as reported, for the unit (default: the province). The plans module's report reads this.
 */
export async function indicatorReport(ctx: Ctx, q: { planId?: string; year: number; asOf: string; view: RollupView; adminUnitId?: string }): Promise<IndicatorReportRow[]> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const all = await repo.listIndicators(ctx.db, ctx.actor.tenantId);
  const rows = await rowsOfPlan(ctx, all, q.planId);
  const env = await buildEnv(ctx, { ...q, fromYear: q.year - 1, toYear: q.year, all, grouped: true });
  const out: IndicatorReportRow[] = [];
  for (const r of rows) out.push(await rowFor(env, r, q.year));
  return out;
}

/** The dashboard: target against actual per indicator, with the trend series and the counts per status. */
export async function indicatorDashboard(ctx: Ctx, q: DashboardQuery): Promise<IndicatorDashboard> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const asOf = q.asOf ?? todayInVietnam();
  const year = q.year ?? Number(asOf.slice(0, 4));
  const [all, province] = await runQueries(ctx.db, [() => repo.listIndicators(ctx.db, ctx.actor.tenantId), () => tenantProvince(ctx)] as const);
  const rows = await rowsOfPlan(ctx, all, q.planId);
  const fromYear = year - SERIES_BACK;
  const lastTarget = Math.max(year, ...rows.flatMap((r) => r.targets.map((t) => t.year)).filter((y) => y <= year + SERIES_AHEAD));
  const env = await buildEnv(ctx, { asOf, view: q.view, adminUnitId: q.adminUnitId, fromYear: fromYear - 1, toYear: lastTarget, all, grouped: true, province });
  const out: DashboardRow[] = [];
  for (const r of rows) {
    const base = await rowFor(env, r, year);
    const series: DashboardRow['series'] = [];
    for (let y = fromYear; y <= lastTarget; y++) {
      const t = r.targets.find((x) => x.year === y);
      series.push({ year: y, actual: y <= year ? (await figureOf(env, r.ind, y)).value : null, target: t ? specOf(t) : null });
    }
    out.push({ ...base, periodType: r.ind.periodType as DashboardRow['periodType'], decimals: r.ind.decimals, series });
  }
  const counts = { met: 0, on_track: 0, behind: 0, no_data: 0 } as Record<IndicatorStatus, number>;
  for (const r of out) counts[r.status]++;
  const unitId = q.adminUnitId ?? province;
  return {
    year, asOf, view: q.view, adminUnit: unitId ? { id: unitId, name: env.units.get(unitId)?.name ?? '' } : null,
    scope: scopeUnits(env), rows: out, counts,
  };
}

/** A figure and what it is made of: the values (their units, where each was counted, sources) and the method. */
export async function indicatorFigure(ctx: Ctx, id: string, q: { year: number; asOf: string; view: RollupView; adminUnitId?: string }): Promise<IndicatorFigure> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const ind = await indicatorOf(ctx.db, ctx, id);
  const all = await repo.listIndicators(ctx.db, ctx.actor.tenantId);
  const env = await buildEnv(ctx, { ...q, fromYear: q.year - SERIES_BACK, toYear: q.year, all });
  const fig = await figureOf(env, ind, q.year);
  const name = (uid: string | null) => (uid ? { id: uid, name: env.units.get(uid)?.name ?? uid } : null);
  return {
    indicatorId: ind.id, code: ind.code, year: q.year, actual: fig.value, method: fig.method.vi, methodEn: fig.method.en,
    contributions: fig.contributions.filter((c) => c.inScope).map((c) => ({
      valueId: c.id, indicatorCode: c.indicatorCode, period: c.period, reportedBy: name(c.unitId)!, countedIn: name(c.countedIn),
      value: c.value, source: c.source, superseded: c.superseded,
    })),
  };
}

// ---- TFP ----

export const TfpAlphaRule = z.object({
  /** The capital share α of the Cobb–Douglas production function, 0 < α < 1. */
  alpha: z.number().gt(0).lt(1),
  illustrative: z.boolean().default(false),
});
export type TfpAlphaRule = z.infer<typeof TfpAlphaRule>;

async function alphaOn(ctx: Ctx, year: number) {
  try {
    return await resolveRule<TfpAlphaRule>(ctx.db, { tenantId: ctx.actor.tenantId, key: TFP_ALPHA_RULE, onDate: `${year}-12-31` });
  } catch (e) {
    if (e instanceof AppError && e.code === 'rules.not_configured') return null;
    throw e;
  }
}

/** The growth-accounting calculator over the GRDP, capital and employment series (indicator values with sources). */
export async function tfpCalculator(ctx: Ctx, q: TfpQuery): Promise<TfpResult> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  if (q.toYear < q.fromYear || q.toYear - q.fromYear > 30) {
    throw validationError([{ path: 'query.toYear', code: 'bad_range', i18n: 'indicators.bad_year_range' }]);
  }
  const codes = { y: (q.y ?? TFP_CODES.y).toUpperCase(), k: (q.k ?? TFP_CODES.k).toUpperCase(), l: (q.l ?? TFP_CODES.l).toUpperCase() };
  const all = await repo.listIndicators(ctx.db, ctx.actor.tenantId);
  const byCode = new Map(all.map((i) => [i.code, i]));
  for (const [k, code] of Object.entries(codes)) {
    if (!byCode.has(code)) throw validationError([{ path: `query.${k}`, code: 'unknown_indicator', i18n: 'indicators.unknown_code', params: { code } }]);
  }
  const asOf = q.asOf ?? todayInVietnam();
  const env = await buildEnv(ctx, { asOf, view: q.view, adminUnitId: q.adminUnitId, fromYear: q.fromYear - 1, toYear: q.toYear, all });
  const points = [];
  const sources: TfpResult['sources'] = [];
  for (let year = q.fromYear - 1; year <= q.toYear; year++) {
    const [y, k, l] = [await figureOf(env, byCode.get(codes.y)!, year), await figureOf(env, byCode.get(codes.k)!, year), await figureOf(env, byCode.get(codes.l)!, year)];
    points.push({ year, y: y.value, k: k.value, l: l.value });
    for (const f of [y, k, l]) {
      for (const c of f.contributions) if (c.inScope && !c.superseded) sources.push({ code: c.indicatorCode, year, source: c.source });
    }
  }
  const alphas = new Map<number, Awaited<ReturnType<typeof alphaOn>>>();
  for (let year = q.fromYear; year <= q.toYear; year++) alphas.set(year, await alphaOn(ctx, year));
  const result = growthAccounting(points, (year) => alphas.get(year)?.value.alpha ?? null);
  const lastAlpha = alphas.get(q.toYear) ?? null;
  // The plan's target for TFP's share (QĐ 9737: more than 50 % of growth), read in percent.
  const shareInd = byCode.get(TFP_CODES.share);
  let target: TargetSpec | null = null;
  let targetYear: number | null = null;
  if (shareInd) {
    const [row] = await rowsOfPlan(ctx, [shareInd], q.planId);
    const t = row ? targetFor(row.targets, q.toYear) : null;
    target = t ? specOf(t) : null;
    targetYear = t?.year ?? null;
  }
  const share = result.average.tfpShare;
  return {
    years: result.years.filter((y) => y.year >= q.fromYear),
    average: result.average,
    method: TFP_METHOD,
    alpha: lastAlpha ? { value: lastAlpha.value.alpha, legalBasis: lastAlpha.legalBasis, effectiveFrom: lastAlpha.effectiveFrom, illustrative: lastAlpha.value.illustrative } : null,
    target,
    status: statusOf({ direction: 'increase', target, targetYear, year: q.toYear, actual: share === null ? null : share * 100, previous: null }),
    series: codes,
    sources: [...new Map(sources.map((s) => [`${s.code}|${s.year}|${s.source}`, s])).values()],
  };
}

// ---- plan items ----

export async function planItemIndicators(ctx: Ctx, itemId: string): Promise<PlanItemIndicators> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  if (!(await repo.planItemPlan(ctx.db, ctx.actor.tenantId, itemId))) throw notFound('plan_item', itemId);
  const rows = await repo.itemIndicators(ctx.db, ctx.actor.tenantId, itemId);
  return { itemId, items: rows.map((r) => ({ id: r.id, code: r.code, name: { vi: r.nameVi, en: r.nameEn }, unit: r.unit })) };
}

export async function setPlanItemIndicators(ctx: Ctx, itemId: string, indicatorIds: string[]): Promise<PlanItemIndicators> {
  if (!can(ctx.actor, 'manage')) throw forbidden();
  const ids = [...new Set(indicatorIds)];
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.planItemPlan(tx, ctx.actor.tenantId, itemId))) throw notFound('plan_item', itemId);
    const found = await repo.listIndicators(tx, ctx.actor.tenantId, ids);
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) {
      throw validationError(missing.map((id) => ({ path: `body.indicatorIds.${ids.indexOf(id)}`, code: 'unknown_reference', params: { entity: ENTITY } })));
    }
    const before = (await repo.itemIndicators(tx, ctx.actor.tenantId, itemId)).map((r) => r.code);
    await repo.replaceItemIndicators(tx, ctx.actor.tenantId, itemId, ids);
    await recordAudit(tx, ctx, { action: 'update', entity: 'plan_item_indicators', entityId: itemId, before: { indicators: before }, after: { indicators: found.map((f) => f.code).sort() } });
  });
  return planItemIndicators(ctx, itemId);
}

/** The demo seed's plan lookup: the plan carrying out the decision with this number, or null. */
export async function planIdByDocumentNumber(db: Db | Tx, tenantId: string, number: string): Promise<string | null> {
  return repo.planIdByDocumentNumberKey(db, tenantId, legalNumberKey(number));
}

// ---- registrations and reference data ----

function registerSources(): void {
  registerIndicatorSource('indicators.ratio', {
    label: { vi: 'Tỷ số của hai chỉ số (tính lại từ các thành phần đã tổng hợp)', en: 'Ratio of two indicators (recomputed from rolled-up components)' },
    params: ['numerator', 'denominator', 'scale'],
    components: (p) => [String(p.numerator), String(p.denominator)],
    describe: (p) => ({
      vi: `${String(p.numerator)} ÷ ${String(p.denominator)} × ${String(p.scale ?? 1)}, mỗi thành phần tổng hợp theo địa bàn trước khi chia (không cộng các tỷ lệ)`,
      en: `${String(p.numerator)} ÷ ${String(p.denominator)} × ${String(p.scale ?? 1)}, each component rolled up before dividing (ratios are never summed)`,
    }),
    compute: async (_ctx, q) => {
      const n = await q.indicator(String(q.params.numerator));
      const d = await q.indicator(String(q.params.denominator));
      return n === null || d === null || d === 0 ? null : (n / d) * Number(q.params.scale ?? 1);
    },
  });
  registerIndicatorSource('tasks.ordered_since', {
    label: { vi: 'Số nhiệm vụ KH&CN đặt hàng từ một ngày', en: 'S&T tasks ordered since a date' },
    params: ['since'],
    describe: (p) => ({
      vi: `Số nhiệm vụ KH&CN theo phương thức đặt hàng, đề xuất từ ngày ${String(p.since).split('-').reverse().join('/')} đến hết năm (dữ liệu nhiệm vụ của khcn, toàn tỉnh)`,
      en: `S&T tasks by ordering proposed from ${String(p.since)} to the end of the year (khcn's task records, whole province)`,
    }),
    compute: async (ctx, q) => {
      if (!q.wholeProvince) return null;
      const since = String(q.params.since ?? `${q.year}-01-01`);
      const until = `${q.year}-12-31` < q.asOf ? `${q.year}-12-31` : q.asOf;
      return until < since ? 0 : countOrderedTasks(ctx, { from: since, to: until });
    },
  });
  registerIndicatorSource('tasks.counterpart_share', {
    label: { vi: 'Tỷ lệ kinh phí đối ứng so với ngân sách nhà nước của nhiệm vụ', en: 'Counterpart funding as a share of state funding of tasks' },
    params: ['basis'],
    describe: (p) => ({
      vi: `Kinh phí đối ứng ÷ kinh phí ngân sách nhà nước × 100 của các nhiệm vụ trong năm (${p.basis === 'disbursed' ? 'đã cấp' : 'kế hoạch'}), toàn tỉnh`,
      en: `Counterpart ÷ state funding × 100 of the tasks in the year (${p.basis === 'disbursed' ? 'disbursed' : 'planned'}), whole province`,
    }),
    compute: async (ctx, q) => {
      if (!q.wholeProvince) return null;
      const s = await fundingSummary(ctx, { fromYear: q.year, toYear: q.year });
      return q.params.basis === 'disbursed' ? s.totals.counterpartShare.disbursed : s.totals.counterpartShare.planned;
    },
  });
  registerIndicatorSource('indicators.tfp_share', {
    label: { vi: 'Tỷ lệ đóng góp của TFP vào tăng trưởng GRDP (bình quân giai đoạn)', en: 'TFP share of GRDP growth (period average)' },
    params: ['fromYear', 'y', 'k', 'l'],
    components: (p) => [String(p.y ?? TFP_CODES.y), String(p.k ?? TFP_CODES.k), String(p.l ?? TFP_CODES.l)],
    describe: () => TFP_METHOD,
    compute: async (ctx, q) => {
      const sq = q;
      const from = Number(q.params.fromYear ?? q.year - 4);
      if (from > q.year) return null;
      const points = [];
      for (let y = from - 1; y <= q.year; y++) {
        points.push({ year: y, y: await sq.indicatorAt(String(q.params.y ?? TFP_CODES.y), y), k: await sq.indicatorAt(String(q.params.k ?? TFP_CODES.k), y), l: await sq.indicatorAt(String(q.params.l ?? TFP_CODES.l), y) });
      }
      const alphas = new Map<number, number | null>();
      for (let y = from; y <= q.year; y++) alphas.set(y, (await alphaOn(ctx, y))?.value.alpha ?? null);
      const share = growthAccounting(points, (y) => alphas.get(y) ?? null).average.tfpShare;
      return share === null ? null : share * 100;
    },
  });
}

export function registerIndicators(): void {
  registerRuleKey(TFP_ALPHA_RULE, TfpAlphaRule, {
    vi: 'Tỷ phần vốn α trong hạch toán tăng trưởng (tính TFP)', en: 'Capital share α in growth accounting (TFP)',
  });
  registerSources();
  registerAttachmentSubject(VALUE_ENTITY, {
    label: { vi: 'số liệu chỉ số', en: 'an indicator value' },
    find: async (ctx, id) => {
      const row = await repo.findValue(ctx.db, ctx.actor.tenantId, id);
      if (!row) return null;
      const own = await ownUnit(ctx);
      const writer = canEnterFor(ctx.actor, row.adminUnitId, own);
      return {
        may: { read: can(ctx.actor, 'read'), attach: writer, remove: writer },
        kinds: { evidence: { vi: 'Minh chứng', en: 'Evidence' } },
      };
    },
    limits: {
      effectiveFrom: '2023-01-01',
      legalBasis: 'Minh họa (illustrative): khcn đặt, không có văn bản quy định — tỉnh thay bằng quyết định của mình',
      value: {
        default: {
          maxBytes: 10 * 1024 * 1024,
          types: ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        },
        kinds: {},
      },
    },
  });
}

// ---- pre-summed values ----

/**
 * Computes the pre-summed values (`indicator_sums`) again from `indicator_values`: of one tenant, or of every tenant
 * (then the admin-unit graph they were grouped on is recorded). The triggers keep them in step with every write, so
 * this is for after a bulk change outside them (units or successions loaded later, a hand repair). One transaction.
 */
export async function rebuildIndicatorSums(db: Db | Tx, tenantId: string | null = null): Promise<number> {
  return db.transaction((tx) => repo.rebuildSums(tx, tenantId));
}

/**
 * Reference loader (runs after the admin units' loader, after every migration and restore): when the admin units or
 * their successions changed since the values were grouped — a succession added after values exist moves Long An's
 * communes into another group — every group is computed again.
 */
export async function refreshIndicatorSums(h: DbHandle): Promise<void> {
  if (await repo.sumsGraphChanged(h.db)) await rebuildIndicatorSums(h.db);
}

/** Reference loader: the national default of α (illustrative until a province adopts its statistics office's). */
export async function loadIndicatorRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, [{
    key: TFP_ALPHA_RULE, effectiveFrom: '2011-01-01',
    legalBasis: 'Giá trị minh họa (illustrative): α = 0,4 là tỷ phần vốn thường dùng trong các ước tính TFP của Việt Nam; '
      + 'chưa đối chiếu được văn bản quy định — tỉnh thay bằng hệ số do Cục Thống kê công bố',
    value: { alpha: 0.4, illustrative: true },
    note: 'Giá trị minh họa',
  }]);
}

