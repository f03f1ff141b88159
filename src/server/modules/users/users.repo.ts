import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { sessions } from '../auth/auth.tables.ts';
import { users } from './users.tables.ts';
import { afterCursor, byName } from '../../db/search.ts';
import type { NameCursor } from '../../db/paging.ts';
import type { UserListQuery } from '../../../shared/schemas/users.ts';

export type UserValues = Omit<typeof users.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>;
export type UserChanges = Omit<UserValues, 'username' | 'passwordHash'>;

// Never the password hash.
const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  unitName: users.unitName,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  // Accounts are listed by username (unique), which doubles as the paging key.
  sortKey: users.username,
};

const orgJoin = and(eq(organizations.id, users.organizationId), eq(organizations.tenantId, users.tenantId));

export async function findById(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(users)
    .leftJoin(organizations, orgJoin)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row ?? null;
}

export async function list(db: Db, tenantId: string, q: UserListQuery, cursor: NameCursor | null) {
  return db
    .select(columns)
    .from(users)
    .leftJoin(organizations, orgJoin)
    .where(and(
      eq(users.tenantId, tenantId),
      q.role ? eq(users.role, q.role) : undefined,
      q.active !== undefined ? eq(users.active, q.active) : undefined,
      afterCursor(users.username, users.id, cursor),
    ))
    .orderBy(...byName(users.username, users.id))
    .limit(q.limit + 1);
}

export async function insert(tx: Tx | Db, tenantId: string, values: UserValues) {
  const [row] = await tx.insert(users).values({ ...values, tenantId }).returning({ id: users.id });
  return row.id;
}

/** Updates when the version matches; returns false when no row was changed (stale version or missing). */
export async function update(tx: Tx, tenantId: string, id: string, version: number, values: UserChanges) {
  const rows = await tx
    .update(users)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Sets a new password hash; the version is kept, since nothing the API shows has changed. */
export async function setPasswordHash(tx: Tx, tenantId: string, id: string, passwordHash: string) {
  const rows = await tx
    .update(users)
    .set({ passwordHash, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Ends every session of the user (after a password reset); returns how many ended. */
export async function deleteSessions(tx: Tx, userId: string) {
  const rows = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

/** Whether the organisation exists in this tenant (an account may only act for an organisation of its province). */
export async function organizationInTenant(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
  return !!row;
}

/** Active accounts of one role in the province (id, username, name only). */
export async function activeAccountsWithRole(db: Db | Tx, tenantId: string, role: string) {
  return db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, role), eq(users.active, true))).orderBy(users.username);
}
