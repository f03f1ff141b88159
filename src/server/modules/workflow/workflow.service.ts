/**
 * The stage machine driven by dated rule data. A workflow is a rule (key `workflow.<name>`) whose value is a
 * WorkflowDefinition; the version in force on the subject's regime date governs it, so a subject started under an
 * old regime keeps its rules. Every stage entry is recorded in stage_events, which the timing views read.
 *
 * The owning module (tasks, applications…) keeps the subject's current stage on its own row and calls
 * enterInitialStage / applyTransition inside the same transaction that updates that row.
 */
import type { Db } from '../../db/client.ts';
import { runQueries } from '../../db/queries.ts';
import type { Ctx, Tx } from '../../context.ts';
import { AppError, forbidden } from '../../errors.ts';
import type { Actor } from '../../context.ts';
import { translate, type Lang } from '../../../shared/i18n/messages.ts';
import type { Role } from '../../../shared/roles.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import {
  WorkflowDefinition, type CurrentStage, type StageCapabilities, type StageDuration, type StageEvent, type WorkflowTransition,
} from '../../../shared/schemas/workflow.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadRuleVersion, registerRuleKey, resolveRule, ruleVersionsFor, type ResolvedRule } from '../rules/rules.service.ts';
import {
  allowedTransitions, checkTransition, isEmptyValue, stageCapabilities, stageOf, transitionsFrom, type Capabilities, type CheckResult,
} from './workflow.engine.ts';
import { clockDays, clockState, clockWorkingDays, dueDate, percentileCont, type ClockEvent } from './workflow.clock.ts';
import { workingCalendar } from './workflow.calendar.ts';
import { workflowSubject } from './workflow.subjects.ts';
import * as repo from './workflow.repo.ts';

export { checkTransition } from './workflow.engine.ts';

type Actorish = Pick<Ctx, 'actor' | 'requestId'>;
const DAY_MS = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const workflowRuleKey = (workflow: string) => `workflow.${workflow}`;

const stageDefaults = new Map<string, Readonly<Record<string, StageCapabilities>>>();

/**
 * Declares a workflow: its definitions become rule values under `workflow.<name>`, checked by WorkflowDefinition
 * (every transition's stages declared, no transition out of a terminal stage, one target per action and stage).
 * `stageDefaults` are the capabilities of a stage key for definitions whose stage does not state its own (the
 * behaviour the module had before definitions carried them).
 */
export function registerWorkflow(name: string, describe: { vi: string; en: string }, o: { stageDefaults?: Record<string, StageCapabilities> } = {}) {
  registerRuleKey(workflowRuleKey(name), WorkflowDefinition, describe);
  if (o.stageDefaults) stageDefaults.set(name, o.stageDefaults);
}

/** What a record may receive in a stage of a workflow's definition (see stageCapabilities in workflow.engine.ts). */
export const capabilitiesOf = (workflow: string, def: WorkflowDefinition, stage: string): Capabilities =>
  stageCapabilities(def, stage, stageDefaults.get(workflow));

/**
 * The stage keys that satisfy `test` in any version of the workflow that may govern the province's records
 * (national or its own): a list filter over records of every regime, e.g. the public stages.
 */
export async function stagesWhere(db: Db | Tx, o: { tenantId: string; workflow: string; test: (c: Capabilities) => boolean }): Promise<string[]> {
  const versions = await ruleVersionsFor<WorkflowDefinition>(db, { tenantId: o.tenantId, key: workflowRuleKey(o.workflow) });
  const keys = new Set<string>();
  for (const v of versions) for (const st of v.value.stages) if (o.test(capabilitiesOf(o.workflow, v.value, st.key))) keys.add(st.key);
  return [...keys].sort();
}

/**
 * The read check of the stage-timing views: the owning module's (registerWorkflowSubject). An unregistered
 * subject type is a 400, a refused actor a 403.
 */
export function assertCanListStages(actor: Actor, subjectType: string): void {
  const subject = workflowSubject(subjectType);
  if (!subject) {
    throw new AppError('workflow.unknown_subject_type', {
      status: 400, params: { type: subjectType }, details: [{ path: 'querystring.subjectType', code: 'unknown_subject_type' }],
    });
  }
  if (!subject.canList(actor)) throw forbidden();
}

/** The definition governing a subject whose regime date is `regimeDate`. */
export function resolveWorkflow(db: Db | Tx, o: { tenantId: string; workflow: string; regimeDate: string }) {
  return resolveRule<WorkflowDefinition>(db, { tenantId: o.tenantId, key: workflowRuleKey(o.workflow), onDate: o.regimeDate });
}

// ---- names for messages ----

const both = (f: (lang: Lang) => string): LocalizedText => ({ vi: f('vi'), en: f('en') });
const stageName = (def: WorkflowDefinition, key: string): LocalizedText => stageOf(def, key)?.name ?? { vi: key, en: key };
const actionName = (def: WorkflowDefinition, action: string): LocalizedText =>
  def.transitions.find((t) => t.action === action && t.name)?.name ?? { vi: action, en: action };
const roleName = (lang: Lang, role: string) => translate(lang, `workflow.role.${role}`);
const docName = (def: WorkflowDefinition, lang: Lang, kind: string) => def.labels?.documents?.[kind]?.[lang] ?? kind;
const fieldName = (def: WorkflowDefinition, lang: Lang, field: string) => def.labels?.fields?.[field]?.[lang] ?? field;
const quoted = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');

function problemText(def: WorkflowDefinition, result: Extract<CheckResult, { ok: false }>, allowed: WorkflowTransition[]): LocalizedText {
  return both((lang) => {
    switch (result.reason) {
      case 'not_allowed_from_stage':
        return allowed.length === 0
          ? translate(lang, 'workflow.problem.no_action')
          : translate(lang, 'workflow.problem.not_allowed_from_stage', { allowed: quoted(allowed.map((t) => (t.name ?? { vi: t.action, en: t.action })[lang])) });
      case 'role':
        return translate(lang, 'workflow.problem.role', {
          roles: result.missing!.map((r) => roleName(lang, r)).join(` ${translate(lang, 'workflow.or')} `),
        });
      case 'missing_documents': {
        const missing = result.missing!.map((d) => docName(def, lang, d)).join(', ');
        return result.missingFields
          ? translate(lang, 'workflow.problem.missing_both', { missing, fields: result.missingFields.map((f) => fieldName(def, lang, f)).join(', ') })
          : translate(lang, 'workflow.problem.missing_documents', { missing });
      }
      case 'missing_fields':
        return translate(lang, 'workflow.problem.missing_fields', { missing: result.missing!.map((f) => fieldName(def, lang, f)).join(', ') });
    }
  });
}

// ---- transitions ----

export interface TransitionInput {
  workflow: string;
  subjectType: string;
  subjectId: string;
  /** The stage stored on the subject; must match the last recorded event (409 otherwise). */
  currentStage: string;
  /** The date whose rules govern this subject (e.g. the task's approval or start date). */
  regimeDate: string;
  action: string;
  /** Kinds of the documents attached to the subject. */
  documents: string[];
  /** The subject's fields that transitions may require non-empty. */
  fields: Record<string, unknown>;
  note?: string | null;
  /** When the transition happened, for imports and demo data; default now. Not for routes to expose. */
  at?: Date | string;
}

export interface TransitionResult {
  /** null for the entry into the first stage. */
  from: string | null;
  to: string;
  at: string;
  eventId: number;
  ruleVersionId: string;
  /** The new stage is terminal: no further transitions. */
  terminal: boolean;
}

async function guardCurrent(tx: Tx, tenantId: string, def: WorkflowDefinition, input: { subjectType: string; subjectId: string; currentStage: string }) {
  const last = await repo.lastEvent(tx, tenantId, input.subjectType, input.subjectId);
  if (last && last.toStage !== input.currentStage) {
    throw new AppError('workflow.stale_stage', {
      status: 409,
      params: { actual: stageName(def, last.toStage), stage: stageName(def, input.currentStage) },
      details: { stage: input.currentStage, actual: last.toStage },
    });
  }
  return last;
}

function eventTime(at: Date | string | undefined, last: repo.StageEventRow | null): Date {
  const when = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(when.getTime())) {
    throw new AppError('common.validation_failed', { status: 400, details: [{ path: 'at', code: 'invalid_date' }] });
  }
  if (last && when < last.at) {
    throw new AppError('workflow.time_before_last', {
      status: 400, params: { at: when.toISOString(), last: last.at.toISOString() }, details: { at: when.toISOString(), last: last.at.toISOString() },
    });
  }
  return when;
}

/**
 * Moves a subject along its workflow, inside the caller's transaction. A refusal is a 409
 * `workflow.transition_not_allowed` whose message names the current stage and what is missing (documents, fields
 * or the role), with details { stage, action, reason, missing, allowedActions }; nothing is written then.
 * On success the stage exit/entry is recorded in stage_events and audited on the subject.
 */
export async function applyTransition(tx: Tx, ctx: Actorish, input: TransitionInput): Promise<TransitionResult> {
  const { tenantId, role } = ctx.actor;
  const rule = await resolveWorkflow(tx, { tenantId, workflow: input.workflow, regimeDate: input.regimeDate });
  const def = rule.value;
  await repo.lockSubject(tx, input.subjectType, input.subjectId);
  const last = await guardCurrent(tx, tenantId, def, input);
  const result = checkTransition(def, { stage: input.currentStage, role, action: input.action, documents: input.documents, fields: input.fields });
  if (!result.ok) {
    const allowed = allowedTransitions(def, { stage: input.currentStage, role });
    throw new AppError('workflow.transition_not_allowed', {
      status: 409,
      params: { stage: stageName(def, input.currentStage), action: actionName(def, input.action), problem: problemText(def, result, allowed) },
      details: {
        stage: input.currentStage, action: input.action, reason: result.reason, missing: result.missing ?? [],
        ...(result.missingFields ? { missingFields: result.missingFields } : {}),
        allowedActions: allowed.map((t) => t.action),
      },
    });
  }
  const at = eventTime(input.at, last);
  const event = await repo.insertEvent(tx, {
    tenantId, workflow: input.workflow, subjectType: input.subjectType, subjectId: input.subjectId,
    fromStage: input.currentStage, toStage: result.to, action: input.action, actorId: ctx.actor.userId, at,
    note: input.note ?? null, ruleVersionId: rule.id,
  });
  await recordAudit(tx, ctx, {
    action: 'transition', entity: input.subjectType, entityId: input.subjectId,
    before: { stage: input.currentStage },
    after: { stage: result.to, action: input.action, note: input.note ?? null, ruleVersionId: rule.id, legalBasis: rule.legalBasis },
  });
  return {
    from: input.currentStage, to: result.to, at: event.at.toISOString(), eventId: event.id, ruleVersionId: rule.id,
    terminal: stageOf(def, result.to)?.terminal ?? false,
  };
}

export interface InitialStageInput {
  workflow: string;
  subjectType: string;
  subjectId: string;
  regimeDate: string;
  /** Default: the definition's first stage. */
  stage?: string;
  note?: string | null;
  at?: Date | string;
}

/** Records a new subject's entry into its first stage (409 if the subject already has a stage history). */
export async function enterInitialStage(tx: Tx, ctx: Actorish, input: InitialStageInput): Promise<TransitionResult> {
  const { tenantId } = ctx.actor;
  const rule = await resolveWorkflow(tx, { tenantId, workflow: input.workflow, regimeDate: input.regimeDate });
  const def = rule.value;
  const stage = input.stage ?? def.stages[0].key;
  if (!stageOf(def, stage)) {
    throw new AppError('workflow.unknown_stage', { status: 400, params: { workflow: input.workflow, stage }, details: [{ path: 'stage', code: 'unknown_stage' }] });
  }
  await repo.lockSubject(tx, input.subjectType, input.subjectId);
  const last = await repo.lastEvent(tx, tenantId, input.subjectType, input.subjectId);
  if (last) {
    throw new AppError('workflow.already_started', { status: 409, params: { stage: stageName(def, last.toStage) }, details: { stage: last.toStage } });
  }
  const at = eventTime(input.at, null);
  const event = await repo.insertEvent(tx, {
    tenantId, workflow: input.workflow, subjectType: input.subjectType, subjectId: input.subjectId,
    fromStage: null, toStage: stage, action: null, actorId: ctx.actor.userId, at, note: input.note ?? null, ruleVersionId: rule.id,
  });
  await recordAudit(tx, ctx, {
    action: 'start', entity: input.subjectType, entityId: input.subjectId,
    after: { stage, note: input.note ?? null, ruleVersionId: rule.id, legalBasis: rule.legalBasis },
  });
  return { from: null, to: stage, at: event.at.toISOString(), eventId: event.id, ruleVersionId: rule.id, terminal: stageOf(def, stage)?.terminal ?? false };
}

export interface AvailableAction {
  action: string;
  name: LocalizedText;
  to: string;
  toName: LocalizedText;
  note: LocalizedText | null;
  /** Documents and fields are all there: the action can be done now. */
  ready: boolean;
  missingDocuments: string[];
  missingFields: string[];
}

/**
 * For UIs: the stage with its names and target, and the actions this role may take from it, each saying whether it
 * can be done now or which documents and fields are still missing.
 */
export async function availableActions(db: Db | Tx, o: {
  tenantId: string; workflow: string; regimeDate: string; currentStage: string; role: Role;
  documents?: string[]; fields?: Record<string, unknown>;
}) {
  const rule = await resolveWorkflow(db, o);
  const def = rule.value;
  const stage = stageOf(def, o.currentStage);
  const attached = new Set(o.documents ?? []);
  const actions: AvailableAction[] = allowedTransitions(def, { stage: o.currentStage, role: o.role }).map((t) => {
    const missingDocuments = (t.requiredDocuments ?? []).filter((d) => !attached.has(d));
    const missingFields = (t.requiredFields ?? []).filter((f) => isEmptyValue((o.fields ?? {})[f]));
    return {
      action: t.action, name: t.name ?? { vi: t.action, en: t.action }, to: t.to, toName: stageName(def, t.to),
      note: t.note ?? null, ready: missingDocuments.length === 0 && missingFields.length === 0, missingDocuments, missingFields,
    };
  });
  return {
    stage: { key: o.currentStage, name: stageName(def, o.currentStage), targetDays: stage?.targetDays ?? null, terminal: stage?.terminal ?? false },
    /** Every action that leaves this stage, whoever may take it (so a UI can say who acts next). */
    othersMayAct: transitionsFrom(def, o.currentStage).filter((t) => !t.roles.includes(o.role)).map((t) => ({ action: t.action, roles: t.roles })),
    actions,
    ruleVersionId: rule.id,
    legalBasis: rule.legalBasis,
  };
}

// ---- stage clocks ----

export interface ClockInput {
  workflow: string;
  subjectType: string;
  subjectId: string;
  /** The stage stored on the subject; must match the last recorded event (409 otherwise). */
  currentStage: string;
  regimeDate: string;
  note?: string | null;
  /** When, for imports and demo data; default now. Not for routes to expose. */
  at?: Date | string;
}

export interface ClockResult { stage: string; kind: 'stopped' | 'resumed'; at: string; stageEventId: number }

/**
 * Stops (`stopped`) or restarts (`resumed`) the clock of the subject's current stay, inside the caller's
 * transaction; the owning module decides who may. Refused (409): a stage whose capabilities do not make it
 * pausable, a stop while stopped, a restart while running, a stale current stage. Audited on the subject.
 */
async function moveClock(tx: Tx, ctx: Actorish, input: ClockInput, kind: 'stopped' | 'resumed'): Promise<ClockResult> {
  const { tenantId } = ctx.actor;
  const rule = await resolveWorkflow(tx, { tenantId, workflow: input.workflow, regimeDate: input.regimeDate });
  const def = rule.value;
  await repo.lockSubject(tx, input.subjectType, input.subjectId);
  const stay = await guardCurrent(tx, tenantId, def, input);
  if (!stay) throw new AppError('workflow.not_started', { status: 409, details: { subjectId: input.subjectId } });
  if (!capabilitiesOf(input.workflow, def, input.currentStage).pausable) {
    throw new AppError('workflow.clock_not_pausable', {
      status: 409, params: { stage: stageName(def, input.currentStage) }, details: { stage: input.currentStage },
    });
  }
  const events = await repo.clockEvents(tx, [stay.id]);
  const last = events.at(-1);
  const stopped = last?.kind === 'stopped';
  if (kind === 'stopped' && stopped) {
    throw new AppError('workflow.clock_already_stopped', { status: 409, params: { at: last!.at.toISOString() }, details: { since: last!.at.toISOString() } });
  }
  if (kind === 'resumed' && !stopped) throw new AppError('workflow.clock_not_stopped', { status: 409, details: { stage: input.currentStage } });
  const at = eventTime(input.at, last && last.at > stay.at ? { ...stay, at: last.at } : stay);
  const row = await repo.insertClockEvent(tx, {
    tenantId, stageEventId: stay.id, subjectType: input.subjectType, subjectId: input.subjectId, kind, at,
    actorId: ctx.actor.userId, note: input.note ?? null,
  });
  await recordAudit(tx, ctx, {
    action: kind === 'stopped' ? 'clock_stop' : 'clock_resume', entity: input.subjectType, entityId: input.subjectId,
    after: { stage: input.currentStage, note: input.note ?? null, at: row.at.toISOString() },
  });
  return { stage: input.currentStage, kind, at: row.at.toISOString(), stageEventId: stay.id };
}

export const stopStageClock = (tx: Tx, ctx: Actorish, input: ClockInput) => moveClock(tx, ctx, input, 'stopped');
export const resumeStageClock = (tx: Tx, ctx: Actorish, input: ClockInput) => moveClock(tx, ctx, input, 'resumed');

// ---- history and timing ----

/** Loads the definitions behind a set of rule-version ids, newest first. */
async function definitions(db: Db | Tx, ids: string[]) {
  const loaded = await runQueries(db, [...new Set(ids)].map((id) => () => loadRuleVersion<WorkflowDefinition>(db, id)));
  return loaded.filter((r): r is ResolvedRule<WorkflowDefinition> => r !== null)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
}

/**
 * The calendar for timing views: the province's `calendar.working_days` as known on the day of the computation
 * (versions list every year, so the newest knows the most).
 */
const timingCalendar = (db: Db | Tx, tenantId: string, now: Date) => workingCalendar(db, { tenantId, onDate: todayInVietnam(now) });

const byStay = (events: repo.ClockEventRow[]) => {
  const m = new Map<number, ClockEvent[]>();
  for (const e of events) m.set(e.stageEventId, [...(m.get(e.stageEventId) ?? []), { kind: e.kind, at: e.at }]);
  return m;
};

/** A subject's stage history, oldest first, with stage names from the definition that governed each event. */
export async function history(db: Db | Tx, o: { tenantId: string; subjectType: string; subjectId: string; now?: Date }): Promise<StageEvent[]> {
  const events = await repo.listEvents(db, o.tenantId, o.subjectType, o.subjectId);
  const now = o.now ?? new Date();
  const [defs, clocks, calendar] = await Promise.all([
    definitions(db, events.map((e) => e.ruleVersionId)).then((ds) => new Map(ds.map((r) => [r.id, r]))),
    repo.clockEvents(db, events.map((e) => e.id)),
    timingCalendar(db, o.tenantId, now),
  ]);
  const clockOf = byStay(clocks);
  return events.map((e, i) => {
    const rule = defs.get(e.ruleVersionId)!;
    const def = rule.value;
    const until = events[i + 1]?.at ?? now;
    const clock = clockState(e.at, until, clockOf.get(e.id) ?? []);
    const own = clocks.filter((c) => c.stageEventId === e.id);
    return {
      id: e.id, fromStage: e.fromStage, fromName: e.fromStage ? stageName(def, e.fromStage) : null,
      toStage: e.toStage, toName: stageName(def, e.toStage), action: e.action, actionName: e.action ? actionName(def, e.action) : null,
      actorId: e.actorId, actorName: e.actorName ?? null, at: e.at.toISOString(), note: e.note, ruleVersionId: e.ruleVersionId,
      legalBasis: rule.legalBasis, daysInStage: round2(Math.max(0, until.getTime() - e.at.getTime()) / DAY_MS),
      clockDays: clockDays(clock), workingDays: clockWorkingDays(clock, calendar),
      clockStops: own.flatMap((c, k) => (c.kind === 'stopped'
        ? [{ stoppedAt: c.at.toISOString(), resumedAt: own.slice(k + 1).find((n) => n.kind === 'resumed')?.at.toISOString() ?? null, note: c.note }]
        : [])),
    };
  });
}

/** Stage name and targets from the newest definition that declares the stage. */
function stageInfo(defs: ResolvedRule<WorkflowDefinition>[], key: string) {
  for (const r of defs) {
    const s = stageOf(r.value, key);
    if (s) return s;
  }
  return undefined;
}

/**
 * Median and 90th-percentile days the clock of each stage ran, in calendar days and in working days of the
 * province's calendar, per year in which the stay ended (Vietnam time). Only completed stays count; a subject's
 * stay in its current stage is in currentStages. Spans with the clock stopped are left out.
 */
export async function stageDurations(db: Db | Tx, o: { tenantId: string; subjectType: string; year?: number; now?: Date }): Promise<StageDuration[]> {
  const [stays, clocks, defs, calendar] = await Promise.all([
    repo.completedStays(db, o.tenantId, o.subjectType, o.year),
    repo.clockEventsOfType(db, o.tenantId, o.subjectType),
    repo.ruleVersionIds(db, o.tenantId, o.subjectType).then((ids) => definitions(db, ids)),
    timingCalendar(db, o.tenantId, o.now ?? new Date()),
  ]);
  const clockOf = byStay(clocks);
  const groups = new Map<string, { year: number; stage: string; days: number[]; workingDays: number[] }>();
  for (const st of stays) {
    const clock = clockState(st.enteredAt, st.exitedAt, clockOf.get(st.id) ?? []);
    const key = `${st.year}\u0000${st.stage}`;
    const g = groups.get(key) ?? { year: st.year, stage: st.stage, days: [], workingDays: [] };
    g.days.push(clockDays(clock));
    g.workingDays.push(clockWorkingDays(clock, calendar));
    groups.set(key, g);
  }
  const order = (stage: string) => {
    for (const r of defs) {
      const i = r.value.stages.findIndex((x) => x.key === stage);
      if (i >= 0) return i;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  return [...groups.values()]
    .map((g) => {
      const s = stageInfo(defs, g.stage);
      return {
        year: g.year, stage: g.stage, name: s?.name ?? null, targetDays: s?.targetDays ?? null, targetWorkingDays: s?.targetWorkingDays ?? null,
        count: g.days.length,
        medianDays: round2(percentileCont(g.days, 0.5)), p90Days: round2(percentileCont(g.days, 0.9)),
        medianWorkingDays: round2(percentileCont(g.workingDays, 0.5)), p90WorkingDays: round2(percentileCont(g.workingDays, 0.9)),
      };
    })
    .sort((a, b) => a.year - b.year || order(a.stage) - order(b.stage) || a.stage.localeCompare(b.stage));
}

/** The end of a date in Vietnam time, or the instant itself. */
export function asOfInstant(asOf?: string | Date): Date {
  if (asOf === undefined) return new Date();
  if (asOf instanceof Date) return asOf;
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return new Date(`${asOf}T23:59:59.999+07:00`);
  return new Date(asOf);
}

/**
 * Where each subject of a type is on a date: its stage, since when, how long its clock has run (calendar and
 * working days, stopped spans left out), the stage's targets (from the definition that governed its entry), when
 * a target falls due and whether it is overdue (the clock past a target; terminal stages never).
 */
export async function currentStages(db: Db | Tx, o: { tenantId: string; subjectType: string; asOf?: string | Date; overdueOnly?: boolean; now?: Date }): Promise<{ asOf: string; items: CurrentStage[] }> {
  const cutoff = asOfInstant(o.asOf);
  const rows = await repo.latestPerSubject(db, o.tenantId, o.subjectType, cutoff);
  const [defs, clocks, calendar] = await Promise.all([
    definitions(db, rows.map((r) => r.ruleVersionId)).then((ds) => new Map(ds.map((r) => [r.id, r.value]))),
    repo.clockEvents(db, rows.map((r) => r.id)),
    timingCalendar(db, o.tenantId, o.now ?? new Date()),
  ]);
  const clockOf = byStay(clocks);
  const items = rows.map((r): CurrentStage => {
    const stage = stageOf(defs.get(r.ruleVersionId)!, r.stage);
    const clock = clockState(r.enteredAt, cutoff, clockOf.get(r.id) ?? []);
    const ran = clockDays(clock);
    const worked = clockWorkingDays(clock, calendar);
    const targetDays = stage?.targetDays ?? null;
    const targetWorkingDays = stage?.targetWorkingDays ?? null;
    const terminal = stage?.terminal ?? false;
    const late = (targetDays !== null && ran > targetDays) || (targetWorkingDays !== null && worked > targetWorkingDays);
    return {
      subjectId: r.subjectId, workflow: r.workflow, stage: r.stage, name: stage?.name ?? null, enteredAt: r.enteredAt.toISOString(),
      daysInStage: round2((cutoff.getTime() - r.enteredAt.getTime()) / DAY_MS), clockDays: ran, workingDays: worked,
      targetDays, targetWorkingDays,
      dueDate: terminal ? null : dueDate(clock, { targetDays, targetWorkingDays, calendar }),
      paused: clock.paused, pausedAt: clock.pausedAt?.toISOString() ?? null,
      terminal, overdue: !terminal && late,
    };
  });
  return { asOf: cutoff.toISOString(), items: o.overdueOnly ? items.filter((i) => i.overdue) : items };
}

/** For messages elsewhere: a stage's name in both languages under the definition in force on a date. */
export async function stageLabel(db: Db | Tx, o: { tenantId: string; workflow: string; regimeDate: string; stage: string }): Promise<LocalizedText> {
  const rule = await resolveWorkflow(db, o);
  return stageName(rule.value, o.stage);
}

