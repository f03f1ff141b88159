/** Drizzle tables of the indicators module (0057_indicators.sql is the source of truth). */
import { doublePrecision, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

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
