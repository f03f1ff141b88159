import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Tx } from '../../context.ts';
import { stageClockEvents, stageEvents } from './workflow.tables.ts';
import { users } from '../users/users.tables.ts';

export type StageEventRow = typeof stageEvents.$inferSelect;

const ofSubject = (tenantId: string, subjectType: string, subjectId: string) =>
  and(eq(stageEvents.tenantId, tenantId), eq(stageEvents.subjectType, subjectType), eq(stageEvents.subjectId, subjectId));

/** Serialises transitions of one subject, so "the last event" read below is still the last when we insert. */
export async function lockSubject(tx: Tx, subjectType: string, subjectId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`stage_events/${subjectType}/${subjectId}`}, 0))`);
}

export async function lastEvent(db: Db | Tx, tenantId: string, subjectType: string, subjectId: string) {
  const [row] = await db.select().from(stageEvents)
    .where(ofSubject(tenantId, subjectType, subjectId))
    .orderBy(desc(stageEvents.at), desc(stageEvents.id))
    .limit(1);
  return row ?? null;
}

export async function insertEvent(tx: Tx, values: typeof stageEvents.$inferInsert) {
  const [row] = await tx.insert(stageEvents).values(values).returning();
  return row;
}

export async function listEvents(db: Db | Tx, tenantId: string, subjectType: string, subjectId: string) {
  return db.select({
    id: stageEvents.id, fromStage: stageEvents.fromStage, toStage: stageEvents.toStage, action: stageEvents.action,
    actorId: stageEvents.actorId, actorName: users.displayName, at: stageEvents.at, note: stageEvents.note,
    ruleVersionId: stageEvents.ruleVersionId,
  })
    .from(stageEvents)
    .leftJoin(users, eq(users.id, stageEvents.actorId))
    .where(ofSubject(tenantId, subjectType, subjectId))
    .orderBy(asc(stageEvents.at), asc(stageEvents.id));
}

/** Each subject's last event at or before the cutoff. */
export async function latestPerSubject(db: Db | Tx, tenantId: string, subjectType: string, cutoff: Date) {
  return db.selectDistinctOn([stageEvents.subjectId], {
    id: stageEvents.id, subjectId: stageEvents.subjectId, workflow: stageEvents.workflow, stage: stageEvents.toStage,
    enteredAt: stageEvents.at, ruleVersionId: stageEvents.ruleVersionId,
  })
    .from(stageEvents)
    .where(and(eq(stageEvents.tenantId, tenantId), eq(stageEvents.subjectType, subjectType), lte(stageEvents.at, cutoff)))
    .orderBy(stageEvents.subjectId, desc(stageEvents.at), desc(stageEvents.id));
}

export interface StayRow { id: number; subjectId: string; stage: string; enteredAt: Date; exitedAt: Date; year: number }

/**
 * Completed stays of a subject type's records (optionally those that ended in one year, Vietnam time): a stay runs
 * from the event entering the stage to the subject's next event.
 */
export async function completedStays(db: Db | Tx, tenantId: string, subjectType: string, year?: number): Promise<StayRow[]> {
  const rows = await rowsOf<Record<string, unknown>>(db, sql`
    SELECT id, subject_id, stage, entered_at, exited_at, year
    FROM (
      SELECT e.id, e.subject_id, e.to_stage AS stage, e.at AS entered_at, lead(e.at) OVER w AS exited_at,
             extract(year FROM (lead(e.at) OVER w) AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year
      FROM stage_events e
      WHERE e.tenant_id = ${tenantId} AND e.subject_type = ${subjectType}
      WINDOW w AS (PARTITION BY e.subject_id ORDER BY e.at, e.id)
    ) stays
    WHERE exited_at IS NOT NULL ${year === undefined ? sql`` : sql`AND year = ${year}`}
    ORDER BY year, stage, id`);
  return rows.map((r) => ({
    id: Number(r.id), subjectId: String(r.subject_id), stage: String(r.stage),
    enteredAt: new Date(r.entered_at as string | Date), exitedAt: new Date(r.exited_at as string | Date), year: Number(r.year),
  }));
}

// ---- stage clocks ----

export type ClockEventRow = Pick<typeof stageClockEvents.$inferSelect, 'stageEventId' | 'kind' | 'at' | 'note'>;

/** The clock stops and restarts of these stays, oldest first. */
export async function clockEvents(db: Db | Tx, stageEventIds: number[]): Promise<ClockEventRow[]> {
  if (stageEventIds.length === 0) return [];
  return db.select({ stageEventId: stageClockEvents.stageEventId, kind: stageClockEvents.kind, at: stageClockEvents.at, note: stageClockEvents.note })
    .from(stageClockEvents)
    .where(inArray(stageClockEvents.stageEventId, stageEventIds))
    .orderBy(asc(stageClockEvents.at), asc(stageClockEvents.id));
}

/** Every clock stop and restart of a subject type's records in a province, oldest first. */
export async function clockEventsOfType(db: Db | Tx, tenantId: string, subjectType: string): Promise<ClockEventRow[]> {
  return db.select({ stageEventId: stageClockEvents.stageEventId, kind: stageClockEvents.kind, at: stageClockEvents.at, note: stageClockEvents.note })
    .from(stageClockEvents)
    .where(and(eq(stageClockEvents.tenantId, tenantId), eq(stageClockEvents.subjectType, subjectType)))
    .orderBy(asc(stageClockEvents.at), asc(stageClockEvents.id));
}

export async function insertClockEvent(tx: Tx, values: typeof stageClockEvents.$inferInsert) {
  const [row] = await tx.insert(stageClockEvents).values(values).returning();
  return row;
}

/** The definitions (rule versions) that governed a subject type's events. */
export async function ruleVersionIds(db: Db | Tx, tenantId: string, subjectType: string): Promise<string[]> {
  const rows = await db.selectDistinct({ id: stageEvents.ruleVersionId }).from(stageEvents)
    .where(and(eq(stageEvents.tenantId, tenantId), eq(stageEvents.subjectType, subjectType)));
  return rows.map((r) => r.id);
}
