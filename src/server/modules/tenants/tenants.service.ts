/**
 * Tenants: one per provincial Department of Science and Technology (Sở KH&CN). Created by installers (the demo
 * seed, the CLI), not through the HTTP API; the caller records the audit entry once an acting user exists.
 */
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { pgError } from '../../db/errors.ts';
import * as repo from './tenants.repo.ts';

export type Tenant = Awaited<ReturnType<typeof repo.listAll>>[number];

export function findTenantBySlug(db: Db | Tx, slug: string): Promise<Tenant | null> {
  return repo.findBySlug(db, slug);
}

/** The tenant with this slug; a 404 AppError naming the slug when there is none. */
export async function getTenantBySlug(db: Db | Tx, slug: string): Promise<Tenant> {
  const t = await repo.findBySlug(db, slug);
  if (!t) throw notFound('tenant', slug);
  return t;
}

/** The tenant with this id; a 404 AppError when there is none. */
export async function getTenant(db: Db | Tx, id: string): Promise<Tenant> {
  const t = await repo.findById(db, id);
  if (!t) throw notFound('tenant', id);
  return t;
}

export function listTenants(db: Db | Tx): Promise<Tenant[]> {
  return repo.listAll(db);
}

export function countTenants(db: Db | Tx): Promise<number> {
  return repo.count(db);
}

export async function createTenant(db: Db | Tx, input: { slug: string; name: string; provinceUnitId?: string | null }): Promise<Tenant> {
  return repo.insert(db, { slug: input.slug, name: input.name, provinceUnitId: input.provinceUnitId ?? null }).catch((err) => {
    if (pgError(err)?.code === '23505') {
      throw new AppError('common.duplicate', { status: 409, params: { field: 'slug', value: input.slug }, details: [{ path: 'slug', code: 'duplicate' }] });
    }
    throw err;
  });
}
