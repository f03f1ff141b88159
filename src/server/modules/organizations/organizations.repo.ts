import { and, eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { adminUnits } from '../admin-units/admin-units.tables.ts';
import { organizations } from './organizations.tables.ts';
import { listSearch } from '../../db/search.ts';
import type { NameCursor } from '../../db/paging.ts';
import { versionedWrites, type WritableValues } from '../../db/versioned-table.ts';
import type { OrganizationListQuery } from '../../../shared/schemas/organizations.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationValues = WritableValues<typeof organizations>;

const columns = {
  id: organizations.id,
  kind: organizations.kind,
  name: organizations.name,
  shortName: organizations.shortName,
  taxCode: organizations.taxCode,
  address: organizations.address,
  adminUnitId: organizations.adminUnitId,
  adminUnitName: adminUnits.name,
  scienceField: organizations.scienceField,
  isStEnterprise: organizations.isStEnterprise,
  phone: organizations.phone,
  email: organizations.email,
  website: organizations.website,
  note: organizations.note,
  version: organizations.version,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
  sortKey: organizations.sortKey,
};

export type OrganizationRecord = Awaited<ReturnType<typeof findById>> & {};

function findByIdQuery(db: Db | Tx) {
  return db
    .select(columns)
    .from(organizations)
    .leftJoin(adminUnits, eq(adminUnits.id, organizations.adminUnitId));
}

/**
 * Reading one organisation is the hottest query of the registry; outside a transaction it runs as a prepared
 * statement built once per database handle (building the query text costs more CPU than the query itself: see
 * bench/README.md). Inside a transaction it is built as usual, on the transaction's connection.
 */
const preparedFindById = new WeakMap<object, ReturnType<typeof prepareFindById>>();
function prepareFindById(db: Db) {
  return findByIdQuery(db)
    .where(and(eq(organizations.tenantId, sql.placeholder('tenantId')), eq(organizations.id, sql.placeholder('id'))))
    .prepare('organizations_find_by_id');
}

export async function findById(db: Db | Tx, tenantId: string, id: string) {
  if (db instanceof PgTransaction) {
    const [row] = await findByIdQuery(db).where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
    return row ?? null;
  }
  let prepared = preparedFindById.get(db);
  if (!prepared) {
    prepared = prepareFindById(db as Db);
    preparedFindById.set(db, prepared);
  }
  const [row] = await prepared.execute({ tenantId, id });
  return row ?? null;
}

function listSearchOf(tenantId: string, q: OrganizationListQuery) {
  return listSearch({
    table: organizations, id: organizations.id, searchText: organizations.searchText, sortKey: organizations.sortKey, query: q.q,
    exactText: sql`(${organizations.name} || ' ' || coalesce(${organizations.shortName}, ''))`,
    tenant: { column: organizations.tenantId, value: tenantId }, buckets: 'organizations',
  });
}

const listFilters = (q: OrganizationListQuery) => and(
  q.kind ? eq(organizations.kind, q.kind) : undefined,
  q.isStEnterprise !== undefined ? eq(organizations.isStEnterprise, q.isStEnterprise) : undefined,
  q.adminUnitId ? eq(organizations.adminUnitId, q.adminUnitId) : undefined,
  q.scienceField ? eq(organizations.scienceField, q.scienceField) : undefined,
);

/** One page of the list; the page's rows are found on the search index first, then read and joined (db/search.ts). */
export async function list(db: Db, tenantId: string, q: OrganizationListQuery, cursor: NameCursor | null) {
  const s = listSearchOf(tenantId, q);
  return db
    .select({ ...columns, searchRank: s.rank })
    .from(organizations)
    .leftJoin(adminUnits, eq(adminUnits.id, organizations.adminUnitId))
    .where(s.page({ filters: listFilters(q), cursor, limit: q.limit + 1 }))
    .orderBy(...s.orderBy)
    .limit(q.limit + 1);
}

/** How many organisations match the list's filters and query: exact up to COUNT_CAP, else an estimate. */
export async function listTotal(db: Db, tenantId: string, q: OrganizationListQuery) {
  return listSearchOf(tenantId, q).total(db, listFilters(q));
}

/** Insert, and update / delete when the version matches (db/versioned-table.ts). */
export const writes = versionedWrites(organizations);

export async function counts(db: Db, tenantId: string) {
  return db
    .select({ kind: organizations.kind, total: sql<number>`count(*)::int`, stEnterprises: sql<number>`count(*) FILTER (WHERE ${organizations.isStEnterprise})::int` })
    .from(organizations)
    .where(eq(organizations.tenantId, tenantId))
    .groupBy(organizations.kind);
}
