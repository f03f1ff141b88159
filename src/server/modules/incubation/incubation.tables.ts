/** Drizzle mirror of the incubation tables of migration 0062_incubation_replication.sql (the SQL is the source of truth). */
import { date, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

const num = (name: string) => numeric(name, { mode: 'number' });

export const incubationServices = pgTable('incubation_services', {
  ...recordKey(),
  applicationId: uuid('application_id').notNull(),
  kind: text('kind').notNull(),
  providedOn: date('provided_on', { mode: 'string' }).notNull(),
  provider: text('provider').notNull(),
  hours: num('hours'),
  amount: num('amount'),
  note: text('note'),
  createdBy: uuid('created_by'),
  ...versionColumns(),
});

export const incubationOutcomes = pgTable('incubation_outcomes', {
  ...recordKey(),
  applicationId: uuid('application_id').notNull(),
  products: text('products'),
  revenue: num('revenue'),
  jobs: integer('jobs'),
  ipFiled: text('ip_filed'),
  fundingRaised: num('funding_raised'),
  note: text('note'),
  updatedBy: uuid('updated_by'),
  ...versionColumns(),
});
