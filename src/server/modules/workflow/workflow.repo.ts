import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Tx } from '../../context.ts';
import { stageEvents } from './workflow.tables.ts';
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
    subjectId: stageEvents.subjectId, workflow: stageEvents.workflow, stage: stageEvents.toStage,
    enteredAt: stageEvents.at, ruleVersionId: stageEvents.ruleVersionId,
  })
    .from(stageEvents)
    .where(and(eq(stageEvents.tenantId, tenantId), eq(stageEvents.subjectType, subjectType), lte(stageEvents.at, cutoff)))
    .orderBy(stageEvents.subjectId, desc(stageEvents.at), desc(stageEvents.id));
}

export interface DurationRow { year: number; stage: string; count: number; medianDays: number; p90Days: number }

/**
 * Completed stays per stage and year of exit (Vietnam time): a stay runs from the event entering the stage to the
 * subject's next event. Median and 90th percentile by percentile_cont (interpolated), in days.
 */
export async function durations(db: Db | Tx, tenantId: string, subjectType: string, year?: number): Promise<DurationRow[]> {
  const rows = await rowsOf<Record<string, unknown>>(db, sql`
    SELECT year, stage, count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days
    FROM (
      SELECT e.to_stage AS stage,
             (extract(epoch FROM lead(e.at) OVER w - e.at) / 86400.0)::float8 AS days,
             extract(year FROM (lead(e.at) OVER w) AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year
      FROM stage_events e
      WHERE e.tenant_id = ${tenantId} AND e.subject_type = ${subjectType}
      WINDOW w AS (PARTITION BY e.subject_id ORDER BY e.at, e.id)
    ) stays
    WHERE days IS NOT NULL ${year === undefined ? sql`` : sql`AND year = ${year}`}
    GROUP BY year, stage
    ORDER BY year, stage`);
  return rows.map((r) => ({
    year: Number(r.year), stage: String(r.stage), count: Number(r.count),
    medianDays: Number(r.median_days), p90Days: Number(r.p90_days),
  }));
}

/** The definitions (rule versions) that governed a subject type's events. */
export async function ruleVersionIds(db: Db | Tx, tenantId: string, subjectType: string): Promise<string[]> {
  const rows = await db.selectDistinct({ id: stageEvents.ruleVersionId }).from(stageEvents)
    .where(and(eq(stageEvents.tenantId, tenantId), eq(stageEvents.subjectType, subjectType)));
  return rows.map((r) => r.id);
}
