/** Drizzle tables of the legal-documents module (0054_legal_documents.sql is the source of truth). */
import { date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from '../../db/columns.ts';

/** A national document has no tenant (every province reads it); a province's own carries its tenant. */
export const legalDocuments = pgTable('legal_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id'),
  number: text('number').notNull(),
  numberKey: text('number_key').notNull(),
  docType: text('doc_type').notNull(),
  issuer: text('issuer'),
  issuedOn: date('issued_on', { mode: 'string' }),
  title: text('title').notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }),
  effectiveTo: date('effective_to', { mode: 'string' }),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** "from <kind> to" (98/KH-UBND implements 16-CTr/TU). */
export const legalDocumentRelations = pgTable('legal_document_relations', {
  id: uuid('id').primaryKey().defaultRandom(),
  fromId: uuid('from_id').notNull(),
  toId: uuid('to_id').notNull(),
  kind: text('kind').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
