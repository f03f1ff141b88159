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
import type { DocumentHeading } from '../../../shared/schemas/documents.ts';
import * as repo from './agencies.repo.ts';
import { can } from './agencies.policy.ts';
import { issuerHeading, provinceHeading } from './agencies.headings.ts';

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
    issuesDocuments: input.issuesDocuments,
    documentSymbol: input.documentSymbol ?? null,
    placeName: input.placeName ?? null,
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

const inForce = (a: { validFrom: string; validTo: string | null }, onDate: string) =>
  a.validFrom <= onDate && (a.validTo === null || a.validTo >= onDate);

/**
 * One agency issues the province's documents on any day: refuses a period that meets another issuer's, naming it
 * (the 0052 trigger is the guarantee; this is the message). Holds the province's issuer lock until the commit.
 */
async function checkIssuer(tx: Tx, tenantId: string, input: AgencyInput, selfId?: string) {
  if (!input.issuesDocuments) return;
  await repo.lockIssuers(tx, tenantId);
  const to = input.validTo ?? '9999-12-31';
  const other = (await repo.issuers(tx, tenantId))
    .find((a) => a.id !== selfId && a.validFrom <= to && input.validFrom <= (a.validTo ?? '9999-12-31'));
  if (other) {
    throw new AppError('agency.issuer_overlap', {
      status: 409,
      params: { name: other.name, from: formatDate(other.validFrom), to: other.validTo ? formatDate(other.validTo) : '…' },
      details: [{ path: 'body.validFrom', code: 'issuer_overlap', agencyId: other.id }],
    });
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
    input, authorize: () => can(ctx.actor, 'create'),
    check: async (tx) => {
      await checkParent(tx, ctx.actor.tenantId, input.parentId);
      await checkIssuer(tx, ctx.actor.tenantId, input);
    },
  });
}

export function updateAgency(ctx: Ctx, id: string, input: AgencyUpdate): Promise<Agency> {
  return records.update(ctx, id, input.version, values(input), {
    input, authorize: () => can(ctx.actor, 'update'),
    check: async (tx) => {
      await checkParent(tx, ctx.actor.tenantId, input.parentId, id);
      await checkIssuer(tx, ctx.actor.tenantId, input, id);
    },
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
 * The heading of the province's documents dated `onDate` (yyyy-mm-dd): the agency issuing them that day — its name,
 * its parent People's Committee as governing body, its place and number symbol — so the minutes of a 2023 council of
 * the former Long An are "UBND TỈNH LONG AN / SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Long An, ngày …", and a 2026 one Tây Ninh's.
 * A province that has recorded no issuing agency gets the heading of its tenant and province in force (as before
 * migration 0052); one that has, but none in force that day, a 409 `agency.no_issuer_on_date` rather than a
 * document in the name of an agency that did not issue it.
 */
export async function documentHeadingOn(db: Db | Tx, tenantId: string, onDate: string): Promise<DocumentHeading> {
  const issuers = await repo.issuers(db, tenantId);
  if (issuers.length === 0) return provinceHeading(await repo.tenantProvince(db, tenantId));
  const issuer = issuers.find((a) => inForce(a, onDate));
  if (!issuer) {
    throw new AppError('agency.no_issuer_on_date', { status: 409, params: { date: formatDate(onDate) }, details: { date: onDate } });
  }
  return issuerHeading({ ...issuer, documentSymbol: issuer.documentSymbol!, placeName: issuer.placeName! });
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
