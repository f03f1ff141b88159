/**
 * Plans (kế hoạch): a plan carrying out a decision of the legal-document register, its ordered groups and items,
 * each item's responsible unit (an agency or an administrative unit in force on the item's dates) and co-operating
 * units, the progress units log per reporting period, the urging (đôn đốc) of a unit, and who carries an item now.
 *
 * Who carries an item: its unit while in force; when the unit ended, the unit the department named (handover),
 * else the administrative units in force that succeeded it (a district ended on 01/07/2025: the communes that took
 * over its communes). Reading, reporting, reminders and urging follow the carriers; the item shows "was: <unit>".
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db, DbHandle } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError, versionConflict } from '../../errors.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import {
  ReportingSchedule as ScheduleSchema, type GroupInput, type GroupMove, type GroupUpdate, type HandoverInput, type ItemInput, type ItemState,
  type ItemUpdate, type Plan, type PlanDetail, type PlanGroup, type PlanInput, type PlanItem, type PlanItemDetail,
  type PlanUpdate, type ProgressEntry, type ProgressInput, type ProgressStatus, type ReportingPeriod, type ReportingSchedule,
  type UnitInfo, type UnitRef,
} from '../../../shared/schemas/plans.ts';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import { attachmentsOf, registerAttachmentSubject } from '../attachments/attachments.service.ts';
import { assertAgencyInForce } from '../agencies/agencies.service.ts';
import { assertUnitInForce } from '../admin-units/admin-units.service.ts';
import { notify } from '../inbox/inbox.service.ts';
import { getLegalDocument } from '../legal-documents/legal-documents.service.ts';
import { registerDocumentServants } from '../legal-documents/legal-documents.servants.ts';
import { ensureNationalRules, registerRuleKey, resolveRule } from '../rules/rules.service.ts';
import * as repo from './plans.repo.ts';
import { can, ownsItem, seesAll } from './plans.policy.ts';
import { currentPeriod, overdueFlags, periodsOf } from './plans.periods.ts';

export const ENTITY = { plan: 'plan', group: 'plan_group', item: 'plan_item' } as const;
const ITEM_SUBJECT = 'plan_item';

// ---- the reporting rule ----

export const REPORTING_RULE = 'plans.reporting';
/** `plans.reporting`: how many days after a period's end its report is due. */
export const ReportingRule = z.object({ graceDays: z.number().int().min(0).max(90) });
export type ReportingRule = z.infer<typeof ReportingRule>;

export async function loadPlanRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, [{
    key: REPORTING_RULE, effectiveFrom: '2019-03-15',
    legalBasis: 'Nghị định 09/2019/NĐ-CP quy định về chế độ báo cáo của cơ quan hành chính nhà nước (thời gian chốt số liệu, thời hạn gửi báo cáo định kỳ); '
      + 'số ngày là giá trị minh họa — tỉnh thay bằng quy định trong kế hoạch của mình',
    value: { graceDays: 10 } satisfies ReportingRule,
    note: 'Giá trị minh họa: báo cáo kỳ nộp chậm nhất 10 ngày sau ngày cuối kỳ.',
  }]);
}

export async function graceDaysOn(db: Db | Tx, tenantId: string, onDate: string): Promise<number> {
  return (await resolveRule<ReportingRule>(db, { tenantId, key: REPORTING_RULE, onDate })).value.graceDays;
}

// ---- DTOs ----

const planDto = (r: repo.PlanRow): Plan => ({
  id: r.id, title: r.title, legalDocumentId: r.legalDocumentId,
  document: r.legalDocumentId && r.docNumber ? { id: r.legalDocumentId, number: r.docNumber, title: r.docTitle ?? '', issuedOn: r.docIssuedOn } : null,
  periodFrom: r.periodFrom, periodTo: r.periodTo, schedule: ScheduleSchema.parse(r.schedule), note: r.note,
  version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

const groupDto = (g: repo.GroupRow): PlanGroup => ({ id: g.id, planId: g.planId, position: g.position, code: g.code, title: g.title, version: g.version });

const itemAuditDto = ({ searchText: _s, createdAt, updatedAt, ...r }: repo.ItemRow) => ({
  ...r, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(),
});

const planRecords = versionedRecords({ entity: ENTITY.plan, constraints: { foreignKeys: { plans_legal_document_id_fkey: 'legalDocumentId' } }, find: repo.findPlan, toDto: planDto, writes: repo.planWrites });
const groupRecords = versionedRecords({ entity: ENTITY.group, constraints: {}, find: repo.findGroup, toDto: groupDto, writes: repo.groupWrites });
const itemRecords = versionedRecords({
  entity: ENTITY.item,
  constraints: { foreignKeys: { plan_items_group_id_plan_id_fkey: 'groupId' } },
  find: repo.findItem, toDto: itemAuditDto, writes: repo.itemWrites,
});

// ---- who carries an item ----

export interface Carried {
  row: repo.ItemRow;
  responsible: UnitInfo;
  owners: UnitInfo[];
  handover: UnitInfo | null;
  partners: UnitInfo[];
  was: UnitInfo | null;
}

const refOf = (agencyId: string | null, adminUnitId: string | null) => ({ agencyId, adminUnitId });
const unknownUnit = (r: { agencyId: string | null; adminUnitId: string | null }): UnitInfo => ({ ...refOf(r.agencyId, r.adminUnitId), name: '—', validTo: null });

/** Items with their units named and their carriers on `today` (the module's one place for it). */
export async function carriersOf(db: Db | Tx, items: repo.ItemRow[], today: string): Promise<Carried[]> {
  const partners = await repo.partnersOf(db, items.map((i) => i.id));
  const agencyIds = new Set<string>();
  const unitIds = new Set<string>();
  const add = (a: string | null, u: string | null) => { if (a) agencyIds.add(a); if (u) unitIds.add(u); };
  for (const i of items) { add(i.responsibleAgencyId, i.responsibleAdminUnitId); add(i.handoverAgencyId, i.handoverAdminUnitId); }
  for (const p of partners) add(p.agencyId, p.adminUnitId);
  let units = await repo.unitsByIds(db, { agencyIds: [...agencyIds], adminUnitIds: [...unitIds] });
  const ended = (id: string | null) => {
    const u = id ? units.get(id) : undefined;
    return u !== undefined && u.validTo !== null && u.validTo < today;
  };
  const endedUnits = items.filter((i) => !i.handoverAgencyId && !i.handoverAdminUnitId && i.responsibleAdminUnitId && ended(i.responsibleAdminUnitId))
    .map((i) => i.responsibleAdminUnitId!);
  const successors = await repo.successorsInForce(db, [...new Set(endedUnits)], today);
  const more = [...new Set([...successors.values()].flat())].filter((id) => !units.has(id));
  if (more.length > 0) units = new Map([...units, ...await repo.unitsByIds(db, { agencyIds: [], adminUnitIds: more })]);
  const info = (a: string | null, u: string | null): UnitInfo => {
    const row = units.get((a ?? u)!);
    return row ? { ...refOf(a, u), name: row.name, validTo: row.validTo } : unknownUnit(refOf(a, u));
  };
  const partnersOf = new Map<string, UnitInfo[]>();
  for (const p of partners) partnersOf.set(p.itemId, [...(partnersOf.get(p.itemId) ?? []), info(p.agencyId, p.adminUnitId)]);
  return items.map((row) => {
    const responsible = info(row.responsibleAgencyId, row.responsibleAdminUnitId);
    const handover = row.handoverAgencyId || row.handoverAdminUnitId ? info(row.handoverAgencyId, row.handoverAdminUnitId) : null;
    let owners: UnitInfo[];
    if (handover) owners = [handover];
    else if (row.responsibleAdminUnitId && ended(row.responsibleAdminUnitId)) {
      const next = successors.get(row.responsibleAdminUnitId) ?? [];
      owners = next.length > 0 ? next.map((id) => info(null, id)) : [responsible];
    } else owners = [responsible];
    const isResponsible = (o: UnitInfo) => o.agencyId === responsible.agencyId && o.adminUnitId === responsible.adminUnitId;
    return { row, responsible, owners, handover, partners: partnersOf.get(row.id) ?? [], was: owners.some(isResponsible) ? null : responsible };
  });
}

// ---- progress state ----

interface PlanFrame { periods: ReportingPeriod[]; periodFrom: string; periodTo: string }

async function frameOf(db: Db | Tx, tenantId: string, plan: Pick<repo.PlanRow, 'schedule' | 'periodFrom' | 'periodTo'>, today: string): Promise<PlanFrame> {
  const grace = await graceDaysOn(db, tenantId, today);
  return { periods: periodsOf(ScheduleSchema.parse(plan.schedule), plan.periodFrom, plan.periodTo, grace), periodFrom: plan.periodFrom, periodTo: plan.periodTo };
}

function stateOf(item: repo.ItemRow, entries: repo.ProgressRow[], frame: PlanFrame, today: string): ItemState {
  const latest = entries[0] ?? null; // newest first
  const status = (latest?.status ?? null) as ProgressStatus | null;
  const { flags, duePeriod } = overdueFlags(frame.periods, {
    today, deadline: item.deadline, status,
    itemFrom: item.startsOn ?? frame.periodFrom, itemTo: item.deadline ?? frame.periodTo,
    reported: new Set(entries.map((e) => e.periodKey)),
  });
  return {
    status: status ?? 'not_started', percent: latest?.percent ?? 0, lastPeriod: latest?.periodKey ?? null,
    lastReportedAt: latest?.createdAt.toISOString() ?? null, overdue: flags, duePeriod,
  };
}

const entryDto = (e: repo.ProgressRow): ProgressEntry => ({
  id: e.id, itemId: e.itemId, periodKey: e.periodKey, status: e.status as ProgressStatus, percent: e.percent, narrative: e.narrative,
  source: e.source as ProgressEntry['source'], reportedByName: e.reportedByName, unitName: e.unitName, createdAt: e.createdAt.toISOString(),
});

function itemDto(ctx: Ctx, c: Carried, state: ItemState): PlanItem {
  const r = c.row;
  return {
    id: r.id, planId: r.planId, groupId: r.groupId, position: r.position, code: r.code, title: r.title,
    responsible: c.responsible, owners: c.owners, was: c.was, handover: c.handover, partners: c.partners,
    startsOn: r.startsOn, deadline: r.deadline, expectedOutput: r.expectedOutput, note: r.note, state,
    mayReport: can(ctx.actor, 'report', c), version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** Items of plans as the API shows them (state, carriers), only those the actor may read. */
export async function presentItems(ctx: Ctx, db: Db | Tx, planRows: repo.PlanRow[], items: repo.ItemRow[], today: string) {
  const carried = (await carriersOf(db, items, today)).filter((c) => can(ctx.actor, 'read', c));
  const entries = await repo.progressOf(db, ctx.actor.tenantId, carried.map((c) => c.row.id));
  const byItem = new Map<string, repo.ProgressRow[]>();
  for (const e of entries) byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), e]);
  const frames = new Map<string, PlanFrame>();
  for (const p of planRows) frames.set(p.id, await frameOf(db, ctx.actor.tenantId, p, today));
  return carried.map((c) => ({
    carried: c, entries: byItem.get(c.row.id) ?? [],
    dto: itemDto(ctx, c, stateOf(c.row, byItem.get(c.row.id) ?? [], frames.get(c.row.planId)!, today)),
  }));
}

// ---- plans ----

/** The actor's ctx on a transaction's handle (another module's service called inside our transaction). */
export const inTx = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx as unknown as Db });

async function checkDocument(ctx: Ctx, id: string | null | undefined) {
  if (!id) return;
  try {
    await getLegalDocument(ctx, id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw validationError([{ path: 'body.legalDocumentId', code: 'unknown_reference', params: { entity: 'legal_document' } }]);
    throw e;
  }
}

function planValues(input: Omit<PlanUpdate, 'version'>) {
  return {
    title: input.title, legalDocumentId: input.legalDocumentId ?? null, periodFrom: input.periodFrom, periodTo: input.periodTo,
    schedule: input.schedule, note: input.note ?? null, searchText: fold(input.title), sortKey: sortKey(input.title),
  };
}

export async function listPlans(ctx: Ctx, now = new Date()) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const today = todayInVietnam(now);
  const planRows = await repo.listPlans(ctx.db, ctx.actor.tenantId);
  const items = await repo.itemsOf(ctx.db, ctx.actor.tenantId, { planIds: planRows.map((p) => p.id) });
  const shown = await presentItems(ctx, ctx.db, planRows, items, today);
  return {
    items: planRows
      .map((p) => {
        const mine = shown.filter((s) => s.dto.planId === p.id);
        return { ...planDto(p), items: mine.length, done: mine.filter((s) => s.dto.state.status === 'done').length, overdue: mine.filter((s) => s.dto.state.overdue.length > 0).length };
      })
      .filter((p) => seesAll(ctx.actor) || p.items > 0),
  };
}

async function readablePlan(ctx: Ctx, db: Db | Tx, id: string) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const row = await repo.findPlan(db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY.plan, id);
  return row;
}

export async function getPlan(ctx: Ctx, id: string, filter: { status?: ProgressStatus; overdue?: boolean; agencyId?: string; adminUnitId?: string } = {}, now = new Date()): Promise<PlanDetail> {
  const today = todayInVietnam(now);
  const row = await readablePlan(ctx, ctx.db, id);
  const [groups, items] = [await repo.groupsOf(ctx.db, ctx.actor.tenantId, [id]), await repo.itemsOf(ctx.db, ctx.actor.tenantId, { planIds: [id] })];
  const shown = (await presentItems(ctx, ctx.db, [row], items, today)).map((s) => s.dto)
    .filter((i) => !filter.status || i.state.status === filter.status)
    .filter((i) => filter.overdue === undefined || (i.state.overdue.length > 0) === filter.overdue)
    .filter((i) => !filter.agencyId || i.owners.some((o) => o.agencyId === filter.agencyId) || i.responsible.agencyId === filter.agencyId)
    .filter((i) => !filter.adminUnitId || i.owners.some((o) => o.adminUnitId === filter.adminUnitId) || i.responsible.adminUnitId === filter.adminUnitId);
  const frame = await frameOf(ctx.db, ctx.actor.tenantId, row, today);
  const groupOrder = new Map(groups.map((g, i) => [g.id, i]));
  shown.sort((a, b) => (groupOrder.get(a.groupId)! - groupOrder.get(b.groupId)!) || a.position - b.position);
  return {
    ...planDto(row), groups: groups.map(groupDto), items: shown, periods: frame.periods,
    currentPeriod: currentPeriod(frame.periods, today)?.key ?? null, mayEdit: can(ctx.actor, 'edit'),
  };
}

export function createPlan(ctx: Ctx, input: PlanInput): Promise<Plan> {
  return planRecords.create(ctx, planValues(input), {
    input, authorize: () => can(ctx.actor, 'edit'), check: (tx) => checkDocument(inTx(ctx, tx), input.legalDocumentId),
  });
}

export function updatePlan(ctx: Ctx, id: string, input: PlanUpdate): Promise<Plan> {
  return planRecords.update(ctx, id, input.version, planValues(input), {
    input, authorize: () => can(ctx.actor, 'edit'), check: (tx) => checkDocument(inTx(ctx, tx), input.legalDocumentId),
  });
}

// ---- groups ----

export async function createGroup(ctx: Ctx, planId: string, input: GroupInput): Promise<PlanGroup> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  await readablePlan(ctx, ctx.db, planId);
  return groupRecords.create(ctx, {
    planId, code: input.code ?? null, title: input.title, position: input.position ?? await repo.nextGroupPosition(ctx.db, planId),
  }, { input, authorize: () => can(ctx.actor, 'edit') });
}

export function updateGroup(ctx: Ctx, id: string, input: GroupUpdate): Promise<PlanGroup> {
  return groupRecords.update(ctx, id, input.version, (before) => ({
    code: input.code ?? null, title: input.title, position: input.position ?? before.position,
  }), { input, authorize: () => can(ctx.actor, 'edit') });
}

/** Deletes a group without items (one with items: 409 `plans.group_not_empty`; move or delete its items first). */
export async function deleteGroup(ctx: Ctx, id: string, version: number): Promise<void> {
  await groupRecords.remove(ctx, id, version, {
    authorize: () => can(ctx.actor, 'edit'),
    check: async (tx) => {
      const count = await repo.countItemsOfGroup(tx, id);
      if (count > 0) throw new AppError('plans.group_not_empty', { status: 409, params: { count }, details: { items: count } });
    },
  });
}

/**
 * Moves a group one place up or down: the plan's groups are numbered again 0, 1, 2… in their new order, each group
 * whose place changes written as a versioned update (audited). The plan's row is locked first, so two officers
 * reordering the same plan wait for each other; the moved group's version must be the one the caller read (409).
 */
export async function moveGroup(ctx: Ctx, id: string, input: GroupMove): Promise<{ items: PlanGroup[] }> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  const planId = await ctx.db.transaction(async (tx) => {
    const found = await repo.findGroup(tx, ctx.actor.tenantId, id);
    if (!found) throw notFound(ENTITY.group, id);
    await repo.planWrites.lock(tx, ctx.actor.tenantId, found.planId);
    const groups = await repo.groupsOf(tx, ctx.actor.tenantId, [found.planId]);
    const at = groups.findIndex((g) => g.id === id);
    if (groups[at].version !== input.version) throw versionConflict(groups[at].version, input.version);
    const to = input.direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= groups.length) {
      throw validationError([{ path: 'body.direction', code: 'at_edge', i18n: `plans.group_at_edge.${input.direction}` }]);
    }
    const order = [...groups];
    [order[at], order[to]] = [order[to], order[at]];
    for (const [position, g] of order.entries()) {
      if (g.position !== position) {
        await groupRecords.update({ ...ctx, db: tx }, g.id, g.version, { position }, { authorize: () => can(ctx.actor, 'edit') });
      }
    }
    return found.planId;
  });
  return { items: (await repo.groupsOf(ctx.db, ctx.actor.tenantId, [planId])).map(groupDto) };
}

// ---- items ----

/** A unit named by an item: in force on `onDate` (the item's start, else the plan's). */
async function checkUnit(tx: Tx, tenantId: string, u: UnitRef, path: string, onDate: string) {
  if (u.agencyId) await assertAgencyInForce(tx, tenantId, u.agencyId, `${path}.agencyId`, onDate);
  else if (u.adminUnitId) await assertUnitInForce(tx, u.adminUnitId, `${path}.adminUnitId`, onDate);
}

function itemValues(input: Omit<ItemUpdate, 'version'>) {
  return {
    groupId: input.groupId, code: input.code ?? null, title: input.title,
    responsibleAgencyId: input.responsible.agencyId ?? null, responsibleAdminUnitId: input.responsible.adminUnitId ?? null,
    startsOn: input.startsOn ?? null, deadline: input.deadline ?? null, expectedOutput: input.expectedOutput ?? null,
    note: input.note ?? null, searchText: fold([input.code, input.title].filter(Boolean).join(' ')),
  };
}

async function checkItem(tx: Tx, ctx: Ctx, plan: repo.PlanRow, input: Omit<ItemUpdate, 'version'>) {
  const group = await repo.findGroup(tx, ctx.actor.tenantId, input.groupId);
  if (!group || group.planId !== plan.id) throw validationError([{ path: 'body.groupId', code: 'unknown_reference', params: { entity: ENTITY.group } }]);
  const onDate = input.startsOn ?? plan.periodFrom;
  await checkUnit(tx, ctx.actor.tenantId, input.responsible, 'body.responsible', onDate);
  for (const [i, p] of (input.partners ?? []).entries()) await checkUnit(tx, ctx.actor.tenantId, p, `body.partners.${i}`, onDate);
}

const partnerRows = (input: Omit<ItemUpdate, 'version'>) => (input.partners ?? []).map((p) => ({ agencyId: p.agencyId ?? null, adminUnitId: p.adminUnitId ?? null }));

/** Runs inside an item's write transaction after the item is written (the indicators it serves, plans.items.ts). */
export type ItemWriteHook = (tx: Tx, itemId: string) => Promise<unknown>;

export async function createItem(ctx: Ctx, planId: string, input: ItemInput, now = new Date(), within?: ItemWriteHook): Promise<PlanItem> {
  if (!can(ctx.actor, 'edit')) throw forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    const plan = await readablePlan(ctx, tx, planId);
    const position = input.position ?? await repo.nextItemPosition(tx, input.groupId);
    const created = await itemRecords.create({ ...ctx, db: tx }, { ...itemValues(input), planId, position }, {
      input, authorize: () => can(ctx.actor, 'edit'), check: (t) => checkItem(t, ctx, plan, input),
    });
    await repo.replacePartners(tx, created.id, partnerRows(input));
    await within?.(tx, created.id);
    return created.id;
  });
  return (await getItem(ctx, id, now));
}

export async function updateItem(ctx: Ctx, id: string, input: ItemUpdate, now = new Date(), within?: ItemWriteHook): Promise<PlanItem> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findItem(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound(ENTITY.item, id);
    const plan = (await repo.findPlan(tx, ctx.actor.tenantId, before.planId))!;
    await itemRecords.update({ ...ctx, db: tx }, id, input.version, (b) => ({ ...itemValues(input), position: input.position ?? b.position }), {
      input, authorize: () => can(ctx.actor, 'edit'), check: (t) => checkItem(t, ctx, plan, input),
    });
    await repo.replacePartners(tx, id, partnerRows(input));
    await within?.(tx, id);
  });
  return getItem(ctx, id, now);
}

/**
 * Deletes an item (its co-operating units and indicator links go with it). An item a unit has reported on or
 * attached evidence to keeps its history: 409 `plans.item_has_reports`.
 */
export async function deleteItem(ctx: Ctx, id: string, version: number): Promise<void> {
  await itemRecords.remove(ctx, id, version, {
    authorize: () => can(ctx.actor, 'edit'),
    check: async (tx) => {
      const reports = await repo.countProgressOf(tx, id);
      const files = (await attachmentsOf(tx, ctx.actor.tenantId, ITEM_SUBJECT, id)).length;
      if (reports + files > 0) throw new AppError('plans.item_has_reports', { status: 409, params: { reports, files }, details: { reports, files } });
    },
  });
}

/** The department names who carries an item whose unit ended (null clears it): a unit in force today. */
export async function setHandover(ctx: Ctx, id: string, input: HandoverInput, now = new Date()): Promise<PlanItem> {
  const today = todayInVietnam(now);
  await itemRecords.update(ctx, id, input.version, {
    handoverAgencyId: input.unit?.agencyId ?? null, handoverAdminUnitId: input.unit?.adminUnitId ?? null,
  }, {
    input: { handover: input.unit }, action: 'handover', authorize: () => can(ctx.actor, 'edit'),
    check: async (tx) => { if (input.unit) await checkUnit(tx, ctx.actor.tenantId, input.unit, 'body.unit', today); },
  });
  return getItem(ctx, id, now);
}

/** One item as the actor may read it: 404 when absent from the province, 403 when another unit's. */
async function readableItem(ctx: Ctx, db: Db | Tx, id: string, today: string) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const row = await repo.findItem(db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY.item, id);
  const [carried] = await carriersOf(db, [row], today);
  if (!can(ctx.actor, 'read', carried)) throw forbidden();
  return carried;
}

export async function getItem(ctx: Ctx, id: string, now = new Date()): Promise<PlanItemDetail> {
  const today = todayInVietnam(now);
  await readableItem(ctx, ctx.db, id, today);
  const row = (await repo.findItem(ctx.db, ctx.actor.tenantId, id))!;
  const plan = (await repo.findPlan(ctx.db, ctx.actor.tenantId, row.planId))!;
  const [shown] = await presentItems(ctx, ctx.db, [plan], [row], today);
  const group = await repo.findGroup(ctx.db, ctx.actor.tenantId, row.groupId);
  const frame = await frameOf(ctx.db, ctx.actor.tenantId, plan, today);
  const urges = await repo.urgesOf(ctx.db, ctx.actor.tenantId, id);
  return {
    successors: await successorsOfResponsible(ctx.db, shown.carried, today),
    mayEdit: can(ctx.actor, 'edit'),
    ...shown.dto,
    plan: { id: plan.id, title: plan.title, schedule: ScheduleSchema.parse(plan.schedule) },
    groupTitle: group?.title ?? '', progress: shown.entries.map(entryDto),
    urges: urges.map((u) => ({ id: u.id, unitName: u.unitName ?? '—', message: u.message, urgedByName: u.urgedByName, createdAt: u.createdAt.toISOString() })),
    periods: frame.periods, currentPeriod: currentPeriod(frame.periods, today)?.key ?? null, mayUrge: can(ctx.actor, 'urge'),
  };
}

/** The units in force today that succeeded an item's unit as signed, when that unit has ended (the handover picker). */
async function successorsOfResponsible(db: Db | Tx, c: Carried, today: string): Promise<UnitInfo[]> {
  const unitId = c.row.responsibleAdminUnitId;
  if (!unitId || c.responsible.validTo === null || c.responsible.validTo >= today) return [];
  if (!c.handover) return c.owners.filter((o) => o.adminUnitId !== unitId);
  const ids = (await repo.successorsInForce(db, [unitId], today)).get(unitId) ?? [];
  const units = await repo.unitsByIds(db, { agencyIds: [], adminUnitIds: ids });
  return ids.flatMap((u) => { const r = units.get(u); return r ? [{ agencyId: null, adminUnitId: u, name: r.name, validTo: r.validTo }] : []; });
}

/** The items the actor's unit carries, across the province's plans ("Việc của đơn vị"). */
export async function myItems(ctx: Ctx, now = new Date()) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const today = todayInVietnam(now);
  const adminUnitIds = ctx.actor.adminUnitId ? [ctx.actor.adminUnitId, ...await repo.predecessorsOf(ctx.db, ctx.actor.adminUnitId)] : [];
  const rows = await repo.itemsOfUnits(ctx.db, ctx.actor.tenantId, { agencyId: ctx.actor.agencyId, adminUnitIds });
  const planRows = (await Promise.all([...new Set(rows.map((r) => r.planId))].map((p) => repo.findPlan(ctx.db, ctx.actor.tenantId, p)))).filter((p) => p !== null);
  const shown = (await presentItems(ctx, ctx.db, planRows, rows, today)).filter((s) => ownsItem(ctx.actor, s.carried));
  const plansById = new Map(planRows.map((p) => [p.id, p]));
  const current = new Map<string, string | null>();
  for (const p of planRows) current.set(p.id, currentPeriod((await frameOf(ctx.db, ctx.actor.tenantId, p, today)).periods, today)?.key ?? null);
  return { items: shown.map((s) => ({ ...s.dto, planTitle: plansById.get(s.dto.planId)!.title, currentPeriod: current.get(s.dto.planId) ?? null })) };
}

// ---- progress ----

export interface ProgressWrite extends ProgressInput { itemId: string }

/**
 * Writes progress reports of one plan's items for the actor, all or nothing, inside `tx`: each item locked, the
 * actor's right checked (its own unit's item, or the department), the period one of the plan's. Used by the browser
 * (one item) and the Excel upload (every row of the file).
 */
export async function writeProgress(tx: Tx, ctx: Ctx, writes: ProgressWrite[], o: { source: 'web' | 'excel' | 'seed'; today: string; pathOf?: (i: number) => string }) {
  const path = o.pathOf ?? (() => 'body');
  const rows: repo.NewProgress[] = [];
  const periodsByPlan = new Map<string, Set<string>>();
  for (const [i, w] of writes.entries()) {
    if (!(await repo.itemWrites.lock(tx, ctx.actor.tenantId, w.itemId))) throw notFound(ENTITY.item, w.itemId);
    const row = (await repo.findItem(tx, ctx.actor.tenantId, w.itemId))!;
    const [carried] = await carriersOf(tx, [row], o.today);
    if (!can(ctx.actor, 'report', carried)) throw forbidden();
    let periods = periodsByPlan.get(row.planId);
    if (!periods) {
      const plan = (await repo.findPlan(tx, ctx.actor.tenantId, row.planId))!;
      periods = new Set((await frameOf(tx, ctx.actor.tenantId, plan, o.today)).periods.map((p) => p.key));
      periodsByPlan.set(row.planId, periods);
    }
    if (!periods.has(w.periodKey)) {
      throw validationError([{ path: `${path(i)}.periodKey`, code: 'unknown_period', i18n: 'plans.unknown_period', params: { period: w.periodKey } }]);
    }
    rows.push({
      tenantId: ctx.actor.tenantId, itemId: w.itemId, periodKey: w.periodKey, status: w.status, percent: w.percent,
      narrative: w.narrative ?? null, source: o.source, reportedBy: ctx.actor.userId, reportedByName: ctx.actor.displayName,
      agencyId: ctx.actor.agencyId, adminUnitId: ctx.actor.agencyId ? null : ctx.actor.adminUnitId,
    });
  }
  const ids = await repo.insertProgress(tx, rows);
  for (const [i, r] of rows.entries()) {
    await recordAudit(tx, ctx, {
      action: 'report_progress', entity: ENTITY.item, entityId: r.itemId,
      after: { progressId: ids[i].id, periodKey: r.periodKey, status: r.status, percent: r.percent, narrative: r.narrative, source: r.source },
    });
  }
  return rows.length;
}

export async function logProgress(ctx: Ctx, id: string, input: ProgressInput, now = new Date()): Promise<PlanItemDetail> {
  const today = todayInVietnam(now);
  await ctx.db.transaction((tx) => writeProgress(tx, ctx, [{ ...input, itemId: id }], { source: 'web', today }));
  return getItem(ctx, id, now);
}

// ---- urging ----

/** The department urges the units carrying an item: a notice in their inbox, a row on the item, an audit entry. */
export async function urgeItem(ctx: Ctx, id: string, input: { message?: string | null }, now = new Date()): Promise<PlanItemDetail> {
  if (!can(ctx.actor, 'urge')) throw forbidden();
  const today = todayInVietnam(now);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.itemWrites.lock(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY.item, id);
    const row = (await repo.findItem(tx, ctx.actor.tenantId, id))!;
    const plan = (await repo.findPlan(tx, ctx.actor.tenantId, row.planId))!;
    const [carried] = await carriersOf(tx, [row], today);
    await repo.insertUrges(tx, carried.owners.map((o) => ({
      tenantId: ctx.actor.tenantId, itemId: id, agencyId: o.agencyId, adminUnitId: o.agencyId ? null : o.adminUnitId,
      message: input.message ?? null, urgedBy: ctx.actor.userId, urgedByName: ctx.actor.displayName,
    })));
    await notify(tx, {
      tenantId: ctx.actor.tenantId, kind: 'plan.urged', subject: { type: ITEM_SUBJECT, id },
      title: 'plans.notice.urged', body: input.message ? 'plans.notice.urged.body_message' : 'plans.notice.urged.body',
      params: { title: row.title, plan: plan.title, by: ctx.actor.displayName, message: input.message ?? '' },
      to: carried.owners.map((o) => (o.agencyId ? { agencyId: o.agencyId } : { adminUnitId: o.adminUnitId! })),
    });
    await recordAudit(tx, ctx, {
      action: 'urge', entity: ENTITY.item, entityId: id,
      after: { units: carried.owners.map((o) => o.name), message: input.message ?? null },
    });
  });
  return getItem(ctx, id, now);
}

/** Every item id of a plan of the province (whoever carries it): to tell "not yours" from "not in this plan". */
export async function itemIdsOfPlan(ctx: Ctx, planId: string): Promise<string[]> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  return (await repo.itemsOf(ctx.db, ctx.actor.tenantId, { planIds: [planId] })).map((i) => i.id);
}

// ---- for other modules ----

/** Throws a validation error at `path` unless `id` is a plan of the province (for the indicators module's targets). */
export async function assertPlanInTenant(db: Db | Tx, tenantId: string, id: string, path: string) {
  const row = await repo.findPlan(db, tenantId, id);
  if (!row) throw validationError([{ path, code: 'unknown_reference', params: { entity: ENTITY.plan } }]);
  return { id: row.id, title: row.title };
}

/** Throws a validation error at `path` unless `id` is a plan item of the province. */
export async function assertPlanItemInTenant(db: Db | Tx, tenantId: string, id: string, path: string) {
  const row = await repo.findItem(db, tenantId, id);
  if (!row) throw validationError([{ path, code: 'unknown_reference', params: { entity: ENTITY.item } }]);
  return { id: row.id, planId: row.planId, title: row.title };
}

// ---- registrations ----

export function registerPlans(): void {
  registerRuleKey(REPORTING_RULE, ReportingRule, {
    vi: 'Kế hoạch: số ngày sau ngày cuối kỳ mà đơn vị phải gửi báo cáo tiến độ', en: 'Plans: days after a period ends by which units report progress',
  });
  registerDocumentServants('plan', {
    label: { vi: 'Kế hoạch', en: 'Plan' },
    servantsOf: async (ctx, documentIds) => {
      const out = new Map<string, { id: string; title: string }[]>();
      if (!can(ctx.actor, 'list')) return out;
      for (const p of await repo.plansOfDocuments(ctx.db, ctx.actor.tenantId, documentIds)) {
        out.set(p.legalDocumentId!, [...(out.get(p.legalDocumentId!) ?? []), { id: p.id, title: p.title }]);
      }
      return out;
    },
  });
  registerDocumentServants('plan_item', {
    label: { vi: 'Mục kế hoạch', en: 'Plan item' },
    servantsOf: async (ctx, documentIds) => {
      const out = new Map<string, { id: string; title: string }[]>();
      if (!can(ctx.actor, 'list')) return out;
      const planRows = await repo.plansOfDocuments(ctx.db, ctx.actor.tenantId, documentIds);
      const docOf = new Map(planRows.map((p) => [p.id, p.legalDocumentId!]));
      const items = await repo.itemsOf(ctx.db, ctx.actor.tenantId, { planIds: planRows.map((p) => p.id) });
      for (const c of (await carriersOf(ctx.db, items, todayInVietnam())).filter((x) => can(ctx.actor, 'read', x))) {
        const doc = docOf.get(c.row.planId)!;
        out.set(doc, [...(out.get(doc) ?? []), { id: c.row.id, title: [c.row.code, c.row.title].filter(Boolean).join('. ') }]);
      }
      return out;
    },
  });
  registerAttachmentSubject(ITEM_SUBJECT, {
    label: { vi: 'mục kế hoạch', en: 'a plan item' },
    find: async (ctx, id) => {
      const row = await repo.findItem(ctx.db, ctx.actor.tenantId, id);
      if (!row) return null;
      const [carried] = await carriersOf(ctx.db, [row], todayInVietnam());
      const mayReport = can(ctx.actor, 'report', carried);
      return {
        may: { read: can(ctx.actor, 'read', carried), attach: mayReport, remove: mayReport },
        kinds: { evidence: { vi: 'Minh chứng kết quả', en: 'Evidence' }, report: { vi: 'Báo cáo của đơn vị', en: 'Unit report' } },
      };
    },
    limits: {
      effectiveFrom: '2020-03-05',
      legalBasis: 'Minh họa (illustrative): văn bản điện tử theo Nghị định 30/2020/NĐ-CP; dung lượng tối đa do khcn đặt, không có văn bản quy định — tỉnh thay bằng quy định của mình',
      value: {
        default: {
          maxBytes: 20 * 1024 * 1024,
          types: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/vnd.oasis.opendocument.text',
            'application/vnd.oasis.opendocument.spreadsheet', 'image/png', 'image/jpeg'],
        },
        kinds: {},
      },
    },
  });
}

export type { ReportingSchedule };
