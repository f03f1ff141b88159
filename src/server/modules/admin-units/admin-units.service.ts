/** Administrative units of every era (before and after the 2025 reform), with validity dates. */
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import * as repo from './admin-units.repo.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** A record being written today may only point at a unit in force today. */
export async function assertUnitInForce(db: Db | Tx, id: string, path: string, onDate = today()) {
  const unit = await repo.findById(db, id);
  if (!unit) {
    throw new AppError('common.validation_failed', {
      status: 400, details: [{ path, code: 'unknown_reference', message: `Unknown administrative unit ${id}` }],
    });
  }
  const inForce = (unit.validFrom === '-infinity' || unit.validFrom <= onDate) && (!unit.validTo || unit.validTo >= onDate);
  if (!inForce) {
    throw new AppError('admin_unit.not_in_force', {
      status: 400, params: { name: unit.name, date: onDate }, details: [{ path, code: 'not_in_force', validTo: unit.validTo }],
    });
  }
  return unit;
}
