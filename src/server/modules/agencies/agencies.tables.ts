/** Drizzle table of the agencies module (0030_agencies.sql and 0052_agency_headings.sql are the source of truth). */
import { boolean, date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

export const agencies = pgTable('agencies', {
  ...recordKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  parentId: uuid('parent_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  note: text('note'),
  issuesDocuments: boolean('issues_documents').notNull().default(false),
  documentSymbol: text('document_symbol'),
  placeName: text('place_name'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  ...versionColumns(),
});
