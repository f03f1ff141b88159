import { and, asc, desc, eq, gt, inArray, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { ruleVersions } from './rules.tables.ts';
import { users } from '../users/users.tables.ts';

export type RuleVersionRow = Awaited<ReturnType<typeof findById>> & {};

const columns = {
  id: ruleVersions.id,
  tenantId: ruleVersions.tenantId,
  key: ruleVersions.key,
  effectiveFrom: ruleVersions.effectiveFrom,
  effectiveTo: ruleVersions.effectiveTo,
  legalBasis: ruleVersions.legalBasis,
  value: ruleVersions.value,
  note: ruleVersions.note,
  createdBy: ruleVersions.createdBy,
  createdByName: users.displayName,
  createdAt: ruleVersions.createdAt,
};

/** The province's own versions and the national ones. */
const visibleTo = (tenantId: string) => or(eq(ruleVersions.tenantId, tenantId), isNull(ruleVersions.tenantId));
const sameScope = (tenantId: string | null) => (tenantId ? eq(ruleVersions.tenantId, tenantId) : isNull(ruleVersions.tenantId));
const inForceOn = (onDate: string) =>
  and(lte(ruleVersions.effectiveFrom, onDate), or(isNull(ruleVersions.effectiveTo), sql`${ruleVersions.effectiveTo} >= ${onDate}::date`));

function select(db: Db | Tx) {
  return db.select(columns).from(ruleVersions).leftJoin(users, eq(users.id, ruleVersions.createdBy));
}

export async function findById(db: Db | Tx, id: string) {
  const [row] = await select(db).where(eq(ruleVersions.id, id));
  return row ?? null;
}

/** The version in force on the date: the province's own first, else the national one. */
export async function findInForce(db: Db | Tx, tenantId: string, key: string, onDate: string) {
  const [row] = await select(db)
    .where(and(eq(ruleVersions.key, key), visibleTo(tenantId), inForceOn(onDate)))
    .orderBy(sql`${ruleVersions.tenantId} NULLS LAST`)
    .limit(1);
  return row ?? null;
}

/** Every version in force on the date for these keys (province and national; the caller picks). */
export async function findAllInForce(db: Db | Tx, tenantId: string, keys: string[], onDate: string) {
  if (keys.length === 0) return [];
  return select(db).where(and(inArray(ruleVersions.key, keys), visibleTo(tenantId), inForceOn(onDate)));
}

export async function listVersions(db: Db | Tx, tenantId: string, key: string) {
  return select(db)
    .where(and(eq(ruleVersions.key, key), visibleTo(tenantId)))
    .orderBy(desc(ruleVersions.effectiveFrom), sql`${ruleVersions.tenantId} NULLS LAST`);
}

export async function distinctKeys(db: Db | Tx, tenantId: string, filter: { key?: string; prefix?: string }) {
  const conds: (SQL | undefined)[] = [visibleTo(tenantId)];
  if (filter.key) conds.push(eq(ruleVersions.key, filter.key));
  if (filter.prefix) conds.push(like(ruleVersions.key, `${filter.prefix.replace(/[\\%_]/g, '\\$&')}%`));
  const rows = await db.selectDistinct({ key: ruleVersions.key }).from(ruleVersions).where(and(...conds));
  return rows.map((r) => r.key);
}

/** Serialises writers of one (tenant, key); the same lock the overlap trigger takes. */
export async function lockKey(tx: Tx, tenantId: string | null, key: string) {
  const name = `rule_versions/${tenantId ?? 'national'}/${key}`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}

export async function findOpen(tx: Tx, tenantId: string | null, key: string) {
  const [row] = await select(tx).where(and(eq(ruleVersions.key, key), sameScope(tenantId), isNull(ruleVersions.effectiveTo)));
  return row ?? null;
}

export async function findStartingOn(tx: Tx, tenantId: string | null, key: string, from: string) {
  const [row] = await select(tx).where(and(eq(ruleVersions.key, key), sameScope(tenantId), eq(ruleVersions.effectiveFrom, from)));
  return row ?? null;
}

/** The nearest version before and after a date, in one scope. */
export async function neighbours(tx: Tx, tenantId: string | null, key: string, from: string) {
  const base = and(eq(ruleVersions.key, key), sameScope(tenantId));
  const [before] = await select(tx).where(and(base, lt(ruleVersions.effectiveFrom, from))).orderBy(desc(ruleVersions.effectiveFrom)).limit(1);
  const [after] = await select(tx).where(and(base, gt(ruleVersions.effectiveFrom, from))).orderBy(asc(ruleVersions.effectiveFrom)).limit(1);
  return { before: before ?? null, after: after ?? null };
}

export async function close(tx: Tx, id: string, effectiveTo: string) {
  await tx.update(ruleVersions).set({ effectiveTo }).where(eq(ruleVersions.id, id));
}

export async function insert(tx: Tx, values: typeof ruleVersions.$inferInsert) {
  const [row] = await tx.insert(ruleVersions).values(values).returning({ id: ruleVersions.id });
  return row.id;
}
