/**
 * Every query of the plans module. Reads join the legal-documents, agencies and admin-units tables to show a
 * number or a name, and to follow an ended unit to its successors (manifest `reads`); nothing here writes them.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import { planGroups, planItemPartners, planItems, planItemUrges, planProgress, planReports, plans } from './plans.tables.ts';

type Handle = Db | Tx;

export const planWrites = versionedWrites(plans);
export const groupWrites = versionedWrites(planGroups);
export const itemWrites = versionedWrites(planItems);
export const reportWrites = versionedWrites(planReports);

// ---- plans ----

export interface PlanRow {
  id: string; tenantId: string; legalDocumentId: string | null; title: string; periodFrom: string; periodTo: string;
  schedule: unknown; note: string | null; version: number; createdAt: Date; updatedAt: Date;
  docNumber: string | null; docTitle: string | null; docIssuedOn: string | null;
}

const planSelect = (where: ReturnType<typeof sql>) => sql`
  SELECT p.id, p.tenant_id AS "tenantId", p.legal_document_id AS "legalDocumentId", p.title, p.period_from::text AS "periodFrom",
         p.period_to::text AS "periodTo", p.schedule, p.note, p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
         d.number AS "docNumber", d.title AS "docTitle", d.issued_on::text AS "docIssuedOn"
  FROM plans p LEFT JOIN legal_documents d ON d.id = p.legal_document_id
  WHERE ${where}`;

const withDates = (r: PlanRow): PlanRow => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) });

export async function findPlan(db: Handle, tenantId: string, id: string): Promise<PlanRow | null> {
  const [row] = await rowsOf<PlanRow>(db, planSelect(sql`p.tenant_id = ${tenantId} AND p.id = ${id}`));
  return row ? withDates(row) : null;
}

export async function listPlans(db: Handle, tenantId: string): Promise<PlanRow[]> {
  const rows = await rowsOf<PlanRow>(db, sql`${planSelect(sql`p.tenant_id = ${tenantId}`)} ORDER BY p.period_from DESC, p.sort_key COLLATE "C", p.id`);
  return rows.map(withDates);
}

/** Plans carrying out these documents (the policy chain's servants). */
export async function plansOfDocuments(db: Handle, tenantId: string, documentIds: string[]) {
  if (documentIds.length === 0) return [];
  return db.select({ id: plans.id, title: plans.title, legalDocumentId: plans.legalDocumentId }).from(plans)
    .where(and(eq(plans.tenantId, tenantId), inArray(plans.legalDocumentId, documentIds))).orderBy(asc(plans.periodFrom));
}

// ---- groups ----

export type GroupRow = typeof planGroups.$inferSelect;

export async function findGroup(db: Handle, tenantId: string, id: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(planGroups).where(and(eq(planGroups.tenantId, tenantId), eq(planGroups.id, id)));
  return row ?? null;
}

export function groupsOf(db: Handle, tenantId: string, planIds: string[]): Promise<GroupRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.select().from(planGroups).where(and(eq(planGroups.tenantId, tenantId), inArray(planGroups.planId, planIds)))
    .orderBy(asc(planGroups.position), asc(planGroups.id));
}

export async function nextGroupPosition(db: Handle, planId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT coalesce(max(position) + 1, 0)::int AS n FROM plan_groups WHERE plan_id = ${planId}`);
  return row.n;
}

export async function countItemsOfGroup(db: Handle, groupId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM plan_items WHERE group_id = ${groupId}`);
  return row.n;
}

// ---- items ----

export type ItemRow = typeof planItems.$inferSelect;

export async function findItem(db: Handle, tenantId: string, id: string): Promise<ItemRow | null> {
  const [row] = await db.select().from(planItems).where(and(eq(planItems.tenantId, tenantId), eq(planItems.id, id)));
  return row ?? null;
}

export function itemsOf(db: Handle, tenantId: string, o: { planIds?: string[]; ids?: string[] }): Promise<ItemRow[]> {
  const conds = [eq(planItems.tenantId, tenantId)];
  if (o.planIds) conds.push(inArray(planItems.planId, o.planIds.length ? o.planIds : ['00000000-0000-0000-0000-000000000000']));
  if (o.ids) conds.push(inArray(planItems.id, o.ids.length ? o.ids : ['00000000-0000-0000-0000-000000000000']));
  return db.select().from(planItems).where(and(...conds)).orderBy(asc(planItems.planId), asc(planItems.position), asc(planItems.id));
}

export async function nextItemPosition(db: Handle, groupId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT coalesce(max(position) + 1, 0)::int AS n FROM plan_items WHERE group_id = ${groupId}`);
  return row.n;
}

export type PartnerRow = typeof planItemPartners.$inferSelect;

export function partnersOf(db: Handle, itemIds: string[]): Promise<PartnerRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.select().from(planItemPartners).where(inArray(planItemPartners.itemId, itemIds))
    .orderBy(asc(planItemPartners.itemId), asc(planItemPartners.position));
}

export async function replacePartners(tx: Tx, itemId: string, partners: { agencyId: string | null; adminUnitId: string | null }[]) {
  await tx.delete(planItemPartners).where(eq(planItemPartners.itemId, itemId));
  if (partners.length > 0) {
    await tx.insert(planItemPartners).values(partners.map((p, position) => ({ itemId, position, agencyId: p.agencyId, adminUnitId: p.adminUnitId })));
  }
}

// ---- units: names, validity, successors ----

export interface UnitRow { id: string; kind: 'agency' | 'admin_unit'; name: string; validTo: string | null }

/** Names and last days of agencies and administrative units (a unit with its parent: "Huyện Châu Thành, Tỉnh An Giang"). */
export async function unitsByIds(db: Handle, o: { agencyIds: string[]; adminUnitIds: string[] }): Promise<Map<string, UnitRow>> {
  const out = new Map<string, UnitRow>();
  if (o.agencyIds.length > 0) {
    const rows = await rowsOf<{ id: string; name: string; validTo: string | null }>(db, sql`
      SELECT id, name, valid_to::text AS "validTo" FROM agencies WHERE id IN (${sql.join(o.agencyIds.map((i) => sql`${i}`), sql`, `)})`);
    for (const r of rows) out.set(r.id, { ...r, kind: 'agency' });
  }
  if (o.adminUnitIds.length > 0) {
    const rows = await rowsOf<{ id: string; name: string; validTo: string | null }>(db, sql`
      SELECT u.id, CASE WHEN p.name IS NULL OR u.level = 'province' THEN u.name ELSE u.name || ', ' || p.name END AS name,
             CASE WHEN u.valid_to = 'infinity' THEN NULL ELSE u.valid_to::text END AS "validTo"
      FROM admin_units u LEFT JOIN admin_units p ON p.id = u.parent_id
      WHERE u.id IN (${sql.join(o.adminUnitIds.map((i) => sql`${i}`), sql`, `)})`);
    for (const r of rows) out.set(r.id, { ...r, kind: 'admin_unit' });
  }
  return out;
}

/**
 * For administrative units no longer in force on `onDate`: the units in force then that succeeded them, following
 * successions step by step (a commune merged twice), and, for a unit with no succession of its own (a district,
 * ended with its level on 01/07/2025), the successors of the communes it held. Unit id → successor ids.
 */
export async function successorsInForce(db: Handle, unitIds: string[], onDate: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (unitIds.length === 0) return out;
  const rows = await rowsOf<{ root: string; id: string }>(db, sql`
    WITH RECURSIVE roots AS (
      SELECT u.id AS root, u.id FROM admin_units u WHERE u.id IN (${sql.join(unitIds.map((i) => sql`${i}`), sql`, `)})
      UNION
      SELECT u.id AS root, c.id FROM admin_units u JOIN admin_units c ON c.parent_id = u.id
      WHERE u.id IN (${sql.join(unitIds.map((i) => sql`${i}`), sql`, `)})
        AND NOT EXISTS (SELECT 1 FROM admin_unit_successions s WHERE s.predecessor_id = u.id)
    ), walk(root, id, depth) AS (
      SELECT root, id, 0 FROM roots
      UNION
      SELECT w.root, s.successor_id, w.depth + 1 FROM walk w JOIN admin_unit_successions s ON s.predecessor_id = w.id
      WHERE w.depth < 6
    )
    SELECT DISTINCT w.root, w.id FROM walk w JOIN admin_units u ON u.id = w.id
    WHERE w.depth > 0 AND u.valid_from <= ${onDate}::date AND (u.valid_to IS NULL OR u.valid_to >= ${onDate}::date)
    ORDER BY w.root, w.id`);
  for (const r of rows) out.set(r.root, [...(out.get(r.root) ?? []), r.id]);
  return out;
}

/** The administrative units an item of these ended units may have passed to, for "my unit's items". */
export async function predecessorsOf(db: Handle, adminUnitId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`
    WITH RECURSIVE back(id, depth) AS (
      SELECT ${adminUnitId}::uuid, 0
      UNION
      SELECT s.predecessor_id, b.depth + 1 FROM back b JOIN admin_unit_successions s ON s.successor_id = b.id WHERE b.depth < 6
    )
    SELECT DISTINCT id FROM back WHERE depth > 0
    UNION
    SELECT DISTINCT u.parent_id FROM back b JOIN admin_units u ON u.id = b.id WHERE b.depth > 0 AND u.parent_id IS NOT NULL`);
  return rows.map((r) => r.id);
}

/** Items whose responsible or handover unit is one of these (for a unit officer's own list). */
export function itemsOfUnits(db: Handle, tenantId: string, o: { agencyId: string | null; adminUnitIds: string[] }): Promise<ItemRow[]> {
  const units = o.adminUnitIds.length ? sql.join(o.adminUnitIds.map((i) => sql`${i}`), sql`, `) : null;
  const conds = [
    o.agencyId ? sql`${planItems.responsibleAgencyId} = ${o.agencyId} OR ${planItems.handoverAgencyId} = ${o.agencyId}` : null,
    units ? sql`${planItems.responsibleAdminUnitId} IN (${units}) OR ${planItems.handoverAdminUnitId} IN (${units})` : null,
  ].filter((c) => c !== null);
  if (conds.length === 0) return Promise.resolve([]);
  return db.select().from(planItems)
    .where(and(eq(planItems.tenantId, tenantId), sql`(${sql.join(conds, sql` OR `)})`))
    .orderBy(asc(planItems.planId), asc(planItems.position), asc(planItems.id));
}

// ---- progress and urges ----

export type ProgressRow = typeof planProgress.$inferSelect & { unitName: string | null };

export async function progressOf(db: Handle, tenantId: string, itemIds: string[]): Promise<ProgressRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await rowsOf<ProgressRow>(db, sql`
    SELECT g.id, g.tenant_id AS "tenantId", g.item_id AS "itemId", g.period_key AS "periodKey", g.status, g.percent, g.narrative,
           g.source, g.reported_by AS "reportedBy", g.reported_by_name AS "reportedByName", g.agency_id AS "agencyId",
           g.admin_unit_id AS "adminUnitId", g.created_at AS "createdAt", coalesce(a.name, u.name) AS "unitName"
    FROM plan_progress g LEFT JOIN agencies a ON a.id = g.agency_id LEFT JOIN admin_units u ON u.id = g.admin_unit_id
    WHERE g.tenant_id = ${tenantId} AND g.item_id IN (${sql.join(itemIds.map((i) => sql`${i}`), sql`, `)})
    ORDER BY g.item_id, g.created_at DESC, g.id DESC`);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function countProgressOf(db: Handle, itemId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM plan_progress WHERE item_id = ${itemId}`);
  return row.n;
}

export type NewProgress = Omit<typeof planProgress.$inferInsert, 'id' | 'createdAt'>;

export async function insertProgress(tx: Tx, rows: NewProgress[]) {
  if (rows.length === 0) return [];
  return tx.insert(planProgress).values(rows).returning({ id: planProgress.id });
}

export type UrgeRow = typeof planItemUrges.$inferSelect & { unitName: string | null };

export async function urgesOf(db: Handle, tenantId: string, itemId: string): Promise<UrgeRow[]> {
  const rows = await rowsOf<UrgeRow>(db, sql`
    SELECT g.id, g.tenant_id AS "tenantId", g.item_id AS "itemId", g.agency_id AS "agencyId", g.admin_unit_id AS "adminUnitId",
           g.message, g.urged_by AS "urgedBy", g.urged_by_name AS "urgedByName", g.created_at AS "createdAt",
           coalesce(a.name, u.name) AS "unitName"
    FROM plan_item_urges g LEFT JOIN agencies a ON a.id = g.agency_id LEFT JOIN admin_units u ON u.id = g.admin_unit_id
    WHERE g.tenant_id = ${tenantId} AND g.item_id = ${itemId} ORDER BY g.created_at DESC, g.id`);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function insertUrges(tx: Tx, rows: Omit<typeof planItemUrges.$inferInsert, 'id' | 'createdAt'>[]) {
  if (rows.length > 0) await tx.insert(planItemUrges).values(rows);
}

// ---- reports ----

export type ReportRow = typeof planReports.$inferSelect;
const reportColumns = {
  id: planReports.id, tenantId: planReports.tenantId, planId: planReports.planId, periodKey: planReports.periodKey,
  title: planReports.title, sections: planReports.sections, recipients: planReports.recipients, signerTitle: planReports.signerTitle,
  signerName: planReports.signerName, status: planReports.status, numberYear: planReports.numberYear, numberSeq: planReports.numberSeq,
  number: planReports.number, issuedOn: planReports.issuedOn, issuedBy: planReports.issuedBy, version: planReports.version,
  createdAt: planReports.createdAt, updatedAt: planReports.updatedAt,
};
export type ReportMeta = Omit<ReportRow, 'docx' | 'xlsx'>;

export async function findReport(db: Handle, tenantId: string, id: string): Promise<ReportMeta | null> {
  const [row] = await db.select(reportColumns).from(planReports).where(and(eq(planReports.tenantId, tenantId), eq(planReports.id, id)));
  return row ?? null;
}

export function reportsOf(db: Handle, tenantId: string, planId: string): Promise<ReportMeta[]> {
  return db.select(reportColumns).from(planReports).where(and(eq(planReports.tenantId, tenantId), eq(planReports.planId, planId)))
    .orderBy(desc(planReports.createdAt), desc(planReports.id));
}

export async function reportFiles(db: Handle, tenantId: string, id: string) {
  const [row] = await db.select({ docx: planReports.docx, xlsx: planReports.xlsx }).from(planReports)
    .where(and(eq(planReports.tenantId, tenantId), eq(planReports.id, id)));
  return row ?? null;
}

/** The next number of the year's issued reports of the province (the caller holds the year's advisory lock). */
export async function nextReportSeq(tx: Tx, tenantId: string, year: number): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(tx, sql`
    SELECT coalesce(max(number_seq) + 1, 1)::int AS n FROM plan_reports WHERE tenant_id = ${tenantId} AND number_year = ${year} AND status = 'issued'`);
  return row.n;
}

export async function lockReportNumbers(tx: Tx, tenantId: string, year: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`plan_reports:${tenantId}`}), ${year})`);
}
