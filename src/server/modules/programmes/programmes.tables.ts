/** Drizzle mirror of migration 0060_programmes.sql. */
import { boolean, integer, jsonb, numeric, pgTable, text, uuid, date } from 'drizzle-orm/pg-core';
import { recordKey, timestamptz, versionColumns } from '../../db/columns.ts';

export const programmes = pgTable('programmes', {
  ...recordKey(),
  code: text('code').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  legalDocumentId: uuid('legal_document_id'),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  ...versionColumns(),
});

export const programmeCalls = pgTable('programme_calls', {
  ...recordKey(),
  programmeId: uuid('programme_id').notNull(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  opensOn: date('opens_on').notNull(),
  closesOn: date('closes_on').notNull(),
  budget: numeric('budget', { precision: 18, scale: 0, mode: 'number' }),
  eligibility: text('eligibility'),
  supportTypes: jsonb('support_types').$type<string[]>().notNull(),
  formSchema: jsonb('form_schema').$type<Record<string, unknown>>().notNull(),
  scoringSheet: jsonb('scoring_sheet').$type<Record<string, unknown> | null>(),
  selectTop: integer('select_top'),
  requiredDocuments: jsonb('required_documents').$type<string[]>().notNull(),
  status: text('status').notNull(),
  searchText: text('search_text').notNull(),
  ...versionColumns(),
});

export const programmeApplications = pgTable('programme_applications', {
  ...recordKey(),
  callId: uuid('call_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  code: text('code'),
  title: text('title').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  requestedAmount: numeric('requested_amount', { precision: 18, scale: 0, mode: 'number' }),
  stage: text('stage').notNull(),
  submittedAt: timestamptz('submitted_at'),
  decidedAt: timestamptz('decided_at'),
  createdBy: uuid('created_by'),
  searchText: text('search_text').notNull(),
  ...versionColumns(),
});

export const programmeApplicationRequests = pgTable('programme_application_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  applicationId: uuid('application_id').notNull(),
  stage: text('stage').notNull(),
  note: text('note').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: timestamptz('requested_at').notNull().defaultNow(),
  answerNote: text('answer_note'),
  answeredBy: uuid('answered_by'),
  answeredAt: timestamptz('answered_at'),
});
