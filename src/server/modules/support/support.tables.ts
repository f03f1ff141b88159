/** Drizzle mirror of migration 0061_support.sql. */
import { date, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

export const supportDecisions = pgTable('support_decisions', {
  ...recordKey(),
  applicationId: uuid('application_id').notNull(),
  supportType: text('support_type').notNull(),
  totalCost: numeric('total_cost', { precision: 18, scale: 0, mode: 'number' }).notNull(),
  stateAmount: numeric('state_amount', { precision: 18, scale: 0, mode: 'number' }).notNull(),
  counterpartAmount: numeric('counterpart_amount', { precision: 18, scale: 0, mode: 'number' }).notNull(),
  decisionNumber: text('decision_number').notNull(),
  numberKey: text('number_key').notNull(),
  decisionDate: date('decision_date', { mode: 'string' }).notNull(),
  signerTitle: text('signer_title'),
  signerName: text('signer_name'),
  note: text('note'),
  createdBy: uuid('created_by'),
  ...versionColumns(),
});

export const supportOutcomes = pgTable('support_outcomes', {
  ...recordKey(),
  decisionId: uuid('decision_id').notNull(),
  completedOn: date('completed_on', { mode: 'string' }).notNull(),
  achievements: text('achievements').notNull(),
  note: text('note'),
  ...versionColumns(),
});

export const supportCertificates = pgTable('support_certificates', {
  ...recordKey(),
  decisionId: uuid('decision_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  standard: text('standard').notNull(),
  certifyingBody: text('certifying_body').notNull(),
  number: text('number').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  expiresOn: date('expires_on', { mode: 'string' }),
  note: text('note'),
  ...versionColumns(),
});
