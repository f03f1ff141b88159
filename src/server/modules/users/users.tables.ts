/** Drizzle tables of the users module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean, integer } from 'drizzle-orm/pg-core';
import { timestamptz as ts } from '../../db/columns.ts';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  organizationId: uuid('organization_id'),
  agencyId: uuid('agency_id'),
  adminUnitId: uuid('admin_unit_id'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
