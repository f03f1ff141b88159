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
import { AppError } from '../../errors.ts';
import { translate, type Lang } from '../../../shared/i18n/messages.ts';
import type { Role } from '../../../shared/roles.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import {
  WorkflowDefinition, type CurrentStage, type StageDuration, type StageEvent, type WorkflowTransition,
} from '../../../shared/schemas/workflow.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadRuleVersion, registerRuleKey, resolveRule, type ResolvedRule } from '../rules/rules.service.ts';
import { allowedTransitions, checkTransition, isEmptyValue, stageOf, transitionsFrom, type CheckResult } from './workflow.engine.ts';
import * as repo from './workflow.repo.ts';

export { checkTransition } from './workflow.engine.ts';

type Actorish = Pick<Ctx, 'actor' | 'requestId'>;
const DAY_MS = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const workflowRuleKey = (workflow: string) => `workflow.${workflow}`;

/**
 * Declares a workflow: its definitions become rule values under `workflow.<name>`, checked by WorkflowDefinition
 * (every transition's stages declared, no transition out of a terminal stage, one target per action and stage).
 */
export function registerWorkflow(name: string, describe: { vi: string; en: string }) {
  registerRuleKey(workflowRuleKey(name), WorkflowDefinition, describe);
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

// ---- history and timing ----

/** Loads the definitions behind a set of rule-version ids, newest first. */
async function definitions(db: Db | Tx, ids: string[]) {
  const loaded = await runQueries(db, [...new Set(ids)].map((id) => () => loadRuleVersion<WorkflowDefinition>(db, id)));
  return loaded.filter((r): r is ResolvedRule<WorkflowDefinition> => r !== null)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
}

/** A subject's stage history, oldest first, with stage names from the definition that governed each event. */
export async function history(db: Db | Tx, o: { tenantId: string; subjectType: string; subjectId: string; now?: Date }): Promise<StageEvent[]> {
  const events = await repo.listEvents(db, o.tenantId, o.subjectType, o.subjectId);
  const defs = new Map((await definitions(db, events.map((e) => e.ruleVersionId))).map((r) => [r.id, r]));
  const now = o.now ?? new Date();
  return events.map((e, i) => {
    const rule = defs.get(e.ruleVersionId)!;
    const def = rule.value;
    const until = events[i + 1]?.at ?? now;
    return {
      id: e.id, fromStage: e.fromStage, fromName: e.fromStage ? stageName(def, e.fromStage) : null,
      toStage: e.toStage, toName: stageName(def, e.toStage), action: e.action, actionName: e.action ? actionName(def, e.action) : null,
      actorId: e.actorId, actorName: e.actorName ?? null, at: e.at.toISOString(), note: e.note, ruleVersionId: e.ruleVersionId,
      legalBasis: rule.legalBasis, daysInStage: round2(Math.max(0, until.getTime() - e.at.getTime()) / DAY_MS),
    };
  });
}

/** Stage name and target from the newest definition that declares the stage. */
function stageInfo(defs: ResolvedRule<WorkflowDefinition>[], key: string) {
  for (const r of defs) {
    const s = stageOf(r.value, key);
    if (s) return s;
  }
  return undefined;
}

/**
 * Median and 90th-percentile days spent in each stage, per year in which the stay ended (Vietnam time). Only
 * completed stays count; a subject's stay in its current stage is in currentStages.
 */
export async function stageDurations(db: Db | Tx, o: { tenantId: string; subjectType: string; year?: number }): Promise<StageDuration[]> {
  const rows = await repo.durations(db, o.tenantId, o.subjectType, o.year);
  const defs = await definitions(db, await repo.ruleVersionIds(db, o.tenantId, o.subjectType));
  const order = (stage: string) => {
    for (const r of defs) {
      const i = r.value.stages.findIndex((s) => s.key === stage);
      if (i >= 0) return i;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  return rows
    .map((r) => {
      const s = stageInfo(defs, r.stage);
      return {
        year: r.year, stage: r.stage, name: s?.name ?? null, targetDays: s?.targetDays ?? null, count: r.count,
        medianDays: round2(r.medianDays), p90Days: round2(r.p90Days),
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
 * Where each subject of a type is on a date: its stage, since when, the stage's target days (from the definition
 * that governed its entry) and whether it is overdue (longer than the target, terminal stages never).
 */
export async function currentStages(db: Db | Tx, o: { tenantId: string; subjectType: string; asOf?: string | Date; overdueOnly?: boolean }): Promise<{ asOf: string; items: CurrentStage[] }> {
  const cutoff = asOfInstant(o.asOf);
  const rows = await repo.latestPerSubject(db, o.tenantId, o.subjectType, cutoff);
  const defs = new Map((await definitions(db, rows.map((r) => r.ruleVersionId))).map((r) => [r.id, r.value]));
  const items = rows.map((r) => {
    const stage = stageOf(defs.get(r.ruleVersionId)!, r.stage);
    const daysInStage = round2((cutoff.getTime() - r.enteredAt.getTime()) / DAY_MS);
    const targetDays = stage?.targetDays ?? null;
    const terminal = stage?.terminal ?? false;
    return {
      subjectId: r.subjectId, workflow: r.workflow, stage: r.stage, name: stage?.name ?? null, enteredAt: r.enteredAt.toISOString(),
      daysInStage, targetDays, terminal, overdue: !terminal && targetDays !== null && daysInStage > targetDays,
    };
  });
  return { asOf: cutoff.toISOString(), items: o.overdueOnly ? items.filter((i) => i.overdue) : items };
}

/** For messages elsewhere: a stage's name in both languages under the definition in force on a date. */
export async function stageLabel(db: Db | Tx, o: { tenantId: string; workflow: string; regimeDate: string; stage: string }): Promise<LocalizedText> {
  const rule = await resolveWorkflow(db, o);
  return stageName(rule.value, o.stage);
}

