/** Drizzle tables of the indicators module (0057_indicators.sql and 0059_indicator_sums.sql are the source of truth). */
import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordKey, timestamptz, versionColumns } from '../../db/columns.ts';

export const indicators = pgTable('indicators', {
  ...recordKey(),
  code: text('code').notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  periodType: text('period_type').notNull(),
  aggregation: text('aggregation').notNull(),
  formula: jsonb('formula').$type<{ source: string; params: Record<string, string | number | boolean> } | null>(),
  decimals: integer('decimals').notNull().default(2),
  description: text('description'),
  ...versionColumns(),
});

export const indicatorTargets = pgTable('indicator_targets', {
  ...recordKey(),
  indicatorId: uuid('indicator_id').notNull(),
  planId: uuid('plan_id'),
  year: integer('year').notNull(),
  kind: text('kind').notNull(),
  value: doublePrecision('value'),
  minValue: doublePrecision('min_value'),
  maxValue: doublePrecision('max_value'),
  note: text('note'),
  ...versionColumns(),
});

export const indicatorValues = pgTable('indicator_values', {
  ...recordKey(),
  indicatorId: uuid('indicator_id').notNull(),
  period: text('period').notNull(),
  periodYear: integer('period_year').notNull(),
  adminUnitId: uuid('admin_unit_id').notNull(),
  value: doublePrecision('value').notNull(),
  source: text('source').notNull(),
  note: text('note'),
  enteredBy: uuid('entered_by'),
  ...versionColumns(),
});

export const planItemIndicators = pgTable('plan_item_indicators', {
  tenantId: uuid('tenant_id').notNull(),
  itemId: uuid('item_id').notNull(),
  indicatorId: uuid('indicator_id').notNull(),
}, (t) => [primaryKey({ columns: [t.itemId, t.indicatorId] })]);

/**
 * The values pre-summed per indicator, period, boundary era and group of units that roll up alike (0059): written
 * only by the database's triggers and `indicator_sums_rebuild()`, read by the dashboard.
 */
export const indicatorSums = pgTable('indicator_sums', {
  tenantId: uuid('tenant_id').notNull(),
  indicatorId: uuid('indicator_id').notNull(),
  period: text('period').notNull(),
  periodYear: integer('period_year').notNull(),
  eraFrom: date('era_from').notNull(),
  eraTo: date('era_to').notNull(),
  grain: text('grain').notNull(),
  groupKey: text('group_key').notNull(),
  unitId: uuid('unit_id').notNull(),
  valueSum: doublePrecision('value_sum').notNull(),
  valueCount: integer('value_count').notNull(),
  valueMin: doublePrecision('value_min').notNull(),
  valueMax: doublePrecision('value_max').notNull(),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.period, t.eraFrom, t.groupKey] })]);

/** The digest of the admin-unit graph the sums were grouped on (one row). */
export const indicatorSumsState = pgTable('indicator_sums_state', {
  id: boolean('id').primaryKey().default(true),
  graph: text('graph').notNull(),
  rebuiltAt: timestamptz('rebuilt_at').notNull().defaultNow(),
});
