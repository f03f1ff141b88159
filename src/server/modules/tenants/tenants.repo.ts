import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { tenants } from './tenants.tables.ts';

export type TenantRow = typeof tenants.$inferSelect;

const columns = { id: tenants.id, slug: tenants.slug, name: tenants.name, provinceUnitId: tenants.provinceUnitId };

export async function findBySlug(db: Db | Tx, slug: string) {
  const [row] = await db.select(columns).from(tenants).where(eq(tenants.slug, slug));
  return row ?? null;
}

export async function findById(db: Db | Tx, id: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return row ?? null;
}

export async function listAll(db: Db | Tx) {
  return db.select(columns).from(tenants).orderBy(asc(tenants.slug));
}

export async function count(db: Db | Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  return Number(row.n);
}

export async function insert(tx: Db | Tx, values: { slug: string; name: string; provinceUnitId: string | null }) {
  const [row] = await tx.insert(tenants).values(values).returning(columns);
  return row;
}
