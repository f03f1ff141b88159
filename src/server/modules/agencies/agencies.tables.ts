/** Drizzle table of the agencies module (0030_agencies.sql is the source of truth). */
import { date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  parentId: uuid('parent_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
