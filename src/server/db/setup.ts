import type { DbHandle } from './client.ts';
import { migrate } from './migrate.ts';
import { loadReferenceData } from './reference.ts';

/** Brings a database up to date: migrations, then reference data. */
export async function prepareDatabase(h: DbHandle) {
  const applied = await migrate(h);
  await loadReferenceData(h);
  return applied;
}
