/** Drizzle tables of the people module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean, integer } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  fullName: text('full_name').notNull(),
  academicTitle: text('academic_title'),
  degree: text('degree'),
  position: text('position'),
  scienceField: text('science_field'),
  expertise: text('expertise'),
  organizationId: uuid('organization_id'),
  email: text('email'),
  phone: text('phone'),
  isExpert: boolean('is_expert').notNull().default(true),
  note: text('note'),
  searchText: text('search_text').notNull(),
  sortKey: text('sort_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
