import type { Ctx } from '../../context.ts';
import { forbidden, notFound, versionConflict } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import type { Organization, OrganizationInput, OrganizationListQuery, OrganizationUpdate, RegistryStats } from '../../../shared/schemas/organizations.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertUnitInForce } from '../admin-units/admin-units.service.ts';
import { countPeople } from '../people/people.service.ts';
import * as repo from './organizations.repo.ts';
import { can } from './organizations.policy.ts';

const ENTITY = 'organization';

const constraints = {
  entity: ENTITY,
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

export async function getOrganization(ctx: Ctx, id: string): Promise<Organization> {
  const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  if (!can(ctx.actor, 'read', row)) throw forbidden();
  return toDto(row);
}

export async function listOrganizations(ctx: Ctx, q: OrganizationListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, decodeCursor(q.cursor));
  return page(rows, q.limit, (r) => toDto(r));
}

export async function createOrganization(ctx: Ctx, input: OrganizationInput): Promise<Organization> {
  if (!can(ctx.actor, 'create')) throw forbidden();
  if (input.adminUnitId) await assertUnitInForce(ctx.db, input.adminUnitId, 'body.adminUnitId');
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insert(tx, ctx.actor.tenantId, values(input)).catch((e) => mapConstraintError(e, constraints, input));
    const created = toDto((await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: created });
    return created;
  });
}

export async function updateOrganization(ctx: Ctx, id: string, input: OrganizationUpdate): Promise<Organization> {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findById(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound(ENTITY, id);
    if (!can(ctx.actor, 'update', before)) throw forbidden();
    if (before.version !== input.version) throw versionConflict(before.version, input.version);
    if (input.adminUnitId && input.adminUnitId !== before.adminUnitId) {
      await assertUnitInForce(tx, input.adminUnitId, 'body.adminUnitId');
    }
    const ok = await repo.update(tx, ctx.actor.tenantId, id, input.version, values(input))
      .catch((e) => mapConstraintError(e, constraints, input));
    if (!ok) {
      const current = await repo.findById(tx, ctx.actor.tenantId, id);
      throw versionConflict(current?.version ?? 0, input.version);
    }
    const after = toDto((await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: toDto(before), after });
    return after;
  });
}

export async function deleteOrganization(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findById(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound(ENTITY, id);
    if (!can(ctx.actor, 'delete', before)) throw forbidden();
    if (before.version !== version) throw versionConflict(before.version, version);
    const ok = await repo.remove(tx, ctx.actor.tenantId, id, version).catch((e) => mapConstraintError(e, constraints));
    if (!ok) throw versionConflict(before.version, version);
    await recordAudit(tx, ctx, { action: 'delete', entity: ENTITY, entityId: id, before: toDto(before) });
  });
}

/** Counts for the overview page: organisations by kind, S&T enterprises, people and experts. */
export async function registryStats(ctx: Ctx): Promise<RegistryStats> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const [byKind, people] = await Promise.all([repo.counts(ctx.db, ctx.actor.tenantId), countPeople(ctx)]);
  return {
    organizations: byKind.reduce((n, r) => n + r.total, 0),
    stEnterprises: byKind.reduce((n, r) => n + r.stEnterprises, 0),
    byKind: Object.fromEntries(byKind.map((r) => [r.kind, r.total])),
    people: people.total,
    experts: people.experts,
  };
}
