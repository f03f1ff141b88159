/**
 * Administrative units of every era (before and after the 2025 reform), with validity dates. Public reference
 * data: reading needs no login and no tenant. A unit is its level + code + validity, since codes are reused
 * (the new Tây Ninh has 80, Long An's old code).
 */
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { formatDate } from '../../../lib/vi/format.ts';
import type {
  AdminUnit, AdminUnitDetail, AdminUnitKind, AdminUnitLevel, AdminUnitLink, AdminUnitListQuery,
} from '../../../shared/schemas/admin-units.ts';
import { NAME_PREFIXES, nameKey } from './admin-units.names.ts';
import * as repo from './admin-units.repo.ts';

export type { AdminUnit, AdminUnitDetail } from '../../../shared/schemas/admin-units.ts';

import { todayInVietnam } from '../../../lib/vi/dates.ts';

const ENTITY = 'admin_unit';

// A unit changes at midnight Vietnamese time, not UTC.
const today = () => todayInVietnam();

/** '-infinity' (in force since before our records begin) becomes null in the API. */
const day = (d: string | null) => (d === null || d === '-infinity' ? null : d);

type Row = Pick<repo.AdminUnitRecord, 'id' | 'level' | 'code' | 'name' | 'kind' | 'parentId' | 'parentName' | 'validFrom' | 'validTo'>;

function toDto(r: Row): AdminUnit {
  return {
    id: r.id, level: r.level, code: r.code, name: r.name, kind: r.kind as AdminUnitKind | null,
    parentId: r.parentId, parentName: r.parentName, validFrom: day(r.validFrom), validTo: day(r.validTo),
  };
}

function toLink(r: Awaited<ReturnType<typeof repo.links>>[number]): AdminUnitLink {
  const { kind: _k, parentId: _p, ...dto } = toDto(r);
  return { ...dto, effectiveOn: r.effectiveOn, legalBasis: r.legalBasis };
}

/** Units in force on `asOf` (default today), searched without diacritics, in Vietnamese name order, keyset paged. */
export async function listAdminUnits(db: Db | Tx, q: AdminUnitListQuery) {
  const rows = await repo.list(db, { ...q, asOf: q.asOf ?? today() }, decodeCursor(q.cursor));
  return page(rows, q.limit, toDto);
}

/** One unit with its parent, its validity, and the units it came from and became. */
export async function getAdminUnit(db: Db | Tx, id: string): Promise<AdminUnitDetail> {
  const row = await repo.findRecord(db, id);
  if (!row) throw notFound(ENTITY, id);
  const predecessors = await repo.links(db, id, 'predecessors');
  const successors = await repo.links(db, id, 'successors');
  return {
    ...toDto(row),
    parent: row.parentId ? { id: row.parentId, level: row.parentLevel!, code: row.parentCode, name: row.parentName! } : null,
    predecessors: predecessors.map(toLink),
    successors: successors.map(toLink),
  };
}

/** The unit of that level with that code in force on `onDate` (default today), or null. */
export async function findUnitByCode(
  db: Db | Tx, o: { level: AdminUnitLevel; code: string; onDate?: string },
): Promise<AdminUnit | null> {
  const row = await repo.findByCode(db, { level: o.level, code: o.code, onDate: o.onDate ?? today() });
  return row ? toDto(row) : null;
}

/**
 * The unit of that level named `name`, in force on `onDate` (default today), optionally under `parentId`; null
 * when there is none. Names compare folded (case and diacritics ignored). The type word may be left out or added
 * (`Long An` = `Tỉnh Long An`, `Hà Nội` = `Thành phố Hà Nội`). When several units match, one spelled exactly so
 * wins, then one matching folded with its type word; a tie is refused with 400 `admin_unit.ambiguous` (give
 * `parentId`), never guessed.
 */
export async function findUnitByName(
  db: Db | Tx, o: { level: AdminUnitLevel; name: string; onDate?: string; parentId?: string },
): Promise<AdminUnit | null> {
  const folded = fold(o.name);
  if (!folded) return null;
  const typeWords = NAME_PREFIXES[o.level].map(([prefix]) => fold(prefix));
  const bare = typeWords.reduce((b, w) => (b.startsWith(`${w} `) ? b.slice(w.length + 1) : b), folded);
  const searchTexts = [...new Set([folded, bare, ...typeWords.map((w) => `${w} ${bare}`)])];
  const rows = await repo.findByFoldedNames(db, { level: o.level, searchTexts, onDate: o.onDate ?? today(), parentId: o.parentId });
  if (rows.length === 0) return null;
  const wanted = nameKey(o.name);
  const rank = (r: Row) => (nameKey(r.name) === wanted ? 0 : fold(r.name) === folded ? 1 : 2);
  const best = Math.min(...rows.map(rank));
  const hits = rows.filter((r) => rank(r) === best);
  if (hits.length > 1) {
    throw new AppError('admin_unit.ambiguous', {
      status: 400, params: { name: o.name, count: hits.length },
      details: { candidates: hits.map((r) => ({ id: r.id, name: r.name, code: r.code, parentName: r.parentName })) },
    });
  }
  return toDto(hits[0]);
}

/** A record being written today may only point at a unit in force today. */
export async function assertUnitInForce(db: Db | Tx, id: string, path: string, onDate = today()) {
  const unit = await repo.findById(db, id);
  if (!unit) {
    throw new AppError('common.validation_failed', {
      status: 400, details: [{ path, code: 'unknown_reference', entity: 'admin_unit', id }],
    });
  }
  const inForce = (unit.validFrom === '-infinity' || unit.validFrom <= onDate) && (!unit.validTo || unit.validTo >= onDate);
  if (!inForce) {
    throw new AppError('admin_unit.not_in_force', {
      status: 400, params: { name: unit.name, date: formatDate(onDate) }, details: [{ path, code: 'not_in_force', validTo: unit.validTo }],
    });
  }
  return unit;
}

/**
 * An account of a commune's officers points at a commune of its province in force today: 400 at `path` otherwise
 * (`user.unit_not_commune`), or the reasons of assertUnitInForce.
 */
export async function assertCommuneOfProvince(db: Db | Tx, id: string, provinceUnitId: string | null, path: string) {
  const unit = await assertUnitInForce(db, id, path);
  if (unit.level !== 'commune' || !provinceUnitId || unit.parentId !== provinceUnitId) {
    throw new AppError('user.unit_not_commune', { status: 400, details: [{ path, code: 'not_commune_of_province' }] });
  }
  return unit;
}
