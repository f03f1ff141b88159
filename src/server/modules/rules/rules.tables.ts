/** Drizzle table for 0010_rules.sql (the SQL migration is the source of truth). */
import { pgTable, uuid, text, date, jsonb } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../db/columns.ts';

export const ruleVersions = pgTable('rule_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** NULL = the national default. */
  tenantId: uuid('tenant_id'),
  key: text('key').notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  effectiveTo: date('effective_to', { mode: 'string' }),
  legalBasis: text('legal_basis').notNull(),
  value: jsonb('value').notNull().$type<unknown>(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
