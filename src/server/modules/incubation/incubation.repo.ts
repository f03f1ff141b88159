/**
 * Every query of the incubation module. Its own tables are written here; the programmes' tables are joined only to
 * show the calls and startups (names, codes, stages) — what an application may receive is asked of the programmes
 * service (incubation.service.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { incubationOutcomes, incubationServices } from './incubation.tables.ts';

type Q = Db | Tx;

export const serviceWrites = versionedWrites(incubationServices);
export const outcomeWrites = versionedWrites(incubationOutcomes);
export type ServiceValues = Parameters<typeof serviceWrites.insert>[2];
export type OutcomeValues = Parameters<typeof outcomeWrites.insert>[2];
export type ServiceRow = typeof incubationServices.$inferSelect;
export type OutcomeRow = typeof incubationOutcomes.$inferSelect;

/** The stages of an application that mean "selected for incubation". */
export const SELECTED_STAGES = ['supported', 'completed'];
const selected = sql.raw(`a.stage IN (${SELECTED_STAGES.map((s) => `'${s}'`).join(', ')})`);

export async function findService(db: Q, tenantId: string, id: string): Promise<ServiceRow | null> {
  const [row] = await db.select().from(incubationServices).where(and(eq(incubationServices.tenantId, tenantId), eq(incubationServices.id, id)));
  return row ?? null;
}

export async function servicesOf(db: Q, tenantId: string, applicationId: string): Promise<ServiceRow[]> {
  return db.select().from(incubationServices)
    .where(and(eq(incubationServices.tenantId, tenantId), eq(incubationServices.applicationId, applicationId)))
    .orderBy(incubationServices.providedOn, incubationServices.createdAt);
}

export async function outcomeOf(db: Q, tenantId: string, applicationId: string): Promise<OutcomeRow | null> {
  const [row] = await db.select().from(incubationOutcomes)
    .where(and(eq(incubationOutcomes.tenantId, tenantId), eq(incubationOutcomes.applicationId, applicationId)));
  return row ?? null;
}

export async function findOutcome(db: Q, tenantId: string, id: string): Promise<OutcomeRow | null> {
  const [row] = await db.select().from(incubationOutcomes).where(and(eq(incubationOutcomes.tenantId, tenantId), eq(incubationOutcomes.id, id)));
  return row ?? null;
}

export interface CallRow {
  id: string; code: string; title: string; year: number; programme_name: string; select_top: number | null; applications: number; selected: number;
}

const CALLS = sql`
  SELECT c.id, c.code, c.title, c.year, p.name AS programme_name, c.select_top,
    (SELECT count(*)::int FROM programme_applications a WHERE a.call_id = c.id AND a.submitted_at IS NOT NULL) AS applications,
    (SELECT count(*)::int FROM programme_applications a WHERE a.call_id = c.id AND ${selected}) AS selected
  FROM programme_calls c JOIN programmes p ON p.id = c.programme_id`;

/** The calls of the province's startup programmes, newest first. */
export async function startupCalls(db: Q, tenantId: string): Promise<CallRow[]> {
  return rowsOf<CallRow>(db, sql`${CALLS} WHERE c.tenant_id = ${tenantId} AND p.kind = 'startup' ORDER BY c.year DESC, c.opens_on DESC, c.id`);
}

export async function startupCall(db: Q, tenantId: string, callId: string): Promise<CallRow | null> {
  const [row] = await rowsOf<CallRow>(db, sql`${CALLS} WHERE c.tenant_id = ${tenantId} AND p.kind = 'startup' AND c.id = ${callId}`);
  return row ?? null;
}

export interface StartupRow {
  application_id: string; code: string | null; title: string; organization_name: string; stage: string; selected: boolean;
  services: number; hours: string | number; amount: string | number;
}

/** The submitted applications of a call with their services' totals: the selected ones first, then by code. */
export async function startupsOfCall(db: Q, tenantId: string, callId: string): Promise<StartupRow[]> {
  return rowsOf<StartupRow>(db, sql`
    SELECT a.id AS application_id, a.code, a.title, o.name AS organization_name, a.stage, ${selected} AS selected,
      count(s.id)::int AS services, coalesce(sum(s.hours), 0) AS hours, coalesce(sum(s.amount), 0) AS amount
    FROM programme_applications a JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN incubation_services s ON s.application_id = a.id
    WHERE a.tenant_id = ${tenantId} AND a.call_id = ${callId} AND a.submitted_at IS NOT NULL
    GROUP BY a.id, o.name ORDER BY ${selected} DESC, a.code NULLS LAST, a.id`);
}

export interface ServiceFigure { kind: string; startups: number; services: number; hours: string | number; amount: string | number }

/** Services given in a period, by kind: how many startups, services, hours and money. */
export async function servicesByKind(db: Q, tenantId: string, from: string, to: string): Promise<ServiceFigure[]> {
  return rowsOf<ServiceFigure>(db, sql`
    SELECT s.kind, count(DISTINCT s.application_id)::int AS startups, count(*)::int AS services,
      coalesce(sum(s.hours), 0) AS hours, coalesce(sum(s.amount), 0) AS amount
    FROM incubation_services s WHERE s.tenant_id = ${tenantId} AND s.provided_on BETWEEN ${from}::date AND ${to}::date
    GROUP BY s.kind ORDER BY s.kind`);
}

/** Bulk insert of services for the demo seed. */
export async function insertServices(tx: Tx, tenantId: string, rows: ServiceValues[]): Promise<number> {
  if (!rows.length) return 0;
  return (await tx.insert(incubationServices).values(rows.map((r) => ({ ...r, tenantId }))).returning({ id: incubationServices.id })).length;
}
