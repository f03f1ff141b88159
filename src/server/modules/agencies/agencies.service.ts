/**
 * A province's departments and agencies (cơ quan, đơn vị): the units its accounts work in and that plans assign
 * work to. Each has a validity period — the 2025 restructuring merged departments, and what was assigned before
 * keeps naming the unit as it was — so a new assignment may only name a unit in force.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db, DbHandle } from '../../db/client.ts';
import { AppError, forbidden } from '../../errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { Agency, AgencyInput, AgencyListQuery, AgencyUpdate } from '../../../shared/schemas/agencies.ts';
import * as repo from './agencies.repo.ts';
import { can } from './agencies.policy.ts';

const ENTITY = 'agency';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function toDto({ sortKey: _sk, searchText: _st, ...r }: Row): Agency {
  return { ...r, kind: r.kind as Agency['kind'], createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const derived = (name: string, shortName: string | null | undefined) => ({
  searchText: fold([name, shortName].filter(Boolean).join(' ')),
  sortKey: sortKey(name),
});

function values(input: AgencyInput): repo.AgencyValues {
  return {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName ?? null,
    parentId: input.parentId ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    note: input.note ?? null,
    ...derived(input.name, input.shortName),
  };
}

const records = versionedRecords({
  entity: ENTITY,
  constraints: { foreignKeys: { agencies_parent_id_fkey: 'parentId' }, unique: { agencies_unique_name: 'name' } },
  find: repo.findById,
  toDto,
  writes: repo.writes,
});

/** A division's parent is another agency of the province that is not itself a division. */
async function checkParent(tx: Tx, tenantId: string, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  const parent = await repo.findById(tx, tenantId, parentId);
  if (!parent || parent.id === selfId || parent.kind === 'dost_division') {
    throw new AppError('agency.parent_not_department', { status: 400, details: [{ path: 'body.parentId', code: 'bad_parent' }] });
  }
}

export async function listAgencies(ctx: Ctx, q: AgencyListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, decodeCursor(q.cursor));
  return page(rows, q.limit, toDto);
}

export const getAgency = (ctx: Ctx, id: string): Promise<Agency> => records.get(ctx, id, () => can(ctx.actor, 'read'));

export function createAgency(ctx: Ctx, input: AgencyInput): Promise<Agency> {
  return records.create(ctx, values(input), {
    input, authorize: () => can(ctx.actor, 'create'), check: (tx) => checkParent(tx, ctx.actor.tenantId, input.parentId),
  });
}

export function updateAgency(ctx: Ctx, id: string, input: AgencyUpdate): Promise<Agency> {
  return records.update(ctx, id, input.version, values(input), {
    input, authorize: () => can(ctx.actor, 'update'), check: (tx) => checkParent(tx, ctx.actor.tenantId, input.parentId, id),
  });
}

export async function deleteAgency(ctx: Ctx, id: string, version: number): Promise<void> {
  await records.remove(ctx, id, version, { authorize: () => can(ctx.actor, 'delete') });
}

// ---- for other modules: a reference to an agency is checked here, never by querying agencies ----

/**
 * Throws a validation error at `path` unless `id` is an agency of the province in force on `onDate` (default:
 * today in Vietnam); returns its name.
 */
export async function assertAgencyInForce(db: Db | Tx, tenantId: string, id: string, path: string, onDate = todayInVietnam()) {
  const row = await repo.findById(db, tenantId, id);
  if (!row) {
    throw new AppError('common.validation_failed', { status: 400, details: [{ path, code: 'unknown_reference', entity: 'agency' }] });
  }
  if (row.validFrom > onDate || (row.validTo !== null && row.validTo < onDate)) {
    throw new AppError('agency.not_in_force', {
      status: 400, params: { name: row.name, date: formatDate(onDate) }, details: [{ path, code: 'not_in_force', validTo: row.validTo }],
    });
  }
  return { id: row.id, name: row.name };
}

/**
 * The agency in force today whose name (or short name) is `name`, ignoring case and diacritics — for the command
 * line (`khcn user add --unit`). Null when none or more than one match.
 */
export async function findAgencyByName(db: Db, tenantId: string, name: string) {
  const wanted = fold(name);
  const rows = await repo.list(db, tenantId, { q: name, asOf: todayInVietnam(), limit: 50 }, null);
  const hits = rows.filter((r) => fold(r.name) === wanted || (r.shortName !== null && fold(r.shortName) === wanted));
  return hits.length === 1 ? toDto(hits[0]) : null;
}

/** Reference loader: rows the 0030 migration made from free-text unit names get the app's folding and sort key. */
export async function refoldMigratedAgencies(h: DbHandle): Promise<void> {
  for (const r of await repo.unfolded(h.db)) {
    const d = derived(r.name, r.shortName);
    await repo.setDerived(h.db, r.id, d.searchText, d.sortKey);
  }
}
