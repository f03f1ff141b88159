/** Drizzle tables of the plans module (0056_plans.sql is the source of truth). */
import { date, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, recordKey, timestamptz, versionColumns } from '../../db/columns.ts';

export const plans = pgTable('plans', {
  ...recordKey(),
  legalDocumentId: uuid('legal_document_id'),
  title: text('title').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  schedule: jsonb('schedule').notNull(),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  ...versionColumns(),
});

export const planGroups = pgTable('plan_groups', {
  ...recordKey(),
  planId: uuid('plan_id').notNull(),
  position: integer('position').notNull(),
  code: text('code'),
  title: text('title').notNull(),
  ...versionColumns(),
});

export const planItems = pgTable('plan_items', {
  ...recordKey(),
  planId: uuid('plan_id').notNull(),
  groupId: uuid('group_id').notNull(),
  position: integer('position').notNull(),
  code: text('code'),
  title: text('title').notNull(),
  responsibleAgencyId: uuid('responsible_agency_id'),
  responsibleAdminUnitId: uuid('responsible_admin_unit_id'),
  handoverAgencyId: uuid('handover_agency_id'),
  handoverAdminUnitId: uuid('handover_admin_unit_id'),
  startsOn: date('starts_on', { mode: 'string' }),
  deadline: date('deadline', { mode: 'string' }),
  expectedOutput: text('expected_output'),
  note: text('note'),
  searchText: text('search_text').notNull(),
  ...versionColumns(),
});

export const planItemPartners = pgTable('plan_item_partners', {
  itemId: uuid('item_id').notNull(),
  position: integer('position').notNull(),
  agencyId: uuid('agency_id'),
  adminUnitId: uuid('admin_unit_id'),
}, (t) => [primaryKey({ columns: [t.itemId, t.position] })]);

export const planProgress = pgTable('plan_progress', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  itemId: uuid('item_id').notNull(),
  periodKey: text('period_key').notNull(),
  status: text('status').notNull(),
  percent: integer('percent').notNull(),
  narrative: text('narrative'),
  source: text('source').notNull().default('web'),
  reportedBy: uuid('reported_by'),
  reportedByName: text('reported_by_name').notNull(),
  agencyId: uuid('agency_id'),
  adminUnitId: uuid('admin_unit_id'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const planItemUrges = pgTable('plan_item_urges', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  itemId: uuid('item_id').notNull(),
  agencyId: uuid('agency_id'),
  adminUnitId: uuid('admin_unit_id'),
  message: text('message'),
  urgedBy: uuid('urged_by'),
  urgedByName: text('urged_by_name').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const planReports = pgTable('plan_reports', {
  ...recordKey(),
  planId: uuid('plan_id').notNull(),
  periodKey: text('period_key').notNull(),
  title: text('title').notNull(),
  sections: jsonb('sections').notNull(),
  recipients: jsonb('recipients').notNull(),
  signerTitle: text('signer_title'),
  signerName: text('signer_name'),
  status: text('status').notNull().default('draft'),
  numberYear: integer('number_year'),
  numberSeq: integer('number_seq'),
  number: text('number'),
  issuedOn: date('issued_on', { mode: 'string' }),
  issuedBy: uuid('issued_by'),
  docx: bytea('docx'),
  xlsx: bytea('xlsx'),
  ...versionColumns(),
});
