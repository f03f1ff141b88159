/** Drizzle tables of the people module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

export const people = pgTable('people', {
  ...recordKey(),
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
  ...versionColumns(),
});
