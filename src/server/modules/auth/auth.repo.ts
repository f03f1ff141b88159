import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, sessions } from './auth.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { accountRequests, users } from '../users/users.tables.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';
import type { Actor, Tx } from '../../context.ts';
import type { Role } from '../../../shared/roles.ts';

const actorColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  tenantId: users.tenantId,
  organizationId: users.organizationId,
  agencyId: users.agencyId,
  adminUnitId: users.adminUnitId,
  unitName: sql<string | null>`coalesce(${agencies.name}, ${adminUnits.name})`,
  active: users.active,
};
// The name of the unit the account works in: an agency of its province, or a commune.
const agencyJoin = and(eq(agencies.id, users.agencyId), eq(agencies.tenantId, users.tenantId));
const unitJoin = eq(adminUnits.id, users.adminUnitId);

type ActorRow = Omit<Actor, 'role'> & { role: string; active: boolean };
const toActor = ({ active: _active, ...r }: ActorRow): Actor => ({ ...r, role: r.role as Role });

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db
    .select({ ...actorColumns, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(agencies, agencyJoin)
    .leftJoin(adminUnits, unitJoin)
    .where(eq(users.username, username));
  return row ? { actor: toActor(row), active: row.active, passwordHash: row.passwordHash } : null;
}

/** The state of the account's enterprise account request (users module's table), or null when it has none. */
export async function accountRequestStatus(db: Db, userId: string) {
  const [row] = await db.select({ status: accountRequests.status }).from(accountRequests).where(eq(accountRequests.userId, userId));
  return row?.status ?? null;
}

export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

/** Ends every session of an account; returns how many ended. */
export async function deleteSessionsOf(db: Db | Tx, userId: string) {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function findActorBySession(db: Db, tokenHash: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, agencyJoin)
    .leftJoin(adminUnits, unitJoin)
    .where(and(eq(sessions.tokenHash, tokenHash), sql`${sessions.expiresAt} > now()`, eq(users.active, true)));
  return row ? toActor(row) : null;
}

export async function findActorByApiToken(db: Db, tokenHash: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(agencies, agencyJoin)
    .leftJoin(adminUnits, unitJoin)
    .where(and(
      eq(apiTokens.tokenHash, tokenHash),
      isNull(apiTokens.revokedAt),
      sql`(${apiTokens.expiresAt} IS NULL OR ${apiTokens.expiresAt} > now())`,
      eq(users.active, true),
    ));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.tokenHash, tokenHash));
  return toActor(row);
}

export async function findTenant(db: Db, id: string) {
  const [row] = await db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name, provinceUnitId: tenants.provinceUnitId }).from(tenants).where(eq(tenants.id, id));
  return row ?? null;
}

export async function insertApiToken(db: Db, v: { userId: string; name: string; tokenHash: string; expiresAt: Date | null }) {
  const [row] = await db.insert(apiTokens).values(v).returning({ id: apiTokens.id });
  return row.id;
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .select({
      id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, tokenHash: apiTokens.tokenHash,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(apiTokens.createdAt);
}

/** Revokes the account's tokens not yet revoked; returns how many. */
export async function revokeApiTokensOf(db: Db | Tx, userId: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

export async function revokeApiToken(db: Db, userId: string, id: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ tokenHash: apiTokens.tokenHash });
  return rows[0]?.tokenHash ?? null;
}
