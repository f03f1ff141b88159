/** Drizzle tables of the science-fields module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, text } from 'drizzle-orm/pg-core';

export const scienceFields = pgTable('science_fields', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});
