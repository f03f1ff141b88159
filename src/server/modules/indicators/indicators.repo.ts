/**
 * Every query of the indicators module. Reads of admin units (their parents and successions) join the admin-units
 * module's tables for reading, as the manifest declares.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { indicatorTargets, indicatorValues, indicators, planItemIndicators } from './indicators.tables.ts';

type Handle = Db | Tx;

// ---- indicators ----

export type IndicatorRow = typeof indicators.$inferSelect;

export async function findIndicator(db: Handle, tenantId: string, id: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
  return row ?? null;
}

export async function listIndicators(db: Handle, tenantId: string, ids?: string[]): Promise<IndicatorRow[]> {
  if (ids && ids.length === 0) return [];
  return db.select().from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), ids ? inArray(indicators.id, ids) : undefined))
    .orderBy(asc(indicators.code));
}

export async function indicatorsByCode(db: Handle, tenantId: string, codes: string[]): Promise<IndicatorRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(indicators).where(and(eq(indicators.tenantId, tenantId), inArray(indicators.code, codes)));
}

export const indicatorWrites = versionedWrites(indicators);

// ---- targets ----

export type TargetRow = typeof indicatorTargets.$inferSelect;

export async function findTarget(db: Handle, tenantId: string, id: string): Promise<TargetRow | null> {
  const [row] = await db.select().from(indicatorTargets).where(and(eq(indicatorTargets.tenantId, tenantId), eq(indicatorTargets.id, id)));
  return row ?? null;
}

export async function targetsOf(db: Handle, tenantId: string, indicatorId: string): Promise<TargetRow[]> {
  return db.select().from(indicatorTargets)
    .where(and(eq(indicatorTargets.tenantId, tenantId), eq(indicatorTargets.indicatorId, indicatorId)))
    .orderBy(asc(indicatorTargets.year));
}

/** Targets of the plan (planId) or of the province (null), for these indicators. */
export async function targetsFor(db: Handle, tenantId: string, o: { planId: string | null; indicatorIds?: string[] }): Promise<TargetRow[]> {
  if (o.indicatorIds && o.indicatorIds.length === 0) return [];
  return db.select().from(indicatorTargets).where(and(
    eq(indicatorTargets.tenantId, tenantId),
    o.planId ? eq(indicatorTargets.planId, o.planId) : sql`${indicatorTargets.planId} IS NULL`,
    o.indicatorIds ? inArray(indicatorTargets.indicatorId, o.indicatorIds) : undefined,
  ));
}

export const targetWrites = versionedWrites(indicatorTargets);

// ---- values ----

export interface ValueRow {
  id: string; indicatorId: string; period: string; adminUnitId: string; adminUnitName: string; value: number;
  source: string; note: string | null; enteredBy: string | null; version: number; createdAt: Date; updatedAt: Date;
}

const valueColumns = sql`v.id, v.indicator_id AS "indicatorId", v.period, v.admin_unit_id AS "adminUnitId", u.name AS "adminUnitName",
  v.value, v.source, v.note, eu.display_name AS "enteredBy", v.version, v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

function valueRows(rows: (Omit<ValueRow, 'createdAt' | 'updatedAt'> & { createdAt: Date | string; updatedAt: Date | string })[]): ValueRow[] {
  return rows.map((r) => ({ ...r, value: Number(r.value), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
}

export async function findValue(db: Handle, tenantId: string, id: string): Promise<ValueRow | null> {
  const rows = await rowsOf<ValueRow>(db, sql`SELECT ${valueColumns} FROM indicator_values v
    JOIN admin_units u ON u.id = v.admin_unit_id LEFT JOIN users eu ON eu.id = v.entered_by
    WHERE v.tenant_id = ${tenantId} AND v.id = ${id}`);
  return valueRows(rows)[0] ?? null;
}

export async function listValues(db: Handle, tenantId: string, o: { indicatorId: string; period?: string; year?: number; adminUnitId?: string }): Promise<ValueRow[]> {
  const rows = await rowsOf<ValueRow>(db, sql`SELECT ${valueColumns} FROM indicator_values v
    JOIN admin_units u ON u.id = v.admin_unit_id LEFT JOIN users eu ON eu.id = v.entered_by
    WHERE v.tenant_id = ${tenantId} AND v.indicator_id = ${o.indicatorId}
      ${o.period ? sql`AND v.period = ${o.period}` : sql``}
      ${o.year !== undefined ? sql`AND v.period_year = ${o.year}` : sql``}
      ${o.adminUnitId ? sql`AND v.admin_unit_id = ${o.adminUnitId}` : sql``}
    ORDER BY v.period, u.sort_key COLLATE "C" LIMIT 5000`);
  return valueRows(rows);
}

export interface RawValue { id: string | null; indicatorId: string; period: string; year: number; unitId: string; value: number; source: string; count?: number; min?: number; max?: number }

/** The values of these indicators for these years, every unit (what the roll-up reads). */
export async function valuesForRollup(db: Handle, tenantId: string, o: { indicatorIds: string[]; fromYear: number; toYear: number }): Promise<RawValue[]> {
  if (o.indicatorIds.length === 0) return [];
  const rows = await rowsOf<RawValue>(db, sql`SELECT v.id, v.indicator_id AS "indicatorId", v.period, v.period_year AS year,
      v.admin_unit_id AS "unitId", v.value, v.source
    FROM indicator_values v
    WHERE v.tenant_id = ${tenantId} AND v.period_year BETWEEN ${o.fromYear} AND ${o.toYear}
      AND v.indicator_id IN (${sql.join(o.indicatorIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return rows.map((r) => ({ ...r, value: Number(r.value), year: Number(r.year) }));
}

/**
 * The same values pre-summed (`indicator_sums`, migration 0059, kept by the database's triggers): per indicator and
 * period, the groups of units that roll up alike on the map of `asOf` (the era that day falls in), each with its sum,
 * count, min and max, which the roll-up then treats exactly as it treats the units one by one. Communes no longer in
 * force on `asOf` (so never anyone's ancestor, and counted where their successors are) are grouped by parent and
 * successors; `coarse` (the unit asked about is a province): by parent and their successors' provinces instead — the
 * same province on that day's map — except in a period for which a commune in force on `asOf` reported too (its own
 * figure then replaces those counted in it, so each successor matters); and communes in force on `asOf` by parent,
 * except in a period for which an ended commune reported too (it may be counted in one of them). Other units, units
 * above communes and indicators never combined (`none`) stay one per row. A row's `unitId` is one unit of its group.
 */
export async function summedValuesForRollup(db: Handle, tenantId: string, o: { indicatorIds: string[]; fromYear: number; toYear: number; asOf: string; coarse: boolean }): Promise<RawValue[]> {
  if (o.indicatorIds.length === 0) return [];
  const rows = await rowsOf<{ indicatorId: string; period: string; year: number; unitId: string; value: number; count: number; min: number; max: number }>(db, sql`
    SELECT indicator_id AS "indicatorId", period, period_year AS year, unit_id AS "unitId", value_sum AS value,
      value_count AS count, value_min AS min, value_max AS max
    FROM indicator_sums
    WHERE indicator_id IN (${sql.join(o.indicatorIds.map((id) => sql`${id}::uuid`), sql`, `)})
      AND grain IN ('both', ${o.coarse ? 'coarse' : 'fine'}) AND period_year BETWEEN ${o.fromYear} AND ${o.toYear}
      AND era_from <= ${o.asOf}::date AND era_to > ${o.asOf}::date AND tenant_id = ${tenantId}`);
  return rows.map((r) => ({ ...r, id: null, source: '', value: Number(r.value), count: Number(r.count), min: Number(r.min), max: Number(r.max), year: Number(r.year) }));
}

/**
 * Computes every pre-summed group again from `indicator_values` (of one tenant, or of all and then records the
 * admin-unit graph they were grouped on), in the caller's transaction. Returns the number of groups.
 */
export async function rebuildSums(db: Handle, tenantId: string | null): Promise<number> {
  const rows = await rowsOf<{ n: number }>(db, sql`SELECT indicator_sums_rebuild(${tenantId}::uuid) AS n`);
  return Number(rows[0].n);
}

/** Whether the admin units or their successions changed since the groups were last rebuilt for every tenant. */
export async function sumsGraphChanged(db: Handle): Promise<boolean> {
  const rows = await rowsOf<{ changed: boolean }>(db, sql`SELECT NOT EXISTS (
    SELECT 1 FROM indicator_sums_state WHERE graph = indicator_sums_graph()) AS changed`);
  return rows[0].changed;
}

export const valueWrites = versionedWrites(indicatorValues);

export async function findValueByKey(db: Handle, tenantId: string, o: { indicatorId: string; period: string; adminUnitId: string }) {
  const [row] = await db.select({ id: indicatorValues.id, version: indicatorValues.version }).from(indicatorValues).where(and(
    eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.indicatorId, o.indicatorId),
    eq(indicatorValues.period, o.period), eq(indicatorValues.adminUnitId, o.adminUnitId),
  ));
  return row ?? null;
}

// ---- admin units (read) ----

export interface UnitLinkRow {
  id: string; name: string; level: string; parentId: string | null; validFrom: string; validTo: string | null;
  successors: { id: string; effectiveOn: string }[] | null; predecessors: string[] | null;
}

/** Units with their parent, successors and predecessors (the roll-up's graph). */
export async function unitsWithLinks(db: Handle, ids: string[]): Promise<UnitLinkRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<UnitLinkRow>(db, sql`SELECT u.id, u.name, u.level, u.parent_id AS "parentId", u.valid_from::text AS "validFrom",
      u.valid_to::text AS "validTo",
      (SELECT json_agg(json_build_object('id', s.successor_id, 'effectiveOn', s.effective_on::text))
         FROM admin_unit_successions s WHERE s.predecessor_id = u.id) AS successors,
      (SELECT json_agg(p.predecessor_id) FROM admin_unit_successions p WHERE p.successor_id = u.id) AS predecessors
    FROM admin_units u WHERE u.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** A unit's id and name. */
export async function unitNames(db: Handle, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; name: string }>(db, sql`SELECT id, name FROM admin_units
    WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- plan items ↔ indicators ----

/** The plan item's plan, when the item is in the province (plan_items belongs to the plans module: read only). */
export async function planItemPlan(db: Handle, tenantId: string, itemId: string): Promise<string | null> {
  const rows = await rowsOf<{ plan_id: string }>(db, sql`SELECT plan_id FROM plan_items WHERE id = ${itemId} AND tenant_id = ${tenantId}`);
  return rows[0]?.plan_id ?? null;
}

export async function planExists(db: Handle, tenantId: string, planId: string): Promise<boolean> {
  const rows = await rowsOf<{ one: number }>(db, sql`SELECT 1 AS one FROM plans WHERE id = ${planId} AND tenant_id = ${tenantId}`);
  return rows.length > 0;
}

export async function itemIndicators(db: Handle, tenantId: string, itemId: string) {
  return db.select({ id: indicators.id, code: indicators.code, nameVi: indicators.nameVi, nameEn: indicators.nameEn, unit: indicators.unit })
    .from(planItemIndicators).innerJoin(indicators, eq(indicators.id, planItemIndicators.indicatorId))
    .where(and(eq(planItemIndicators.tenantId, tenantId), eq(planItemIndicators.itemId, itemId)))
    .orderBy(asc(indicators.code));
}

export async function replaceItemIndicators(tx: Tx, tenantId: string, itemId: string, indicatorIds: string[]): Promise<void> {
  await tx.delete(planItemIndicators).where(and(eq(planItemIndicators.tenantId, tenantId), eq(planItemIndicators.itemId, itemId)));
  if (indicatorIds.length) await tx.insert(planItemIndicators).values(indicatorIds.map((indicatorId) => ({ tenantId, itemId, indicatorId })));
}

/** The indicators of a plan: those its targets name and those its items serve. */
export async function planIndicatorIds(db: Handle, tenantId: string, planId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`
    SELECT indicator_id AS id FROM indicator_targets WHERE tenant_id = ${tenantId} AND plan_id = ${planId}
    UNION
    SELECT pii.indicator_id FROM plan_item_indicators pii JOIN plan_items pi ON pi.id = pii.item_id
    WHERE pii.tenant_id = ${tenantId} AND pi.plan_id = ${planId}`);
  return rows.map((r) => r.id);
}

/** A plan by its decision's number (for the demo seed: the plan of 9737/QĐ-UBND). */
export async function planIdByDocumentNumberKey(db: Handle, tenantId: string, numberKey: string): Promise<string | null> {
  const rows = await rowsOf<{ id: string }>(db, sql`SELECT p.id FROM plans p JOIN legal_documents d ON d.id = p.legal_document_id
    WHERE p.tenant_id = ${tenantId} AND d.number_key = ${numberKey} ORDER BY p.period_from LIMIT 1`);
  return rows[0]?.id ?? null;
}
