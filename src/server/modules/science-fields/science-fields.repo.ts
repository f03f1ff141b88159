import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { scienceFields } from './science-fields.tables.ts';

export type ScienceFieldRow = typeof scienceFields.$inferSelect;

/** Every field in code order (a parent's code is a prefix of its children's, so parents come first). */
export async function listAll(db: Db | Tx, maxCodeLength?: number): Promise<ScienceFieldRow[]> {
  return db
    .select()
    .from(scienceFields)
    .where(maxCodeLength ? sql`length(${scienceFields.code}) <= ${maxCodeLength}` : undefined)
    .orderBy(asc(sql`${scienceFields.code} COLLATE "C"`));
}
