/**
 * Startup incubation (ươm tạo khởi nghiệp ĐMST). The yearly startup call is a call of a programme of kind `startup`
 * (the programmes module); the projects it selects — applications the support decision moved to `supported` (and
 * later `completed`) — receive incubation services, logged here per startup: the kind (rule data
 * `incubation.service_kinds`, in force on the service's date), date, provider, hours and/or money (đồng), note; and
 * one record of what the incubation achieved (products, revenue, jobs, IP filed, funding raised). A report section
 * gives the services of the report's year; the indicator source `replication.models` counts replicated models.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { formatNumber } from '../../../lib/vi/format.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import type { DocBlock } from '../../../shared/schemas/documents.ts';
import {
  IncubationServiceKinds, type IncubationOutcome, type IncubationOutcomeInput, type IncubationService, type IncubationServiceInput,
  type IncubationServiceUpdate, type StartupDetail, type StartupList,
} from '../../../shared/schemas/incubation.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ensureNationalRules, registerRuleKey, resolveRule } from '../rules/rules.service.ts';
import { registerReportSection } from '../plans/plans.sections.ts';
import { registerIndicatorSource } from '../indicators/indicators.service.ts';
import { countReplicatedModels, listReplicatedModels } from '../tasks/tasks.replications.ts';
import type { DbHandle } from '../../db/client.ts';
import { findApplication, findCall } from '../programmes/programmes.service.ts';
import * as repo from './incubation.repo.ts';
import { can } from './incubation.policy.ts';
import { INCUBATION_NATIONAL_RULES, SERVICE_KINDS_RULE } from './incubation.rules.ts';

const SERVICE = 'incubation_service';
const OUTCOME = 'incubation_outcome';
const serviceConstraints = { entity: SERVICE, foreignKeys: { incubation_services_application_id_tenant_id_fkey: 'applicationId' } };
const outcomeConstraints = { entity: OUTCOME, unique: { incubation_outcomes_application_key: 'applicationId' } };

type Kinds = IncubationServiceKinds['kinds'];

export async function kindsOn(db: Db | Tx, tenantId: string, on: string): Promise<{ kinds: Kinds; legalBasis: string }> {
  const rule = await resolveRule<IncubationServiceKinds>(db, { tenantId, key: SERVICE_KINDS_RULE, onDate: on });
  return { kinds: rule.value.kinds, legalBasis: rule.legalBasis };
}

const labelIn = (kinds: Kinds, key: string) => kinds.find((k) => k.key === key)?.label ?? { vi: key, en: key };
const iso = (d: Date) => d.toISOString();
const num = (v: string | number | null) => (v === null ? null : Number(v));

function serviceDto(r: repo.ServiceRow, kinds: Kinds): IncubationService {
  return {
    id: r.id, applicationId: r.applicationId, kind: r.kind, kindLabel: labelIn(kinds, r.kind), providedOn: r.providedOn, provider: r.provider,
    hours: num(r.hours), amount: num(r.amount), note: r.note, version: r.version, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
  };
}

function outcomeDto(r: repo.OutcomeRow): IncubationOutcome {
  return {
    id: r.id, applicationId: r.applicationId, products: r.products, revenue: num(r.revenue), jobs: r.jobs, ipFiled: r.ipFiled,
    fundingRaised: num(r.fundingRaised), note: r.note, version: r.version, updatedAt: iso(r.updatedAt),
  };
}

/**
 * The application as a startup, asked of the programmes service: 404 when the actor's province has no such
 * application, 409 when it is not of a startup programme or (for writes) not selected.
 */
async function startupOf(db: Db | Tx, ctx: Ctx, applicationId: string, o: { selected: boolean }) {
  const c: Ctx = { ...ctx, db: db as Db };
  const app = await findApplication(c, applicationId);
  const call = app ? await findCall(c, app.callId) : null;
  if (!app || !call) throw notFound('programme_application', applicationId);
  if (call.programmeKind !== 'startup') throw new AppError('incubation.not_startup', { status: 409, params: { title: app.title } });
  if (o.selected && !repo.SELECTED_STAGES.includes(app.stage)) {
    throw new AppError('incubation.not_selected', { status: 409, params: { title: app.title, stage: app.stage } });
  }
  return { ...app, callYear: call.year };
}

async function assertKind(db: Db | Tx, tenantId: string, kind: string, on: string) {
  const { kinds } = await kindsOn(db, tenantId, on);
  if (!kinds.some((k) => k.key === kind)) {
    throw new AppError('common.validation_failed', {
      status: 400, details: [{ path: 'body.kind', code: 'unknown_kind', i18n: 'incubation.unknown_kind', params: { kind } }],
    });
  }
}

// ---- reads ----

export async function serviceKinds(ctx: Ctx, on = todayInVietnam()) {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const { kinds, legalBasis } = await kindsOn(ctx.db, ctx.actor.tenantId, on);
  return { items: kinds, legalBasis };
}

export async function listStartupCalls(ctx: Ctx) {
  if (!can(ctx.actor, 'read')) throw forbidden();
  return { items: (await repo.startupCalls(ctx.db, ctx.actor.tenantId)).map(callDto) };
}

const callDto = (c: repo.CallRow) => ({
  id: c.id, code: c.code, title: c.title, year: Number(c.year), programmeName: c.programme_name, selectTop: c.select_top,
  applications: Number(c.applications), selected: Number(c.selected),
});

export async function listStartups(ctx: Ctx, callId: string): Promise<StartupList> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const call = await repo.startupCall(ctx.db, ctx.actor.tenantId, callId);
  if (!call) throw notFound('programme_call', callId);
  const rows = await repo.startupsOfCall(ctx.db, ctx.actor.tenantId, callId);
  return {
    call: callDto(call),
    items: rows.map((r) => ({
      applicationId: r.application_id, code: r.code, title: r.title, organizationName: r.organization_name, stage: r.stage,
      selected: r.selected, services: Number(r.services), hours: Number(r.hours), amount: Number(r.amount),
    })),
  };
}

export async function getStartup(ctx: Ctx, applicationId: string): Promise<StartupDetail> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  return startupDetail(ctx.db, ctx, applicationId);
}

async function startupDetail(db: Db | Tx, ctx: Ctx, applicationId: string): Promise<StartupDetail> {
  const app = await startupOf(db, ctx, applicationId, { selected: false });
  const rows = await repo.servicesOf(db, ctx.actor.tenantId, applicationId);
  const { kinds } = await kindsOn(db, ctx.actor.tenantId, todayInVietnam());
  const services = rows.map((r) => serviceDto(r, kinds));
  const byKind = new Map<string, { kind: string; label: { vi: string; en: string }; count: number; hours: number; amount: number }>();
  for (const s of services) {
    const k = byKind.get(s.kind) ?? { kind: s.kind, label: s.kindLabel, count: 0, hours: 0, amount: 0 };
    k.count++;
    k.hours += s.hours ?? 0;
    k.amount += s.amount ?? 0;
    byKind.set(s.kind, k);
  }
  const outcome = await repo.outcomeOf(db, ctx.actor.tenantId, applicationId);
  return {
    applicationId, code: app.code, title: app.title, organizationName: app.organizationName, stage: app.stage,
    callId: app.callId, callCode: app.callCode, callTitle: app.callTitle, callYear: app.callYear,
    selected: repo.SELECTED_STAGES.includes(app.stage),
    services,
    totals: {
      hours: Math.round(services.reduce((n, s) => n + (s.hours ?? 0), 0) * 10) / 10,
      amount: services.reduce((n, s) => n + (s.amount ?? 0), 0),
      byKind: [...byKind.values()],
    },
    outcome: outcome ? outcomeDto(outcome) : null,
  };
}

// ---- writes ----

const serviceValues = (ctx: Ctx, applicationId: string, input: IncubationServiceInput): repo.ServiceValues => ({
  applicationId, kind: input.kind, providedOn: input.providedOn, provider: input.provider, hours: input.hours ?? null,
  amount: input.amount ?? null, note: input.note ?? null, createdBy: ctx.actor.userId,
});

export async function addService(ctx: Ctx, applicationId: string, input: IncubationServiceInput): Promise<StartupDetail> {
  if (!can(ctx.actor, 'write')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await startupOf(tx, ctx, applicationId, { selected: true });
    await assertKind(tx, ctx.actor.tenantId, input.kind, input.providedOn);
    const id = await repo.serviceWrites.insert(tx, ctx.actor.tenantId, serviceValues(ctx, applicationId, input))
      .catch((e: unknown) => mapConstraintError(e, serviceConstraints, input));
    const { kinds } = await kindsOn(tx, ctx.actor.tenantId, input.providedOn);
    await recordAudit(tx, ctx, { action: 'create', entity: SERVICE, entityId: id, after: serviceDto((await repo.findService(tx, ctx.actor.tenantId, id))!, kinds) });
    return startupDetail(tx, ctx, applicationId);
  });
}

async function lockedService(tx: Tx, ctx: Ctx, id: string, version: number) {
  if (!(await repo.serviceWrites.lock(tx, ctx.actor.tenantId, id))) throw notFound(SERVICE, id);
  const before = (await repo.findService(tx, ctx.actor.tenantId, id))!;
  if (before.version !== version) throw versionConflict(before.version, version);
  return before;
}

export async function updateService(ctx: Ctx, id: string, input: IncubationServiceUpdate): Promise<StartupDetail> {
  if (!can(ctx.actor, 'write')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const before = await lockedService(tx, ctx, id, input.version);
    await startupOf(tx, ctx, before.applicationId, { selected: true });
    await assertKind(tx, ctx.actor.tenantId, input.kind, input.providedOn);
    const { createdBy: _c, applicationId: _a, ...changes } = serviceValues(ctx, before.applicationId, input);
    const ok = await repo.serviceWrites.update(tx, ctx.actor.tenantId, id, input.version, changes)
      .catch((e: unknown) => mapConstraintError(e, serviceConstraints, input));
    if (!ok) throw versionConflict(before.version + 1, input.version);
    const { kinds } = await kindsOn(tx, ctx.actor.tenantId, input.providedOn);
    await recordAudit(tx, ctx, {
      action: 'update', entity: SERVICE, entityId: id, before: serviceDto(before, kinds), after: serviceDto((await repo.findService(tx, ctx.actor.tenantId, id))!, kinds),
    });
    return startupDetail(tx, ctx, before.applicationId);
  });
}

export async function removeService(ctx: Ctx, id: string, version: number): Promise<StartupDetail> {
  if (!can(ctx.actor, 'write')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const before = await lockedService(tx, ctx, id, version);
    if (!(await repo.serviceWrites.remove(tx, ctx.actor.tenantId, id, version))) throw versionConflict(before.version, version);
    const { kinds } = await kindsOn(tx, ctx.actor.tenantId, before.providedOn);
    await recordAudit(tx, ctx, { action: 'delete', entity: SERVICE, entityId: id, before: serviceDto(before, kinds) });
    return startupDetail(tx, ctx, before.applicationId);
  });
}

/** Records (or updates, at the version read) what the incubation of a selected startup achieved. */
export async function saveOutcome(ctx: Ctx, applicationId: string, input: IncubationOutcomeInput): Promise<StartupDetail> {
  if (!can(ctx.actor, 'write')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await startupOf(tx, ctx, applicationId, { selected: true });
    const values = {
      products: input.products ?? null, revenue: input.revenue ?? null, jobs: input.jobs ?? null, ipFiled: input.ipFiled ?? null,
      fundingRaised: input.fundingRaised ?? null, note: input.note ?? null, updatedBy: ctx.actor.userId,
    };
    const existing = await repo.outcomeOf(tx, ctx.actor.tenantId, applicationId);
    if (!existing) {
      if (input.version !== undefined) throw versionConflict(0, input.version);
      const id = await repo.outcomeWrites.insert(tx, ctx.actor.tenantId, { applicationId, ...values })
        .catch((e: unknown) => mapConstraintError(e, outcomeConstraints, { applicationId }));
      await recordAudit(tx, ctx, { action: 'create', entity: OUTCOME, entityId: id, after: outcomeDto((await repo.findOutcome(tx, ctx.actor.tenantId, id))!) });
    } else {
      if (!(await repo.outcomeWrites.lock(tx, ctx.actor.tenantId, existing.id))) throw notFound(OUTCOME, existing.id);
      const locked = (await repo.findOutcome(tx, ctx.actor.tenantId, existing.id))!;
      if (input.version === undefined || locked.version !== input.version) throw versionConflict(locked.version, input.version ?? 0);
      if (!(await repo.outcomeWrites.update(tx, ctx.actor.tenantId, existing.id, input.version, values))) throw versionConflict(locked.version + 1, input.version);
      await recordAudit(tx, ctx, {
        action: 'update', entity: OUTCOME, entityId: existing.id, before: outcomeDto(locked), after: outcomeDto((await repo.findOutcome(tx, ctx.actor.tenantId, existing.id))!),
      });
    }
    return startupDetail(tx, ctx, applicationId);
  });
}

/** The demo seed's bulk insert of services (rows checked by the seed's own data). */
export async function seedServices(tx: Tx, tenantId: string, rows: repo.ServiceValues[]): Promise<number> {
  return repo.insertServices(tx, tenantId, rows);
}

// ---- report section, indicator source, registrations ----

/** The report section `incubation` (registered below): services of the report's year by kind, and the year's replicated models. */
export async function incubationSection(ctx: Ctx, scope: { year: number; asOf: string }): Promise<DocBlock[] | null> {
  if (!can(ctx.actor, 'read')) return null;
  const from = `${scope.year}-01-01`;
  const to = `${scope.year}-12-31` < scope.asOf ? `${scope.year}-12-31` : scope.asOf;
  const figures = await repo.servicesByKind(ctx.db, ctx.actor.tenantId, from, to);
  const blocks: DocBlock[] = [];
  if (figures.length > 0) {
    const { kinds } = await kindsOn(ctx.db, ctx.actor.tenantId, to);
    const total = figures.reduce((a, f) => ({ services: a.services + f.services, hours: a.hours + Number(f.hours), amount: a.amount + Number(f.amount) }), { services: 0, hours: 0, amount: 0 });
    blocks.push({
      type: 'paragraph',
      text: `Năm ${scope.year}, Sở đã cung cấp ${total.services} lượt dịch vụ hỗ trợ, ươm tạo cho các dự án khởi nghiệp đổi mới sáng tạo được xét chọn`
        + ` (${formatNumber(total.hours, 1)} giờ; kinh phí ${formatNumber(total.amount, 0)} đồng).`,
    });
    blocks.push({
      type: 'table', fontSize: 11, totalRow: true,
      columns: [
        { header: 'Loại dịch vụ', width: 40 }, { header: 'Số dự án', width: 12, align: 'center' }, { header: 'Số lượt', width: 12, align: 'center' },
        { header: 'Số giờ', width: 12, align: 'right' }, { header: 'Kinh phí (đồng)', width: 20, align: 'right' },
      ],
      rows: [
        ...figures.map((f) => [labelIn(kinds, f.kind).vi, f.startups, f.services, formatNumber(Number(f.hours), 1), formatNumber(Number(f.amount), 0)]),
        ['Tổng cộng', '', total.services, formatNumber(total.hours, 1), formatNumber(total.amount, 0)],
      ],
    });
  }
  // The replicated models of the year (tasks module's register; its own policy applies).
  const models = await listReplicatedModels(ctx, { year: scope.year, limit: 1 }).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 403) return null;
    throw e;
  });
  if (models && models.total > 0) {
    blocks.push({ type: 'paragraph', text: `Năm ${scope.year}, đã hỗ trợ nhân rộng ${models.total} mô hình ứng dụng kết quả nghiên cứu, tiến bộ khoa học và công nghệ.` });
  }
  return blocks;
}

export function registerIncubation(): void {
  registerRuleKey(SERVICE_KINDS_RULE, IncubationServiceKinds, {
    vi: 'Danh mục dịch vụ ươm tạo khởi nghiệp (nhãn tiếng Việt, tiếng Anh)', en: 'Kinds of startup incubation service (vi/en labels)',
  });
  registerReportSection('incubation', {
    title: 'Hỗ trợ khởi nghiệp đổi mới sáng tạo và nhân rộng mô hình',
    order: 40,
    build: incubationSection,
  });
  registerIndicatorSource('replication.models', {
    label: { vi: 'Số mô hình nhân rộng kết quả nghiên cứu trong năm', en: 'Replicated models of research results in the year' },
    params: [],
    describe: () => ({
      vi: 'Số mô hình nhân rộng ghi nhận trong năm (danh sách mô hình nhân rộng của khcn), theo địa bàn đặt mô hình; đơn vị cũ tính vào đơn vị kế thừa',
      en: 'Replicated models recorded in the year (khcn\'s register of replicated models), by where they are placed; former units count in their successors',
    }),
    compute: async (ctx, q) => {
      if (!can(ctx.actor, 'read')) return null;
      return countReplicatedModels(ctx.db, ctx.actor.tenantId, { year: q.year, adminUnitIds: q.wholeProvince ? null : q.adminUnitIds });
    },
  });
}

export async function loadIncubationRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, INCUBATION_NATIONAL_RULES);
}
