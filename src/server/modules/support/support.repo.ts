/**
 * Every query of the support module. Reads join the programmes tables (an application's call, programme and
 * organisation), the organisations and the admin units to show names and to count by unit (manifest `reads`);
 * nothing here writes them.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { supportCertificates, supportDecisions, supportOutcomes } from './support.tables.ts';

type Handle = Db | Tx;

export const decisionWrites = versionedWrites(supportDecisions);
export const outcomeWrites = versionedWrites(supportOutcomes);
export const certificateWrites = versionedWrites(supportCertificates);

export type DecisionRow = typeof supportDecisions.$inferSelect;
export type OutcomeRow = typeof supportOutcomes.$inferSelect;
export type CertificateRow = typeof supportCertificates.$inferSelect;

export async function findDecision(db: Handle, tenantId: string, id: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(supportDecisions).where(and(eq(supportDecisions.tenantId, tenantId), eq(supportDecisions.id, id)));
  return row ?? null;
}

export async function decisionOfApplication(db: Handle, tenantId: string, applicationId: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(supportDecisions)
    .where(and(eq(supportDecisions.tenantId, tenantId), eq(supportDecisions.applicationId, applicationId)));
  return row ?? null;
}

export async function findOutcome(db: Handle, tenantId: string, id: string): Promise<OutcomeRow | null> {
  const [row] = await db.select().from(supportOutcomes).where(and(eq(supportOutcomes.tenantId, tenantId), eq(supportOutcomes.id, id)));
  return row ?? null;
}

export async function outcomeOfDecision(db: Handle, tenantId: string, decisionId: string): Promise<OutcomeRow | null> {
  const [row] = await db.select().from(supportOutcomes).where(and(eq(supportOutcomes.tenantId, tenantId), eq(supportOutcomes.decisionId, decisionId)));
  return row ?? null;
}

export async function findCertificate(db: Handle, tenantId: string, id: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(supportCertificates).where(and(eq(supportCertificates.tenantId, tenantId), eq(supportCertificates.id, id)));
  return row ?? null;
}

export function certificatesOfDecision(db: Handle, tenantId: string, decisionId: string): Promise<CertificateRow[]> {
  return db.select().from(supportCertificates)
    .where(and(eq(supportCertificates.tenantId, tenantId), eq(supportCertificates.decisionId, decisionId)))
    .orderBy(asc(supportCertificates.issuedOn), asc(supportCertificates.id));
}

/** An application as this module shows it: its call, programme and organisation (read, never written here). */
export interface ApplicationView {
  id: string; tenantId: string; callId: string; programmeId: string; organizationId: string; organizationName: string;
  code: string | null; title: string; stage: string; submittedAt: Date | null; callTitle: string; callCode: string;
  callYear: number; selectTop: number | null; supportTypes: string[]; scoringSheet: unknown; callCreatedAt: Date;
  programmeName: string; programmeKind: string;
}

const applicationSelect = (where: ReturnType<typeof sql>) => sql`
  SELECT a.id, a.tenant_id AS "tenantId", a.call_id AS "callId", c.programme_id AS "programmeId", a.organization_id AS "organizationId",
         o.name AS "organizationName", a.code, a.title, a.stage, a.submitted_at AS "submittedAt", c.title AS "callTitle",
         c.code AS "callCode", c.year AS "callYear", c.select_top AS "selectTop", c.support_types AS "supportTypes",
         c.scoring_sheet AS "scoringSheet", c.created_at AS "callCreatedAt", p.name AS "programmeName", p.kind AS "programmeKind"
  FROM programme_applications a
  JOIN programme_calls c ON c.id = a.call_id
  JOIN programmes p ON p.id = c.programme_id
  JOIN organizations o ON o.id = a.organization_id
  WHERE ${where}`;

export async function findApplicationView(db: Handle, tenantId: string, id: string): Promise<ApplicationView | null> {
  const [row] = await rowsOf<ApplicationView>(db, applicationSelect(sql`a.tenant_id = ${tenantId} AND a.id = ${id}::uuid`));
  return row ? { ...row, submittedAt: row.submittedAt ? new Date(row.submittedAt) : null, callYear: Number(row.callYear) } : null;
}

/** The submitted applications of a call, oldest submission first. */
export async function applicationsOfCall(db: Handle, tenantId: string, callId: string): Promise<ApplicationView[]> {
  const rows = await rowsOf<ApplicationView>(db, sql`${applicationSelect(sql`a.tenant_id = ${tenantId} AND a.call_id = ${callId}::uuid AND a.submitted_at IS NOT NULL`)}
    ORDER BY a.submitted_at, a.id`);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt ? new Date(r.submittedAt) : null, callYear: Number(r.callYear) }));
}

export interface CallView {
  id: string; title: string; code: string; year: number; selectTop: number | null; scoringSheet: unknown; supportTypes: string[];
  createdAt: Date; opensOn: string;
}
export async function findCallView(db: Handle, tenantId: string, id: string): Promise<CallView | null> {
  const [row] = await rowsOf<CallView>(db, sql`
    SELECT id, title, code, year, select_top AS "selectTop", scoring_sheet AS "scoringSheet", support_types AS "supportTypes",
           created_at AS "createdAt", opens_on::text AS "opensOn"
    FROM programme_calls WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  return row ? { ...row, year: Number(row.year), createdAt: new Date(row.createdAt) } : null;
}

/* ---------- certificates that expire ---------- */

export interface ExpiringRow {
  id: string; tenantId: string; standard: string; number: string; expiresOn: string; organizationId: string;
  organizationName: string; applicationId: string; applicationTitle: string;
}
/** Certificates of every province expiring between the two days (inclusive). */
export function expiringCertificates(db: Handle, from: string, to: string): Promise<ExpiringRow[]> {
  return rowsOf<ExpiringRow>(db, sql`
    SELECT s.id, s.tenant_id AS "tenantId", s.standard, s.number, s.expires_on::text AS "expiresOn", s.organization_id AS "organizationId",
           o.name AS "organizationName", d.application_id AS "applicationId", a.title AS "applicationTitle"
    FROM support_certificates s
    JOIN support_decisions d ON d.id = s.decision_id
    JOIN programme_applications a ON a.id = d.application_id
    JOIN organizations o ON o.id = s.organization_id
    WHERE s.expires_on BETWEEN ${from}::date AND ${to}::date
    ORDER BY s.tenant_id, s.expires_on, s.id`);
}

/* ---------- figures ---------- */

export interface DecisionFact {
  decisionId: string; organizationId: string; supportType: string; year: number; decisionDate: string; stateAmount: number; counterpartAmount: number;
  programmeId: string; programmeName: string; provinceUnitId: string | null; communeId: string | null; communeName: string | null;
  certificates: number;
}

/**
 * One row per support decision of the province (optionally of a year, by decision date), with the organisation's
 * commune (and that commune's province-level parent) as the registry holds it.
 */
export async function decisionFacts(db: Handle, tenantId: string, o: { year?: number | null; supportTypes?: string[] | null } = {}): Promise<DecisionFact[]> {
  const rows = await rowsOf<DecisionFact>(db, sql`
    SELECT d.id AS "decisionId", a.organization_id AS "organizationId", d.support_type AS "supportType",
           EXTRACT(YEAR FROM d.decision_date)::int AS year, d.decision_date::text AS "decisionDate", d.state_amount::float8 AS "stateAmount",
           d.counterpart_amount::float8 AS "counterpartAmount", p.id AS "programmeId", p.name AS "programmeName",
           u.parent_id AS "provinceUnitId", u.id AS "communeId", u.name AS "communeName",
           (SELECT count(*)::int FROM support_certificates s WHERE s.decision_id = d.id) AS certificates
    FROM support_decisions d
    JOIN programme_applications a ON a.id = d.application_id
    JOIN programme_calls c ON c.id = a.call_id
    JOIN programmes p ON p.id = c.programme_id
    JOIN organizations o ON o.id = a.organization_id
    LEFT JOIN admin_units u ON u.id = o.admin_unit_id
    WHERE d.tenant_id = ${tenantId}
      ${o.year ? sql`AND EXTRACT(YEAR FROM d.decision_date) = ${o.year}` : sql``}
      ${o.supportTypes && o.supportTypes.length ? sql`AND d.support_type IN (${sql.join(o.supportTypes.map((t) => sql`${t}`), sql`, `)})` : sql``}
    ORDER BY d.decision_date, d.id`);
  return rows.map((r) => ({ ...r, year: Number(r.year), stateAmount: Number(r.stateAmount), counterpartAmount: Number(r.counterpartAmount), certificates: Number(r.certificates) }));
}

export interface CallListRow {
  id: string; code: string; title: string; year: number; status: string; selectTop: number | null; programmeName: string;
  applications: number; inReview: number; decided: number;
}
/** The province's calls, newest first, with how many applications are submitted, in review and decided. */
export async function listCalls(db: Handle, tenantId: string): Promise<CallListRow[]> {
  const rows = await rowsOf<CallListRow>(db, sql`
    SELECT c.id, c.code, c.title, c.year, c.status, c.select_top AS "selectTop", p.name AS "programmeName",
           count(a.id) FILTER (WHERE a.submitted_at IS NOT NULL)::int AS applications,
           count(a.id) FILTER (WHERE a.stage = 'review')::int AS "inReview",
           count(d.id)::int AS decided
    FROM programme_calls c
    JOIN programmes p ON p.id = c.programme_id
    LEFT JOIN programme_applications a ON a.call_id = c.id
    LEFT JOIN support_decisions d ON d.application_id = a.id
    WHERE c.tenant_id = ${tenantId}
    GROUP BY c.id, p.name
    ORDER BY c.year DESC, c.opens_on DESC, c.id`);
  return rows.map((r) => ({ ...r, year: Number(r.year), applications: Number(r.applications), inReview: Number(r.inReview), decided: Number(r.decided) }));
}
