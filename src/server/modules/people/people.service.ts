/**
 * The register of people and experts (chuyên gia): principal investigators, council members, reviewers. Names are
 * listed in Vietnamese name order (given name first, people.name-order.ts); search ignores diacritics and case
 * over the full name and the expertise.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError, versionConflict } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { fold } from '../../../lib/vi/fold.ts';
import type { Person, PersonInput, PersonListQuery, PersonUpdate } from '../../../shared/schemas/people.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './people.repo.ts';
import { can } from './people.policy.ts';
import { personSortKey } from './people.name-order.ts';

const ENTITY = 'person';

const constraints = {
  entity: ENTITY,
  foreignKeys: { people_organization_id_fkey: 'organizationId', people_science_field_fkey: 'scienceField' },
};

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function toDto({ sortKey: _sk, ...r }: Row): Person {
  return {
    ...r,
    academicTitle: r.academicTitle as Person['academicTitle'],
    degree: r.degree as Person['degree'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Derived columns: the folded search text (name and expertise) and the Vietnamese name-order key. */
function values(input: PersonInput): repo.PersonValues {
  return {
    fullName: input.fullName,
    academicTitle: input.academicTitle ?? null,
    degree: input.degree ?? null,
    position: input.position ?? null,
    scienceField: input.scienceField ?? null,
    expertise: input.expertise ?? null,
    organizationId: input.organizationId ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    isExpert: input.isExpert,
    note: input.note ?? null,
    searchText: fold([input.fullName, input.expertise].filter(Boolean).join(' ')),
    sortKey: personSortKey(input.fullName),
  };
}

/** The foreign key only proves the organisation exists somewhere; it must also be one of this province's. */
async function assertOrganizationInTenant(db: Db | Tx, tenantId: string, id: string) {
  if (!(await repo.organizationInTenant(db, tenantId, id))) {
    throw validationError([{ path: 'body.organizationId', code: 'unknown_reference', message: `Unknown organizationId ${id}` }]);
  }
}

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  return toDto(row);
}

export async function listPeople(ctx: Ctx, q: PersonListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, decodeCursor(q.cursor));
  return page(rows, q.limit, (r) => toDto(r));
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<Person> {
  if (!can(ctx.actor, 'create')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    if (input.organizationId) await assertOrganizationInTenant(tx, ctx.actor.tenantId, input.organizationId);
    const id = await repo.insert(tx, ctx.actor.tenantId, values(input)).catch((e) => mapConstraintError(e, constraints, input));
    const created = toDto((await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: created });
    return created;
  });
}

export async function updatePerson(ctx: Ctx, id: string, input: PersonUpdate): Promise<Person> {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findById(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound(ENTITY, id);
    if (!can(ctx.actor, 'update')) throw forbidden();
    if (before.version !== input.version) throw versionConflict(before.version, input.version);
    if (input.organizationId && input.organizationId !== before.organizationId) {
      await assertOrganizationInTenant(tx, ctx.actor.tenantId, input.organizationId);
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

export async function deletePerson(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findById(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound(ENTITY, id);
    if (!can(ctx.actor, 'delete')) throw forbidden();
    if (before.version !== version) throw versionConflict(before.version, version);
    const ok = await repo.remove(tx, ctx.actor.tenantId, id, version).catch((e) => mapConstraintError(e, constraints));
    if (!ok) throw versionConflict(before.version, version);
    await recordAudit(tx, ctx, { action: 'delete', entity: ENTITY, entityId: id, before: toDto(before) });
  });
}

/** How many people (and experts) the province's registry holds. */
export async function countPeople(ctx: Ctx) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  return repo.count(ctx.db, ctx.actor.tenantId);
}
