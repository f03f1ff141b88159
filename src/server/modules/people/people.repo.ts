import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { people } from './people.tables.ts';
import { listSearch } from '../../db/search.ts';
import type { NameCursor } from '../../db/paging.ts';
import { versionedWrites, type WritableValues } from '../../db/versioned-table.ts';
import type { PersonListQuery } from '../../../shared/schemas/people.ts';

export type PersonValues = WritableValues<typeof people>;

const columns = {
  id: people.id,
  fullName: people.fullName,
  academicTitle: people.academicTitle,
  degree: people.degree,
  position: people.position,
  scienceField: people.scienceField,
  expertise: people.expertise,
  organizationId: people.organizationId,
  organizationName: organizations.name,
  email: people.email,
  phone: people.phone,
  isExpert: people.isExpert,
  note: people.note,
  version: people.version,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  sortKey: people.sortKey,
};

// The organisation is joined within the tenant too, so another province's name can never show through.
const orgJoin = and(eq(organizations.id, people.organizationId), eq(organizations.tenantId, people.tenantId));

export async function findById(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(people)
    .leftJoin(organizations, orgJoin)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return row ?? null;
}

function listSearchOf(tenantId: string, q: PersonListQuery) {
  return listSearch({
    table: people, id: people.id, searchText: people.searchText, sortKey: people.sortKey, query: q.q,
    exactText: sql`(${people.fullName} || ' ' || coalesce(${people.expertise}, ''))`,
    tenant: { column: people.tenantId, value: tenantId },
  });
}

const listFilters = (q: PersonListQuery) => and(
  q.organizationId ? eq(people.organizationId, q.organizationId) : undefined,
  // Codes are hierarchical (1 → 101 → 10101), so a prefix finds a field and all its sub-fields.
  q.scienceField ? sql`${people.scienceField} LIKE ${`${q.scienceField}%`}` : undefined,
  q.degree ? eq(people.degree, q.degree) : undefined,
  q.isExpert !== undefined ? eq(people.isExpert, q.isExpert) : undefined,
);

/** One page of the list; the page's rows are found on the search index first, then read and joined (db/search.ts). */
export async function list(db: Db, tenantId: string, q: PersonListQuery, cursor: NameCursor | null) {
  const s = listSearchOf(tenantId, q);
  return db
    .select({ ...columns, searchRank: s.rank })
    .from(people)
    .leftJoin(organizations, orgJoin)
    .where(s.page({ filters: listFilters(q), cursor, limit: q.limit + 1 }))
    .orderBy(...s.orderBy)
    .limit(q.limit + 1);
}

/** How many people match the list's filters and query: exact up to COUNT_CAP, else an estimate. */
export async function listTotal(db: Db, tenantId: string, q: PersonListQuery) {
  return listSearchOf(tenantId, q).total(db, listFilters(q));
}

/** Insert, and update / delete when the version matches (db/versioned-table.ts). */
export const writes = versionedWrites(people);

export async function count(db: Db, tenantId: string): Promise<{ total: number; experts: number }> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, experts: sql<number>`count(*) FILTER (WHERE ${people.isExpert})::int` })
    .from(people)
    .where(eq(people.tenantId, tenantId));
  return row;
}

/** Which of these ids are people of the province. */
export async function idsInTenant(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
  return new Set(rows.map((r) => r.id));
}
