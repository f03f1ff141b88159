/** Drizzle tables for 0012_councils.sql, 0042 and 0050 (the SQL migrations are the source of truth). */
import { boolean, date, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { CouncilRules } from '../../../shared/schemas/councils.ts';

import { timestamptz as ts } from '../../db/columns.ts';

export const councils = pgTable('councils', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  /** A registered council kind (councils.kinds.ts); 0042 replaced the fixed list by a format check. */
  kind: text('kind').notNull(),
  /** How members evaluate: the kind's `council.kind.<kind>` rule on the meeting date, frozen when the council opens. */
  evaluation: text('evaluation').notNull().$type<'scoring' | 'rating'>(),
  name: text('name').notNull(),
  decisionNo: text('decision_no'),
  decisionDate: date('decision_date', { mode: 'string' }),
  meetingDate: date('meeting_date', { mode: 'string' }),
  location: text('location'),
  minutesNo: text('minutes_no'),
  note: text('note'),
  status: text('status').notNull().default('draft').$type<'draft' | 'open' | 'closed'>(),
  rules: jsonb('rules').notNull().$type<CouncilRules>(),
  openedAt: ts('opened_at'),
  closedAt: ts('closed_at'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const councilMembers = pgTable('council_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  personId: uuid('person_id').notNull(),
  userId: uuid('user_id'),
  role: text('role').notNull().$type<'chair' | 'vice_chair' | 'secretary' | 'reviewer' | 'member'>(),
  /** 0050: not answered, declared no conflict, declared a conflict (conflict_declared agrees, by a check). */
  conflictStatus: text('conflict_status').notNull().default('unanswered').$type<'unanswered' | 'none' | 'declared'>(),
  conflictDeclared: boolean('conflict_declared').notNull().default(false),
  conflictNote: text('conflict_note'),
  declaredAt: ts('declared_at'),
  present: boolean('present').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const councilDossiers = pgTable('council_dossiers', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  title: text('title').notNull(),
  position: integer('position').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const councilAssignments = pgTable('council_assignments', {
  dossierId: uuid('dossier_id').notNull(),
  memberId: uuid('member_id').notNull(),
}, (t) => [primaryKey({ columns: [t.dossierId, t.memberId] })]);

export const councilSheets = pgTable('council_sheets', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  dossierId: uuid('dossier_id').notNull(),
  memberId: uuid('member_id').notNull(),
  scores: jsonb('scores').$type<Record<string, number>>(),
  total: numeric('total', { precision: 8, scale: 2, mode: 'number' }),
  rating: text('rating').$type<'excellent' | 'passed' | 'failed'>(),
  comment: text('comment'),
  enteredBy: uuid('entered_by'),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
});
