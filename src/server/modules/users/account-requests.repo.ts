/** Every query of the enterprise account requests (account_requests, with the account and the organisation). */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { accountRequests, users } from './users.tables.ts';
import type { AccountRequestStatus } from '../../../shared/schemas/account-requests.ts';

export const writes = versionedWrites(accountRequests);

/**
 * The organisation of the province whose tax code is exactly this one: its id and name only (all the public form
 * may learn). Tax codes are stored as validated (`TaxCode` trims), so equality is the match.
 */
export async function organizationByTaxCode(db: Db | Tx, tenantId: string, taxCode: string) {
  const [row] = await db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.taxCode, taxCode))).limit(1);
  return row ?? null;
}

const decider = alias(users, 'decider');

const columns = {
  id: accountRequests.id,
  status: accountRequests.status,
  phone: accountRequests.phone,
  position: accountRequests.position,
  reason: accountRequests.reason,
  decidedAt: accountRequests.decidedAt,
  decidedByName: decider.displayName,
  version: accountRequests.version,
  createdAt: accountRequests.createdAt,
  /** The paging key: created_at to the microsecond (a JS Date keeps milliseconds only). */
  createdKey: sql<string>`to_char(${accountRequests.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  userVersion: users.version,
  userActive: users.active,
  organizationId: organizations.id,
  organizationName: organizations.name,
  taxCode: organizations.taxCode,
};

function select(db: Db | Tx) {
  return db.select(columns).from(accountRequests)
    .innerJoin(users, and(eq(users.id, accountRequests.userId), eq(users.tenantId, accountRequests.tenantId)))
    .innerJoin(organizations, and(eq(organizations.id, accountRequests.organizationId), eq(organizations.tenantId, accountRequests.tenantId)))
    .leftJoin(decider, eq(decider.id, accountRequests.decidedBy));
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function findById(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await select(db).where(and(eq(accountRequests.tenantId, tenantId), eq(accountRequests.id, id)));
  return row ?? null;
}

/** A province's requests in one state, in the order they arrived (keyset on created_at, id). */
export async function list(db: Db, tenantId: string, q: { status: AccountRequestStatus; limit: number }, after: { at: string; id: string } | null) {
  return select(db)
    .where(and(
      eq(accountRequests.tenantId, tenantId),
      eq(accountRequests.status, q.status),
      after ? sql`(${accountRequests.createdAt}, ${accountRequests.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
    ))
    .orderBy(asc(accountRequests.createdAt), asc(accountRequests.id))
    .limit(q.limit + 1);
}

/** The accounts of some organisations of the province, with whether each still awaits confirmation. */
export async function accountsOf(db: Db | Tx, tenantId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db.select({
    id: users.id, username: users.username, displayName: users.displayName, active: users.active,
    organizationId: users.organizationId, pending: sql<boolean>`coalesce(${accountRequests.status} = 'pending', false)`,
  }).from(users)
    .leftJoin(accountRequests, eq(accountRequests.userId, users.id))
    .where(and(eq(users.tenantId, tenantId), inArray(users.organizationId, organizationIds)))
    .orderBy(users.username);
}

/** The state of an account's request, or null when the account was not requested on the public form. */
export async function statusOfAccount(db: Db | Tx, userId: string): Promise<AccountRequestStatus | null> {
  const [row] = await db.select({ status: accountRequests.status }).from(accountRequests).where(eq(accountRequests.userId, userId));
  return row?.status ?? null;
}

/** Sets an account's active flag, bumping its version (the users table's own versioned write). */
export async function setAccountActive(tx: Tx, tenantId: string, userId: string, active: boolean) {
  const rows = await tx.update(users).set({ active, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), ne(users.active, active)))
    .returning({ id: users.id });
  return rows.length === 1;
}
