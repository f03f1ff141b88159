/**
 * Reference data every installation needs (administrative units, national default rules such as the task workflow). Loaded by `khcn db migrate`
 * after the migrations; each loader is idempotent and skips work already done.
 */
import type { DbHandle } from './client.ts';
import { loadAdminUnits } from '../modules/admin-units/admin-units.loader.ts';
import { loadTaskRules } from '../modules/tasks/tasks.service.ts';

export type ReferenceLoader = (h: DbHandle) => Promise<void>;

const loaders: ReferenceLoader[] = [
  loadAdminUnits,
  loadTaskRules,
];

export async function loadReferenceData(h: DbHandle) {
  for (const load of loaders) await load(h);
}
