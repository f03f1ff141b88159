/** Drizzle tables of the attachments module (0040_attachments.sql is the source of truth). */
import { boolean, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, timestamptz as ts } from '../../db/columns.ts';

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  storage: text('storage').notNull().default('db'),
  note: text('note'),
  sniffed: boolean('sniffed').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** The bytes of the attachments the database store holds (DbBlobStore). */
export const attachmentBlobs = pgTable('attachment_blobs', {
  attachmentId: uuid('attachment_id').primaryKey(),
  content: bytea('content').notNull(),
});
