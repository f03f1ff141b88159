/**
 * The register of people and experts (chuyên gia): principal investigators, council members, reviewers. Names are
 * listed in Vietnamese name order (given name first, people.name-order.ts); search ignores diacritics and case
 * over the full name and the expertise.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../errors.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { runQueries } from '../../db/queries.ts';
import type { Total } from '../../db/search.ts';
import { fold } from '../../../lib/vi/fold.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { Person, PersonInput, PersonListQuery, PersonUpdate } from '../../../shared/schemas/people.ts';
import { assertOrganizationInTenant } from '../organizations/organizations.service.ts';
import * as repo from './people.repo.ts';
import { can } from './people.policy.ts';
import { personSortKey } from './people.name-order.ts';

const ENTITY = 'person';

const constraints = {
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

const records = versionedRecords({ entity: ENTITY, constraints, find: repo.findById, toDto, writes: repo.writes });

/** The foreign key only proves the organisation exists somewhere; it must also be one of this province's. */
const organizationOfProvince = (ctx: Ctx, id: string | null | undefined) => async (tx: Tx) => {
  if (id) await assertOrganizationInTenant(tx, ctx.actor.tenantId, id, 'body.organizationId');
};

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  return records.get(ctx, id, () => can(ctx.actor, 'read'));
}

export async function listPeople(ctx: Ctx, q: PersonListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const cursor = decodeCursor(q.cursor);
  const [rows, total] = await runQueries(ctx.db, [
    () => repo.list(ctx.db, ctx.actor.tenantId, q, cursor),
    async (): Promise<Partial<Total>> => (q.total ? repo.listTotal(ctx.db, ctx.actor.tenantId, q) : {}),
  ] as const);
  return { ...page(rows, q.limit, (r) => toDto(r)), ...total };
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<Person> {
  return records.create(ctx, values(input), {
    input, authorize: () => can(ctx.actor, 'create'), check: organizationOfProvince(ctx, input.organizationId),
  });
}

export async function updatePerson(ctx: Ctx, id: string, input: PersonUpdate): Promise<Person> {
  return records.update(ctx, id, input.version, values(input), {
    input,
    authorize: () => can(ctx.actor, 'update'),
    check: async (tx, before) => {
      if (input.organizationId !== before!.organizationId) await organizationOfProvince(ctx, input.organizationId)(tx);
    },
  });
}

export async function deletePerson(ctx: Ctx, id: string, version: number): Promise<void> {
  await records.remove(ctx, id, version, { authorize: () => can(ctx.actor, 'delete') });
}

/** How many people (and experts) the province's registry holds. */
export async function countPeople(ctx: Ctx) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  return repo.count(ctx.db, ctx.actor.tenantId);
}

// ---- checks for other modules: they validate references to people here, never by querying people ----

/** A field of another module's input that names a person: its path (`body.members.0.personId`) and the id. */
export interface PersonReference { path: string; id: string }

/**
 * The field problems (`unknown_reference`) of the references that name no person of the province, in the order
 * given; empty when all are known. The caller throws them, with its own, as one validation error.
 */
export async function personReferenceProblems(db: Db | Tx, tenantId: string, refs: PersonReference[]) {
  const known = await repo.idsInTenant(db, tenantId, [...new Set(refs.map((r) => r.id))]);
  // Worded in the caller's language by the error handler (`field.unknown_reference` with the entity).
  return refs.filter((r) => !known.has(r.id)).map((r) => ({ path: r.path, code: 'unknown_reference', entity: 'person' }));
}

/**
 * The expert `id` names (a council member): throws `o.notFound` (400, `unknown_reference` at `o.path`) when it is no
 * person of the province, `o.notExpert` (400, `not_expert`, params `{ name }`) when the person is not an expert.
 * The codes are the caller's, so its API keeps its own messages.
 */
export async function assertExpert(db: Db | Tx, tenantId: string, id: string, o: { path: string; notFound: MessageKey; notExpert: MessageKey }) {
  const person = await repo.findById(db, tenantId, id);
  if (!person) throw new AppError(o.notFound, { status: 400, details: [{ path: o.path, code: 'unknown_reference' }] });
  if (!person.isExpert) {
    throw new AppError(o.notExpert, { status: 400, params: { name: person.fullName }, details: [{ path: o.path, code: 'not_expert' }] });
  }
  return { id: person.id, fullName: person.fullName };
}
