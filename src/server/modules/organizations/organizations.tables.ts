/** Drizzle tables of the organizations module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

export const organizations = pgTable('organizations', {
  ...recordKey(),
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
  ...versionColumns(),
});
