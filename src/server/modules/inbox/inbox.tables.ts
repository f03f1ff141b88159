/** Drizzle tables of the inbox module (0041_inbox_jobs.sql is the source of truth). */
import { bigint, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const inboxItems = pgTable('inbox_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
  tenantId: uuid('tenant_id').notNull(),
  kind: text('kind').notNull(),
  subjectType: text('subject_type'),
  subjectId: uuid('subject_id'),
  periodKey: text('period_key'),
  titleKey: text('title_key').notNull(),
  bodyKey: text('body_key'),
  params: jsonb('params').notNull().$type<Record<string, unknown>>().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const inboxRecipients = pgTable('inbox_recipients', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  itemId: uuid('item_id').notNull(),
  userId: uuid('user_id'),
  role: text('role'),
  agencyId: uuid('agency_id'),
  adminUnitId: uuid('admin_unit_id'),
  organizationId: uuid('organization_id'),
});

export const inboxReads = pgTable('inbox_reads', {
  itemId: uuid('item_id').notNull(),
  userId: uuid('user_id').notNull(),
  readAt: ts('read_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.itemId, t.userId] })]);
