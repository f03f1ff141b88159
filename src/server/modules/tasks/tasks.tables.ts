/** Drizzle tables for 0020_tasks.sql, 0051_task_funding.sql and 0055_task_proposals.sql (the SQL migrations are the source of truth). */
import { boolean, date, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { recordKey, timestamptz as ts, versionColumns } from '../../db/columns.ts';
/** numeric as a JS number (amounts in million VND fit a double exactly to 3 decimals). */
const num = (name: string) => numeric(name, { mode: 'number' });

export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  code: text('code'),
  title: text('title').notNull(),
  type: text('type').notNull(),
  level: text('level').notNull(),
  scienceField: text('science_field'),
  hostOrganizationId: uuid('host_organization_id'),
  principalInvestigatorId: uuid('principal_investigator_id'),
  assignmentMode: text('assignment_mode'),
  fundingMode: text('funding_mode'),
  proposalYear: integer('proposal_year').notNull(),
  regimeDate: date('regime_date', { mode: 'string' }).notNull(),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  stage: text('stage').notNull(),
  stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
  summary: text('summary'),
  identificationPassed: boolean('identification_passed'),
  selectionPassed: boolean('selection_passed'),
  acceptanceRating: text('acceptance_rating'),
  previousTaskId: uuid('previous_task_id'),
  /** Null while the task is an applicant's draft (stage 'draft'), migration 0055. */
  submittedAt: ts('submitted_at'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const taskMembers = pgTable('task_members', {
  taskId: uuid('task_id').notNull(),
  personId: uuid('person_id').notNull(),
  role: text('role').notNull(),
}, (t) => [primaryKey({ columns: [t.taskId, t.personId] })]);

export const taskFunding = pgTable('task_funding', {
  taskId: uuid('task_id').notNull(),
  year: integer('year').notNull(),
  stateBudget: num('state_budget').notNull(),
  counterpart: num('counterpart').notNull(),
}, (t) => [primaryKey({ columns: [t.taskId, t.year] })]);

export const taskProducts = pgTable('task_products', {
  id: uuid('id').primaryKey().defaultRandom(),
  taskId: uuid('task_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  specification: text('specification').notNull(),
  quantity: num('quantity'),
  unit: text('unit'),
  status: text('status').notNull().default('planned'),
});

export const taskProgress = pgTable('task_progress', {
  id: uuid('id').primaryKey().defaultRandom(),
  taskId: uuid('task_id').notNull(),
  kind: text('kind').notNull(),
  reportDate: date('report_date', { mode: 'string' }).notNull(),
  percentComplete: integer('percent_complete'),
  summary: text('summary').notNull(),
  newEndDate: date('new_end_date', { mode: 'string' }),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Replicated models (0020, extended by 0062_incubation_replication.sql): a task's result applied somewhere, or a
 * model replicating a described source (another province's task, a national programme) with no khcn task.
 */
export const taskReplications = pgTable('task_replications', {
  ...recordKey(),
  taskId: uuid('task_id'),
  adminUnitId: uuid('admin_unit_id'),
  place: text('place').notNull(),
  adopterOrganizationId: uuid('adopter_organization_id'),
  adopterName: text('adopter_name'),
  scale: text('scale').notNull(),
  year: integer('year').notNull(),
  note: text('note'),
  name: text('name'),
  sourceKind: text('source_kind').notNull().default('task'),
  sourceDescription: text('source_description'),
  results: text('results'),
  supportAmount: num('support_amount'),
  legalDocumentId: uuid('legal_document_id'),
  applicationId: uuid('application_id'),
  createdBy: uuid('created_by'),
  ...versionColumns(),
});

/** Disbursements (cấp phát kinh phí), million VND: a versioned record of the task's province. */
export const taskDisbursements = pgTable('task_disbursements', {
  ...recordKey(),
  taskId: uuid('task_id').notNull(),
  disbursedOn: date('disbursed_on', { mode: 'string' }).notNull(),
  amount: num('amount').notNull(),
  source: text('source').notNull(),
  decisionNo: text('decision_no'),
  decisionDate: date('decision_date', { mode: 'string' }),
  note: text('note'),
  createdBy: uuid('created_by'),
  ...versionColumns(),
});

/** Organisations taking part in a task besides the host, with their role. */
export const taskParticipants = pgTable('task_participants', {
  taskId: uuid('task_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  role: text('role').notNull(),
  position: integer('position').notNull(),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.taskId, t.organizationId] })]);

/** "Yêu cầu bổ sung hồ sơ": an officer's request for missing papers and the host organisation's answer (0055). */
export const taskPaperRequests = pgTable('task_paper_requests', {
  ...recordKey(),
  taskId: uuid('task_id').notNull(),
  stage: text('stage').notNull(),
  note: text('note').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  answerNote: text('answer_note'),
  answeredBy: uuid('answered_by'),
  answeredAt: ts('answered_at'),
});
