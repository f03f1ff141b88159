import { and, eq, isNull, lte, gte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import type { NameCursor } from '../../db/paging.ts';
import { textSearch } from '../../db/search.ts';
import { versionedWrites, type WritableValues } from '../../db/versioned-table.ts';
import type { AgencyListQuery } from '../../../shared/schemas/agencies.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { agencies } from './agencies.tables.ts';

export type AgencyValues = WritableValues<typeof agencies>;

const parent = alias(agencies, 'parent');

const columns = {
  id: agencies.id,
  kind: agencies.kind,
  name: agencies.name,
  shortName: agencies.shortName,
  parentId: agencies.parentId,
  parentName: parent.name,
  validFrom: agencies.validFrom,
  validTo: agencies.validTo,
  note: agencies.note,
  issuesDocuments: agencies.issuesDocuments,
  documentSymbol: agencies.documentSymbol,
  placeName: agencies.placeName,
  version: agencies.version,
  createdAt: agencies.createdAt,
  updatedAt: agencies.updatedAt,
  sortKey: agencies.sortKey,
  searchText: agencies.searchText,
};

const parentJoin = and(eq(parent.id, agencies.parentId), eq(parent.tenantId, agencies.tenantId));

/** In force on a date: started on or before it, not ended before it. */
export const inForceOn = (onDate: string) =>
  and(lte(agencies.validFrom, onDate), or(isNull(agencies.validTo), gte(agencies.validTo, onDate)));

export async function findById(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await db.select(columns).from(agencies).leftJoin(parent, parentJoin)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return row ?? null;
}

export async function list(db: Db, tenantId: string, q: AgencyListQuery, cursor: NameCursor | null) {
  const s = textSearch({
    searchText: agencies.searchText, sortKey: agencies.sortKey, id: agencies.id, query: q.q,
    exactText: sql`(${agencies.name} || ' ' || coalesce(${agencies.shortName}, ''))`,
  });
  return db.select({ ...columns, searchRank: s.rank }).from(agencies).leftJoin(parent, parentJoin)
    .where(and(
      eq(agencies.tenantId, tenantId),
      s.where,
      q.kind ? eq(agencies.kind, q.kind) : undefined,
      q.asOf ? inForceOn(q.asOf) : undefined,
      s.after(cursor),
    ))
    .orderBy(...s.orderBy)
    .limit(q.limit + 1);
}

/** Insert, and update / delete when the version matches (db/versioned-table.ts). */
export const writes = versionedWrites(agencies);

/* ---------- the agencies issuing the province's documents ---------- */

/** Every agency of the province that issues (or issued) its documents, oldest first, with its parent's name. */
export async function issuers(db: Db | Tx, tenantId: string) {
  return db.select({
    id: agencies.id, name: agencies.name, validFrom: agencies.validFrom, validTo: agencies.validTo,
    documentSymbol: agencies.documentSymbol, placeName: agencies.placeName, parentName: parent.name,
  }).from(agencies).leftJoin(parent, parentJoin)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.issuesDocuments, true)))
    .orderBy(agencies.validFrom);
}

/** Serialises writers of one province's issuers (the same lock as the 0052 trigger). */
export async function lockIssuers(tx: Tx, tenantId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`agencies/issuer/${tenantId}`}, 0))`);
}

/** The tenant's name and its province in force (for a province that has recorded no issuing agency). */
export async function tenantProvince(db: Db | Tx, tenantId: string) {
  const [row] = await db.select({ tenantName: tenants.name, provinceName: adminUnits.name, provinceKind: adminUnits.kind })
    .from(tenants).leftJoin(adminUnits, eq(adminUnits.id, tenants.provinceUnitId)).where(eq(tenants.id, tenantId));
  return row ?? null;
}

/** Rows written by the 0030 migration, whose search and sort columns are still plain lower case. */
export async function unfolded(db: Db | Tx) {
  return db.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName }).from(agencies)
    .where(sql`${agencies.sortKey} = lower(${agencies.name})`);
}

export async function setDerived(db: Db | Tx, id: string, searchText: string, sortKey: string) {
  await db.update(agencies).set({ searchText, sortKey }).where(eq(agencies.id, id));
}
