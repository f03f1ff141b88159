import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { organizations } from '../organizations/organizations.tables.ts';
import { people } from './people.tables.ts';
import { afterCursor, orderByName, matchesAllWords } from '../../db/search.ts';
import type { NameCursor } from '../../db/paging.ts';
import type { PersonListQuery } from '../../../shared/schemas/people.ts';

export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>;

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

export async function list(db: Db, tenantId: string, q: PersonListQuery, cursor: NameCursor | null) {
  return db
    .select(columns)
    .from(people)
    .leftJoin(organizations, orgJoin)
    .where(and(
      eq(people.tenantId, tenantId),
      matchesAllWords(people.searchText, q.q),
      q.organizationId ? eq(people.organizationId, q.organizationId) : undefined,
      // Codes are hierarchical (1 → 101 → 10101), so a prefix finds a field and all its sub-fields.
      q.scienceField ? sql`${people.scienceField} LIKE ${`${q.scienceField}%`}` : undefined,
      q.degree ? eq(people.degree, q.degree) : undefined,
      q.isExpert !== undefined ? eq(people.isExpert, q.isExpert) : undefined,
      afterCursor(people.sortKey, people.id, cursor),
    ))
    .orderBy(...orderByName(people.sortKey, people.id, q.q))
    .limit(q.limit + 1);
}

export async function insert(tx: Tx, tenantId: string, values: PersonValues) {
  const [row] = await tx.insert(people).values({ ...values, tenantId }).returning({ id: people.id });
  return row.id;
}

/** Updates when the version matches; returns false when no row was changed (stale version or missing). */
export async function update(tx: Tx, tenantId: string, id: string, version: number, values: PersonValues) {
  const rows = await tx
    .update(people)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id), eq(people.version, version)))
    .returning({ id: people.id });
  return rows.length === 1;
}

export async function remove(tx: Tx, tenantId: string, id: string, version: number) {
  const rows = await tx
    .delete(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id), eq(people.version, version)))
    .returning({ id: people.id });
  return rows.length === 1;
}

/** Whether the organisation exists in this tenant (a person may only belong to an organisation of its province). */
export async function organizationInTenant(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
  return !!row;
}

export async function count(db: Db, tenantId: string): Promise<{ total: number; experts: number }> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, experts: sql<number>`count(*) FILTER (WHERE ${people.isExpert})::int` })
    .from(people)
    .where(eq(people.tenantId, tenantId));
  return row;
}
