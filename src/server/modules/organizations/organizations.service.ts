import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, validationError } from '../../errors.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { runQueries } from '../../db/queries.ts';
import type { Total } from '../../db/search.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import type { Organization, OrganizationInput, OrganizationListQuery, OrganizationUpdate, RegistryStats } from '../../../shared/schemas/organizations.ts';
import { assertUnitInForce } from '../admin-units/admin-units.service.ts';
import * as repo from './organizations.repo.ts';
import { can, writableFields } from './organizations.policy.ts';

const ENTITY = 'organization';

const constraints = {
  foreignKeys: { organizations_admin_unit_id_fkey: 'adminUnitId', organizations_science_field_fkey: 'scienceField' },
  unique: { organizations_tax_code: 'taxCode' },
};

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function toDto({ sortKey: _sk, ...r }: Row): Organization {
  return { ...r, kind: r.kind as Organization['kind'], createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** Derived columns: the folded search text and the Vietnamese sort key. */
function values(input: OrganizationInput): repo.OrganizationValues {
  return {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName ?? null,
    taxCode: input.taxCode ?? null,
    address: input.address ?? null,
    adminUnitId: input.adminUnitId ?? null,
    scienceField: input.scienceField ?? null,
    isStEnterprise: input.isStEnterprise,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    note: input.note ?? null,
    searchText: fold([input.name, input.shortName, input.taxCode].filter(Boolean).join(' ')),
    sortKey: sortKey(input.name),
  };
}

const records = versionedRecords({ entity: ENTITY, constraints, find: repo.findById, toDto, writes: repo.writes, fieldPolicy: writableFields });

export async function getOrganization(ctx: Ctx, id: string): Promise<Organization> {
  return records.get(ctx, id, (row) => can(ctx.actor, 'read', row));
}

export async function listOrganizations(ctx: Ctx, q: OrganizationListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const cursor = decodeCursor(q.cursor);
  const [rows, total] = await runQueries(ctx.db, [
    () => repo.list(ctx.db, ctx.actor.tenantId, q, cursor),
    async (): Promise<Partial<Total>> => (q.total ? repo.listTotal(ctx.db, ctx.actor.tenantId, q) : {}),
  ] as const);
  return { ...page(rows, q.limit, (r) => toDto(r)), ...total };
}

export async function createOrganization(ctx: Ctx, input: OrganizationInput): Promise<Organization> {
  return records.create(ctx, values(input), {
    input,
    authorize: () => can(ctx.actor, 'create'),
    check: async (tx) => { if (input.adminUnitId) await assertUnitInForce(tx, input.adminUnitId, 'body.adminUnitId'); },
  });
}

export async function updateOrganization(ctx: Ctx, id: string, input: OrganizationUpdate): Promise<Organization> {
  return records.update(ctx, id, input.version, values(input), {
    input,
    authorize: (before) => can(ctx.actor, 'update', before!),
    check: async (tx, before) => {
      if (input.adminUnitId && input.adminUnitId !== before!.adminUnitId) await assertUnitInForce(tx, input.adminUnitId, 'body.adminUnitId');
    },
  });
}

export async function deleteOrganization(ctx: Ctx, id: string, version: number): Promise<void> {
  await records.remove(ctx, id, version, { authorize: () => can(ctx.actor, 'delete') });
}

/**
 * Counts for the overview page: organisations by kind and S&T enterprises, with the people and experts the caller
 * counted through the people module (the route asks both, so neither service imports the other twice over).
 */
export async function registryStats(ctx: Ctx, people: { total: number; experts: number }): Promise<RegistryStats> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const byKind = await repo.counts(ctx.db, ctx.actor.tenantId);
  return {
    organizations: byKind.reduce((n, r) => n + r.total, 0),
    stEnterprises: byKind.reduce((n, r) => n + r.stEnterprises, 0),
    byKind: Object.fromEntries(byKind.map((r) => [r.kind, r.total])),
    people: people.total,
    experts: people.experts,
  };
}

// ---- checks for other modules: they validate references to organisations here, never by querying organizations ----

/** A field of another module's input that names an organisation: its path (`body.hostOrganizationId`) and the id. */
export interface OrganizationReference { path: string; id: string }

/**
 * The field problems (`unknown_reference`) of the references that name no organisation of the province, in the
 * order given; empty when all are known. The caller throws them, with its own, as one validation error.
 */
export async function organizationReferenceProblems(db: Db | Tx, tenantId: string, refs: OrganizationReference[]) {
  // Worded in the caller's language by the error handler (`field.unknown_reference` with the entity).
  const problems: { path: string; code: string; entity: string }[] = [];
  for (const r of refs) { // in sequence: `db` may be a transaction (one connection)
    if (!(await repo.findById(db, tenantId, r.id))) problems.push({ path: r.path, code: 'unknown_reference', entity: ENTITY });
  }
  return problems;
}

/** Throws a validation error (`unknown_reference` at `path`) unless `id` is an organisation of the province. */
export async function assertOrganizationInTenant(db: Db | Tx, tenantId: string, id: string, path: string) {
  const problems = await organizationReferenceProblems(db, tenantId, [{ path, id }]);
  if (problems.length) throw validationError(problems);
}
