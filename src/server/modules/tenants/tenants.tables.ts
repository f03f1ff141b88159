/** Drizzle tables of the tenants module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  provinceUnitId: uuid('province_unit_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
