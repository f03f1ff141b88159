/** Drizzle tables of the users module. The SQL migration is the source of truth; these mirror it. */
import { pgTable, uuid, text, boolean } from 'drizzle-orm/pg-core';
import { recordKey, timestamptz, versionColumns } from '../../db/columns.ts';

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

/**
 * An enterprise's request for an applicant account (0058_account_requests.sql): the account itself is a `users` row,
 * inactive until a DOST officer confirms; this row keeps the phone, position and the decision.
 */
export const accountRequests = pgTable('account_requests', {
  ...recordKey(),
  userId: uuid('user_id').notNull(),
  organizationId: uuid('organization_id').notNull(),
  phone: text('phone').notNull(),
  position: text('position').notNull(),
  status: text('status').notNull().default('pending').$type<'pending' | 'confirmed' | 'refused'>(),
  reason: text('reason'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamptz('decided_at'),
  ...versionColumns(),
});
