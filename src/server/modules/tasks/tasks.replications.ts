/**
 * The register of replicated models (mô hình nhân rộng): the tasks module's replication records, with or without a
 * khcn task. A model replicates a khcn task's result (then the task must be in a stage that allows replication, as on
 * the task's own panel) or a described source — another province's task, a national programme — and records where
 * (a commune, on the boundaries of its year), by whom, at what scale, its results, and the support given: money
 * (đồng), the policy (a document of the register: NQ 164/2014/NQ-HĐND, NQ 03/2021/NQ-HĐND of Long An…) and the
 * programme application it came through. Listed with filters (year, place as of a date, source, policy), counted
 * (what the seeds report: "107 mô hình"), exported to XLSX; counted by year and unit for the indicators.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { collectPages, toXlsx } from '../exports/exports.service.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';
import { labelOf } from '../../../shared/labels/labels.ts';
import { REPLICATION_SOURCE_LABELS } from '../../../shared/labels/replications.ts';
import type {
  ReplicatedModel, ReplicatedModelInput, ReplicatedModelListQuery, ReplicatedModelPage, ReplicatedModelUpdate,
} from '../../../shared/schemas/replications.ts';
import { can } from './tasks.policy.ts';
import { lockReplicableTask } from './tasks.service.ts';
import { MODEL_CONSTRAINTS, checkModelReferences } from './tasks.replications.checks.ts';
import { modelDto } from './tasks.replications.dto.ts';
import * as repo from './tasks.replications.repo.ts';

const ENTITY = 'task_replication';
const constraints = { entity: ENTITY, ...MODEL_CONSTRAINTS };

function cursorOf(c: string | undefined): { year: number; id: string } | null {
  if (!c) return null;
  try {
    const [year, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown[];
    if (Number.isInteger(year) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { year: year as number, id };
  } catch {
    // fall through
  }
  throw new AppError('common.bad_cursor', { status: 400 });
}

const encode = (r: { year: number; id: string }) => Buffer.from(JSON.stringify([r.year, r.id])).toString('base64url');

export async function listReplicatedModels(ctx: Ctx, q: ReplicatedModelListQuery): Promise<ReplicatedModelPage> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, cursorOf(q.cursor));
  const kept = rows.slice(0, q.limit);
  const byYear = (await repo.countByYear(ctx.db, ctx.actor.tenantId, q)).map((r) => ({ year: Number(r.year), count: Number(r.count) }));
  const last = kept[kept.length - 1];
  return {
    items: kept.map(modelDto),
    nextCursor: rows.length > q.limit && last ? encode({ year: Number(last.year), id: last.id }) : null,
    total: byYear.reduce((n, y) => n + y.count, 0),
    byYear,
  };
}

export async function getReplicatedModel(ctx: Ctx, id: string): Promise<ReplicatedModel> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  return modelDto(row);
}

function values(ctx: Ctx, input: ReplicatedModelInput): repo.ModelValues {
  const task = input.sourceKind === 'task';
  return {
    taskId: task ? input.taskId ?? null : null, sourceKind: input.sourceKind, sourceDescription: task ? null : input.sourceDescription ?? null,
    adminUnitId: input.adminUnitId ?? null, place: input.place, adopterOrganizationId: input.adopterOrganizationId ?? null,
    adopterName: input.adopterName ?? null, scale: input.scale, year: input.year, note: input.note ?? null,
    name: input.name ?? null, results: input.results ?? null, supportAmount: input.supportAmount ?? null,
    legalDocumentId: input.legalDocumentId ?? null, applicationId: input.applicationId ?? null, createdBy: ctx.actor.userId,
  };
}

async function checks(tx: Tx, ctx: Ctx, input: ReplicatedModelInput, before: repo.ModelRow | null) {
  // Linking (or re-linking) a model to a task needs the task in a stage that records replication.
  if (input.sourceKind === 'task' && input.taskId && input.taskId !== before?.task_id) {
    try {
      await lockReplicableTask(tx, ctx.actor.tenantId, input.taskId);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) {
        throw new AppError('common.validation_failed', { status: 400, details: [{ path: 'body.taskId', code: 'unknown_reference', entity: 'task' }] });
      }
      throw e;
    }
  }
  await checkModelReferences(tx, ctx, input);
}

export async function createReplicatedModel(ctx: Ctx, input: ReplicatedModelInput): Promise<ReplicatedModel> {
  if (!can(ctx.actor, 'update')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await checks(tx, ctx, input, null);
    const id = await repo.writes.insert(tx, ctx.actor.tenantId, values(ctx, input)).catch((e: unknown) => mapConstraintError(e, constraints, input));
    const after = modelDto((await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after });
    return after;
  });
}

async function lockedModel(tx: Tx, ctx: Ctx, id: string, version: number) {
  if (!(await repo.writes.lock(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
  const before = (await repo.findById(tx, ctx.actor.tenantId, id))!;
  if (Number(before.version) !== version) {
    throw new AppError('common.version_conflict', { status: 409, params: { current: Number(before.version), sent: version }, details: { current: Number(before.version) } });
  }
  return before;
}

export async function updateReplicatedModel(ctx: Ctx, id: string, input: ReplicatedModelUpdate): Promise<ReplicatedModel> {
  if (!can(ctx.actor, 'update')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const before = await lockedModel(tx, ctx, id, input.version);
    await checks(tx, ctx, input, before);
    const { createdBy: _c, ...changes } = values(ctx, input);
    const ok = await repo.writes.update(tx, ctx.actor.tenantId, id, input.version, changes).catch((e: unknown) => mapConstraintError(e, constraints, input));
    if (!ok) throw new AppError('common.version_conflict', { status: 409, params: { current: input.version + 1, sent: input.version }, details: {} });
    const after = modelDto((await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: modelDto(before), after });
    return after;
  });
}

export async function deleteReplicatedModel(ctx: Ctx, id: string, version: number): Promise<void> {
  if (!can(ctx.actor, 'update')) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await lockedModel(tx, ctx, id, version);
    if (!(await repo.writes.remove(tx, ctx.actor.tenantId, id, version))) throw notFound(ENTITY, id);
    await recordAudit(tx, ctx, { action: 'delete', entity: ENTITY, entityId: id, before: modelDto(before) });
  });
}

/** The list (same filters, every page) as an Excel workbook. */
export async function exportReplicatedModels(ctx: Ctx, q: Omit<ReplicatedModelListQuery, 'cursor' | 'limit'>, lang: Lang): Promise<Buffer> {
  if (!can(ctx.actor, 'export')) throw forbidden();
  const rows = await collectPages((page) => listReplicatedModels(ctx, { ...q, ...page }));
  const source = (m: ReplicatedModel) => (m.taskId ? `${m.taskCode ? `${m.taskCode} — ` : ''}${m.taskTitle ?? ''}` : m.sourceDescription ?? '');
  return toXlsx<ReplicatedModel>({
    title: lang === 'vi' ? 'Danh sách mô hình nhân rộng kết quả nghiên cứu' : 'Replicated models of research results',
    sheetName: lang === 'vi' ? 'Mô hình nhân rộng' : 'Replicated models',
    lang,
    rows,
    columns: [
      { key: 'year', header: { vi: 'Năm', en: 'Year' }, type: 'year' },
      { key: (m) => m.name ?? m.taskTitle ?? '', header: { vi: 'Tên mô hình', en: 'Model' }, type: 'text', width: 45 },
      { key: (m) => labelOf(REPLICATION_SOURCE_LABELS, m.sourceKind, lang), header: { vi: 'Nguồn kết quả', en: 'Source kind' }, type: 'text', width: 22 },
      { key: source, header: { vi: 'Kết quả được nhân rộng', en: 'Result replicated' }, type: 'text', width: 45 },
      { key: 'place', header: { vi: 'Địa điểm', en: 'Place' }, type: 'text', width: 30 },
      { key: (m) => m.adminUnitName ?? '', header: { vi: 'Đơn vị hành chính', en: 'Administrative unit' }, type: 'text', width: 25 },
      { key: (m) => m.adopterName ?? '', header: { vi: 'Đơn vị, người thực hiện', en: 'Adopter' }, type: 'text', width: 30 },
      { key: 'scale', header: { vi: 'Quy mô', en: 'Scale' }, type: 'text', width: 25 },
      { key: (m) => m.results ?? '', header: { vi: 'Kết quả đạt được', en: 'Results' }, type: 'text', width: 40 },
      { key: 'supportAmount', header: { vi: 'Kinh phí hỗ trợ (đồng)', en: 'Support (VND)' }, type: 'integer' },
      { key: (m) => m.legalDocumentNumber ?? '', header: { vi: 'Chính sách hỗ trợ', en: 'Support policy' }, type: 'text', width: 22 },
      { key: (m) => m.applicationCode ?? '', header: { vi: 'Hồ sơ chương trình', en: 'Programme application' }, type: 'text', width: 18 },
    ],
  });
}

/**
 * How many models the province recorded in a year, placed in these units and the units under or before them (null:
 * the whole province, unplaced models included) — the indicator source `replication.models`.
 */
export async function countReplicatedModels(db: Db | Tx, tenantId: string, o: { year: number; adminUnitIds: string[] | null }): Promise<number> {
  return repo.countInYear(db, tenantId, o.year, o.adminUnitIds);
}

/** The models of one year, for a report (its own policy: the task readers). */
export async function replicatedModelsOfYear(ctx: Ctx, year: number): Promise<ReplicatedModel[]> {
  const p = await listReplicatedModels(ctx, { year, limit: 200 });
  return p.items;
}

/** The demo seed's bulk insert (hundreds of rows in one statement); the seed checks what is already there. */
export async function seedReplicatedModels(tx: Tx, tenantId: string, rows: repo.ModelValues[]): Promise<number> {
  return repo.insertMany(tx, tenantId, rows);
}
export type ReplicatedModelValues = repo.ModelValues;
