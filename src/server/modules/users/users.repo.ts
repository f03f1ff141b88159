import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { versionedWrites, type WritableValues } from '../../db/versioned-table.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';
import { agencies } from '../agencies/agencies.tables.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { accountRequests, users } from './users.tables.ts';
import { afterCursor, byName } from '../../db/search.ts';
import { foldWords, likeContains } from '../../../lib/vi/fold.ts';
import type { NameCursor } from '../../db/paging.ts';
import type { UserListQuery } from '../../../shared/schemas/users.ts';

export type UserValues = WritableValues<typeof users>;

// Never the password hash.
const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  agencyId: users.agencyId,
  adminUnitId: users.adminUnitId,
  unitName: sql<string | null>`coalesce(${agencies.name}, ${adminUnits.name})`,
  active: users.active,
  requestStatus: accountRequests.status,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  // Accounts are listed by username (unique), which doubles as the paging key.
  sortKey: users.username,
};

// Joined within the tenant, so another province's name can never show through.
const orgJoin = and(eq(organizations.id, users.organizationId), eq(organizations.tenantId, users.tenantId));
const agencyJoin = and(eq(agencies.id, users.agencyId), eq(agencies.tenantId, users.tenantId));
const unitJoin = eq(adminUnits.id, users.adminUnitId);

function select(db: Db | Tx) {
  return db.select(columns).from(users).leftJoin(organizations, orgJoin).leftJoin(agencies, agencyJoin).leftJoin(adminUnits, unitJoin)
    .leftJoin(accountRequests, eq(accountRequests.userId, users.id));
}

export async function findById(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await select(db).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row ?? null;
}

/** Every precomposed Vietnamese letter, by the ASCII letter `fold()` turns it into. */
const VARIANTS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ', e: 'eèéẻẽẹêềếểễệ', i: 'iìíỉĩị', o: 'oòóỏõọôồốổỗộơờớởỡợ', u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ', d: 'dđ',
};
/**
 * A regular expression matching a folded word in text with or without diacritics, in either case: `ha` →
 * `[hH][aàá…AÀÁ…]`. Accounts have no folded search column (a province has a few hundred), so the name is matched as
 * displayed; the classes agree with `fold()` (lib/vi/fold.ts), and case is spelt out because lower() and `~*` of
 * Vietnamese capitals depend on the server's locale.
 */
function foldedPattern(word: string): string {
  return [...word].map((ch) => {
    const variants = VARIANTS[ch] ?? ch;
    return `[${variants}${variants.toUpperCase()}]`;
  }).join('');
}

/** Each typed word is in the username or (diacritics optional) in the name. */
function matchesWords(query: string | undefined): SQL | undefined {
  const words = foldWords(query ?? '');
  if (words.length === 0) return undefined;
  return and(...words.map((w) => or(sql`${users.username} LIKE ${likeContains(w)}`, sql`${users.displayName} ~ ${foldedPattern(w)}`)));
}

export async function list(db: Db, tenantId: string, q: UserListQuery, cursor: NameCursor | null) {
  return select(db)
    .where(and(
      eq(users.tenantId, tenantId),
      matchesWords(q.q),
      q.role ? eq(users.role, q.role) : undefined,
      q.active !== undefined ? eq(users.active, q.active) : undefined,
      q.agencyId ? eq(users.agencyId, q.agencyId) : undefined,
      afterCursor(users.username, users.id, cursor),
    ))
    .orderBy(...byName(users.username, users.id))
    .limit(q.limit + 1);
}

/** Insert, and update / delete when the version matches (db/versioned-table.ts). */
export const writes = versionedWrites(users);

/** Sets a new password hash; the version is kept, since nothing the API shows has changed. */
export async function setPasswordHash(tx: Tx, tenantId: string, id: string, passwordHash: string) {
  const rows = await tx
    .update(users)
    .set({ passwordHash, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Active accounts of one role in the province (id, username, name only). */
export async function activeAccountsWithRole(db: Db | Tx, tenantId: string, role: string) {
  return db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, role), eq(users.active, true))).orderBy(users.username);
}

/** Active accounts matching any of the filters; within a filter every field given must match. */
export async function activeMatching(db: Db | Tx, tenantId: string, filters: {
  userId?: string; role?: string; agencyId?: string; adminUnitId?: string; organizationId?: string;
}[]) {
  const conds = filters.map((f) => and(
    f.userId ? eq(users.id, f.userId) : undefined, f.role ? eq(users.role, f.role) : undefined,
    f.agencyId ? eq(users.agencyId, f.agencyId) : undefined, f.adminUnitId ? eq(users.adminUnitId, f.adminUnitId) : undefined,
    f.organizationId ? eq(users.organizationId, f.organizationId) : undefined,
  )).filter((c): c is SQL => c !== undefined);
  if (conds.length === 0) return [];
  return db.select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, role: users.role })
    .from(users).where(and(eq(users.tenantId, tenantId), eq(users.active, true), or(...conds))).orderBy(users.username);
}
