/** Every query of the replicated models (task_replications as a register: with or without a khcn task). */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { rowsOf } from '../../db/rows.ts';
import { versionedWrites } from '../../db/versioned-table.ts';
import type { ReplicatedModelListQuery } from '../../../shared/schemas/replications.ts';
import { taskReplications } from './tasks.tables.ts';

type Q = Db | Tx;

export const writes = versionedWrites(taskReplications);
export type ModelValues = Parameters<typeof writes.insert>[2];

export interface ModelRow {
  id: string; tenant_id: string; task_id: string | null; task_code: string | null; task_title: string | null;
  admin_unit_id: string | null; admin_unit_name: string | null; place: string;
  adopter_organization_id: string | null; adopter_name: string | null; scale: string; year: number; note: string | null;
  name: string | null; source_kind: string; source_description: string | null; results: string | null;
  support_amount: string | number | null; legal_document_id: string | null; legal_document_number: string | null;
  application_id: string | null; application_code: string | null; version: number; created_at: Date | string; updated_at: Date | string;
}

const SELECT = sql`
  SELECT r.id, r.tenant_id, r.task_id, t.code AS task_code, t.title AS task_title,
    r.admin_unit_id, u.name AS admin_unit_name, r.place, r.adopter_organization_id,
    coalesce(r.adopter_name, (SELECT o.name FROM organizations o WHERE o.id = r.adopter_organization_id)) AS adopter_name,
    r.scale, r.year, r.note, r.name, r.source_kind, r.source_description, r.results, r.support_amount,
    r.legal_document_id, (SELECT d.number FROM legal_documents d WHERE d.id = r.legal_document_id) AS legal_document_number,
    r.application_id, (SELECT a.code FROM programme_applications a WHERE a.id = r.application_id) AS application_code,
    r.version, r.created_at, r.updated_at
  FROM task_replications r
  LEFT JOIN tasks t ON t.id = r.task_id
  LEFT JOIN admin_units u ON u.id = r.admin_unit_id`;

/**
 * The units a place filter covers: the units given, every unit under them (districts, communes), and the units
 * that preceded any of those (a commune merged in 2025 counts in its successor, an old province in the new one).
 */
export function unitsWithin(unitIds: string[]): SQL {
  return sql`(
    WITH RECURSIVE edges(up, down) AS (
      SELECT parent_id, id FROM admin_units WHERE parent_id IS NOT NULL
      UNION ALL SELECT successor_id, predecessor_id FROM admin_unit_successions
    ), within(id) AS (
      SELECT unnest(${`{${unitIds.join(',')}}`}::uuid[])
      UNION SELECT e.down FROM edges e JOIN within w ON e.up = w.id
    ) SELECT id FROM within)`;
}

function filters(tenantId: string, q: Omit<ReplicatedModelListQuery, 'cursor' | 'limit'>): SQL {
  const parts: SQL[] = [sql`r.tenant_id = ${tenantId}`];
  if (q.year !== undefined) parts.push(sql`r.year = ${q.year}`);
  if (q.fromYear !== undefined) parts.push(sql`r.year >= ${q.fromYear}`);
  if (q.toYear !== undefined) parts.push(sql`r.year <= ${q.toYear}`);
  if (q.sourceKind) parts.push(sql`r.source_kind = ${q.sourceKind}`);
  if (q.taskId) parts.push(sql`r.task_id = ${q.taskId}`);
  if (q.legalDocumentId) parts.push(sql`r.legal_document_id = ${q.legalDocumentId}`);
  if (q.adminUnitId) parts.push(sql`r.admin_unit_id IN ${unitsWithin([q.adminUnitId])}`);
  return sql.join(parts, sql` AND `);
}

/** A page, newest year first (then by id): `after` is the last row's (year, id). */
export async function list(db: Q, tenantId: string, q: ReplicatedModelListQuery, after: { year: number; id: string } | null) {
  const keyset = after ? sql` AND (r.year < ${after.year} OR (r.year = ${after.year} AND r.id > ${after.id}))` : sql``;
  return rowsOf<ModelRow>(db, sql`${SELECT} WHERE ${filters(tenantId, q)}${keyset} ORDER BY r.year DESC, r.id LIMIT ${q.limit + 1}`);
}

export async function countByYear(db: Q, tenantId: string, q: Omit<ReplicatedModelListQuery, 'cursor' | 'limit'>) {
  return rowsOf<{ year: number; count: number }>(db, sql`
    SELECT r.year, count(*)::int AS count FROM task_replications r WHERE ${filters(tenantId, q)} GROUP BY r.year ORDER BY r.year`);
}

/** How many models of the province in a year, placed in these units (null: anywhere, unplaced ones too). */
export async function countInYear(db: Q, tenantId: string, year: number, unitIds: string[] | null): Promise<number> {
  const place = unitIds === null ? sql`` : sql` AND r.admin_unit_id IN ${unitsWithin(unitIds)}`;
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM task_replications r WHERE r.tenant_id = ${tenantId} AND r.year = ${year}${place}`);
  return Number(row?.n ?? 0);
}

export async function findById(db: Q, tenantId: string, id: string): Promise<ModelRow | null> {
  const [row] = await rowsOf<ModelRow>(db, sql`${SELECT} WHERE r.tenant_id = ${tenantId} AND r.id = ${id}`);
  return row ?? null;
}

/** The models of these tasks (the task page's panel), oldest year first. */
export async function ofTasks(db: Q, taskIds: string[]): Promise<ModelRow[]> {
  if (!taskIds.length) return [];
  return rowsOf<ModelRow>(db, sql`${SELECT} WHERE r.task_id IN (${sql.join(taskIds.map((id) => sql`${id}`), sql`, `)}) ORDER BY r.year, r.created_at`);
}

/** Bulk insert for the demo seed (hundreds of rows in one statement); returns how many. */
export async function insertMany(tx: Tx, tenantId: string, rows: ModelValues[]): Promise<number> {
  if (!rows.length) return 0;
  const out = await tx.insert(taskReplications).values(rows.map((r) => ({ ...r, tenantId }))).returning({ id: taskReplications.id });
  return out.length;
}
