/** Drizzle tables of the organizations module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean, integer } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  taxCode: text('tax_code'),
  address: text('address'),
  adminUnitId: uuid('admin_unit_id'),
  scienceField: text('science_field'),
  isStEnterprise: boolean('is_st_enterprise').notNull().default(false),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
