import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { adminUnits } from '../../db/schema.ts';

export async function findById(db: Db | Tx, id: string) {
  const [row] = await db.select().from(adminUnits).where(eq(adminUnits.id, id));
  return row ?? null;
}
