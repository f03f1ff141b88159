import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { adminUnits, adminUnitSuccessions } from './admin-units.tables.ts';
import { afterCursor, byName, matchesAllWords } from '../../db/search.ts';
import type { NameCursor } from '../../db/paging.ts';
import type { AdminUnitLevel, AdminUnitListQuery } from '../../../shared/schemas/admin-units.ts';

const parent = alias(adminUnits, 'parent');

const columns = {
  id: adminUnits.id,
  level: adminUnits.level,
  code: adminUnits.code,
  name: adminUnits.name,
  kind: adminUnits.kind,
  parentId: adminUnits.parentId,
  parentName: parent.name,
  validFrom: adminUnits.validFrom,
  validTo: adminUnits.validTo,
  sortKey: adminUnits.sortKey,
};

export type AdminUnitRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** In force on `onDate` (yyyy-mm-dd): valid_from ≤ day ≤ valid_to, an open end counting as forever. */
export function inForceOn(onDate: string): SQL {
  return sql`(${adminUnits.validFrom} <= ${onDate}::date AND (${adminUnits.validTo} IS NULL OR ${adminUnits.validTo} >= ${onDate}::date))`;
}

export async function findById(db: Db | Tx, id: string) {
  const [row] = await db.select().from(adminUnits).where(eq(adminUnits.id, id));
  return row ?? null;
}

/** One unit with its parent's name. */
export async function findRecord(db: Db | Tx, id: string) {
  const [row] = await db
    .select({ ...columns, parentLevel: parent.level, parentCode: parent.code })
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(eq(adminUnits.id, id));
  return row ?? null;
}

export async function list(db: Db | Tx, q: AdminUnitListQuery & { asOf: string }, cursor: NameCursor | null) {
  return db
    .select(columns)
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(and(
      inForceOn(q.asOf),
      q.level ? eq(adminUnits.level, q.level) : undefined,
      q.code ? eq(adminUnits.code, q.code) : undefined,
      q.parentId ? eq(adminUnits.parentId, q.parentId) : undefined,
      matchesAllWords(adminUnits.searchText, q.q),
      afterCursor(adminUnits.sortKey, adminUnits.id, cursor),
    ))
    .orderBy(...byName(adminUnits.sortKey, adminUnits.id))
    .limit(q.limit + 1);
}

/** The unit of a level with this code in force on `onDate` (codes are reused across eras, never within one). */
export async function findByCode(db: Db | Tx, o: { level: AdminUnitLevel; code: string; onDate: string }) {
  const [row] = await db
    .select(columns)
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(and(eq(adminUnits.level, o.level), eq(adminUnits.code, o.code), inForceOn(o.onDate)))
    .orderBy(adminUnits.validFrom)
    .limit(1);
  return row ?? null;
}

/** Units of a level whose folded name is one of `searchTexts`, in force on `onDate`. */
export async function findByFoldedNames(db: Db | Tx, o: { level: AdminUnitLevel; searchTexts: string[]; onDate: string; parentId?: string }) {
  return db
    .select(columns)
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(and(
      eq(adminUnits.level, o.level),
      inArray(adminUnits.searchText, o.searchTexts),
      inForceOn(o.onDate),
      o.parentId ? eq(adminUnits.parentId, o.parentId) : undefined,
    ))
    .orderBy(...byName(adminUnits.sortKey, adminUnits.id));
}

/**
 * The units linked to `id` by a succession: `predecessors` (it came from them) or `successors` (it became them),
 * in Vietnamese name order.
 */
export async function links(db: Db | Tx, id: string, direction: 'predecessors' | 'successors') {
  const [self, other] = direction === 'predecessors'
    ? [adminUnitSuccessions.successorId, adminUnitSuccessions.predecessorId]
    : [adminUnitSuccessions.predecessorId, adminUnitSuccessions.successorId];
  return db
    .select({ ...columns, effectiveOn: adminUnitSuccessions.effectiveOn, legalBasis: adminUnitSuccessions.legalBasis })
    .from(adminUnitSuccessions)
    .innerJoin(adminUnits, eq(adminUnits.id, other))
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(eq(self, id))
    .orderBy(...byName(adminUnits.sortKey, adminUnits.id));
}
