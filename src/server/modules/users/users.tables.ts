/** Drizzle tables of the users module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean } from 'drizzle-orm/pg-core';
import { recordKey, versionColumns } from '../../db/columns.ts';

export const users = pgTable('users', {
  ...recordKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  organizationId: uuid('organization_id'),
  agencyId: uuid('agency_id'),
  adminUnitId: uuid('admin_unit_id'),
  active: boolean('active').notNull().default(true),
  ...versionColumns(),
});
