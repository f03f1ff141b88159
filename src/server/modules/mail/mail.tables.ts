/** Drizzle table of the mail module (0041_inbox_jobs.sql is the source of truth). */
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  itemId: uuid('item_id'),
  toUserId: uuid('to_user_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  status: text('status').notNull().default('pending').$type<'pending' | 'sending' | 'sent' | 'failed'>(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
  leaseUntil: ts('lease_until'),
  lastError: text('last_error'),
  sentAt: ts('sent_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
