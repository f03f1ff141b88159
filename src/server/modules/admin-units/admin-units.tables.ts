/** Drizzle tables of the admin-units module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, date, primaryKey } from 'drizzle-orm/pg-core';

export const adminUnits = pgTable('admin_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  level: text('level').notNull().$type<'province' | 'district' | 'commune'>(),
  code: text('code'),
  name: text('name').notNull(),
  kind: text('kind'),
  parentId: uuid('parent_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
});

export const adminUnitSuccessions = pgTable('admin_unit_successions', {
  predecessorId: uuid('predecessor_id').notNull(),
  successorId: uuid('successor_id').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  legalBasis: text('legal_basis').notNull(),
}, (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] })]);
