/**
 * Applications to a call (issue #13). A draft (stage `draft`, submitted_at NULL) belongs to the applicant's
 * organisation, which edits it, attaches files (attachments subject `programme_application`) and submits it: the
 * answers must pass the call's form (ajv) and the call's required files must be there, else one 400 naming every
 * missing field and file. Submitted, it follows the workflow `programme_application` (rule data): staff ask for
 * additions (the stage clock stops until the applicant answers), refuse with a reason, send it to review; the
 * support module's guards and listeners (programmes.hooks.ts) take part in the later moves. Every change tells the
 * organisation's accounts (and the DOST's officers of what the applicant did) in their inbox.
 */
import type { Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError, versionConflict } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { decodeCursor, encodeCursor } from '../../db/paging.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { todayInVietnam, vietnamDate } from '../../../lib/vi/dates.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';
import {
  ANSWER_PROBLEM_TEXT, answerProblems, compileFormSchema, fieldTitle, type AdditionRequest, type ApplicationDetail, type ApplicationInput,
  type ApplicationSummary, type ApplicationUpdate, type CallTiming, type TransitionInput,
} from '../../../shared/schemas/programmes.ts';
import type { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../inbox/inbox.service.ts';
import { attachedKinds, attachmentsOf, removeAttachment } from '../attachments/attachments.service.ts';
import {
  applyTransition, availableActions, enterInitialStage, history, resolveWorkflow, resumeStageClock, stopStageClock,
} from '../workflow/workflow.service.ts';
import * as repo from './programmes.repo.ts';
import { canApplication } from './programmes.policy.ts';
import { acceptingApplications, readableCall } from './programmes.calls.ts';
import { APPLICATION_DOCUMENT_LABELS, APPLICATION_SUBJECT, APPLICATION_WORKFLOW, DECISION_STAGES } from './programmes.rules.ts';
import {
  runApplicationGuards, runApplicationListeners, type ApplicationAction, type ApplicationRecord, type ApplicationStage,
} from './programmes.hooks.ts';

const ENTITY = 'programme_application';
const DRAFT_NAME: LocalizedText = { vi: 'Bản nháp (chưa nộp)', en: 'Draft (not submitted)' };
const TERMINAL = new Set(['completed', 'not_supported', 'withdrawn']);
const PAUSABLE = new Set(['received', 'review']);
const NEEDS_REASON = new Set(['refuse', 'reject']);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const inTx = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx as unknown as Db });
type Row = repo.ApplicationRow;

/** The regime date of an application: the day it was submitted (Vietnam time), else today. */
const regimeOf = (row: { submittedAt: Date | null }) => (row.submittedAt ? vietnamDate(row.submittedAt) : todayInVietnam());

async function definitionOn(db: Db | Tx, tenantId: string, regimeDate: string): Promise<WorkflowDefinition> {
  return (await resolveWorkflow(db, { tenantId, workflow: APPLICATION_WORKFLOW, regimeDate })).value;
}
const stageNameIn = (def: WorkflowDefinition | null, stage: string): LocalizedText =>
  stage === 'draft' ? DRAFT_NAME : def?.stages.find((s) => s.key === stage)?.name ?? { vi: stage, en: stage };

export const toRecord = (r: Row): ApplicationRecord => ({
  id: r.id, tenantId: r.tenantId, callId: r.callId, programmeId: r.programmeId, organizationId: r.organizationId, code: r.code,
  title: r.title, answers: r.answers, requestedAmount: r.requestedAmount, stage: r.stage as ApplicationStage,
  submittedAt: iso(r.submittedAt), decidedAt: iso(r.decidedAt), version: r.version,
});

function summary(r: Row, def: WorkflowDefinition | null): ApplicationSummary {
  return {
    id: r.id, callId: r.callId, callCode: r.callCode, callTitle: r.callTitle, programmeId: r.programmeId, programmeName: r.programmeName,
    organizationId: r.organizationId, organizationName: r.organizationName, organizationTaxCode: r.organizationTaxCode ?? null,
    code: r.code, title: r.title, requestedAmount: r.requestedAmount, stage: r.stage as ApplicationSummary['stage'],
    stageName: stageNameIn(def, r.stage), submittedAt: iso(r.submittedAt), decidedAt: iso(r.decidedAt),
    awaitingAdditions: Boolean(r.awaitingAdditions), version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** The application if the actor may read it; 404 otherwise (another organisation's, or absent). */
async function readable(db: Db | Tx, ctx: Ctx, id: string): Promise<Row> {
  const row = await repo.findApplication(db, ctx.actor.tenantId, id);
  if (!row || !canApplication(ctx.actor, 'read', row)) throw notFound(ENTITY, id);
  return row;
}

/** Locked for the transaction, readable by the actor, at the version it read. */
async function locked(tx: Tx, ctx: Ctx, id: string, version: number): Promise<Row> {
  if (!(await repo.lockApplication(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
  const row = await readable(tx, ctx, id);
  if (row.version !== version) throw versionConflict(row.version, version);
  return row;
}

// ---- what blocks a submission ----

const KEYWORD_TEXT = ANSWER_PROBLEM_TEXT;

export interface Missing { path: string; code: string; message: LocalizedText }

async function submissionProblems(db: Db | Tx, tenantId: string, row: Row, call: repo.CallRow): Promise<Missing[]> {
  const problems: Missing[] = [];
  const compiled = compileFormSchema(call.formSchema);
  if (compiled.validate) {
    const seen = new Set<string>();
    for (const p of answerProblems(compiled.validate, row.answers)) {
      // oneOf reports each failed branch: one problem per field and keyword is enough.
      const k = `${p.path}\u0000${p.keyword === 'const' ? 'oneOf' : p.keyword}`;
      if (seen.has(k) || (p.keyword === 'const' && seen.has(`${p.path}\u0000oneOf`))) continue;
      seen.add(k);
      const text = KEYWORD_TEXT[p.keyword] ?? { vi: p.message, en: p.message };
      const field = { vi: fieldTitle(call.formSchema, p.field, 'vi'), en: fieldTitle(call.formSchema, p.field, 'en') };
      problems.push({ path: p.path, code: p.keyword === 'required' || p.keyword === 'minLength' ? 'required' : p.keyword, message: {
        vi: `Mục "${field.vi}": ${text.vi}.`, en: `Field "${field.en}": ${text.en}.`,
      } });
    }
  }
  const kinds = new Set(await attachedKinds(db, tenantId, APPLICATION_SUBJECT, row.id));
  for (const kind of call.requiredDocuments) {
    if (kinds.has(kind)) continue;
    const name = APPLICATION_DOCUMENT_LABELS[kind as keyof typeof APPLICATION_DOCUMENT_LABELS] ?? { vi: kind, en: kind };
    problems.push({ path: `files.${kind}`, code: 'missing_file', message: { vi: `Cần đính kèm "${name.vi}".`, en: `Attach "${name.en}".` } });
  }
  return problems;
}

// ---- reads ----

function toRequests(requests: Awaited<ReturnType<typeof repo.requestsOf>>, files: { id: string; fileName: string; kind: string; createdAt: Date }[]): AdditionRequest[] {
  return requests.map((r) => ({
    id: r.id, stage: r.stage, note: r.note, requestedBy: r.requestedBy, requestedAt: r.requestedAt.toISOString(),
    answerNote: r.answerNote, answeredBy: r.answeredBy, answeredAt: iso(r.answeredAt),
    files: files.filter((f) => f.createdAt >= r.requestedAt && (!r.answeredAt || f.createdAt <= r.answeredAt))
      .map((f) => ({ id: f.id, fileName: f.fileName, kind: f.kind, uploadedAt: f.createdAt.toISOString() })),
  }));
}

async function detail(db: Db | Tx, ctx: Ctx, row: Row): Promise<ApplicationDetail> {
  const { tenantId, role } = ctx.actor;
  const def = await definitionOn(db, tenantId, regimeOf(row));
  const draft = row.stage === 'draft';
  const [events, requests, files, call] = await Promise.all([
    draft ? [] : history(db, { tenantId, subjectType: APPLICATION_SUBJECT, subjectId: row.id }),
    repo.requestsOf(db, tenantId, row.id),
    attachmentsOf(db, tenantId, APPLICATION_SUBJECT, row.id),
    repo.findCall(db, tenantId, row.callId),
  ]);
  const closed = TERMINAL.has(row.stage);
  const handle = canApplication(ctx.actor, 'handle');
  const own = canApplication(ctx.actor, 'edit_draft', row);
  const actions = draft || closed ? [] : (await availableActions(db, {
    tenantId, workflow: APPLICATION_WORKFLOW, regimeDate: regimeOf(row), currentStage: row.stage, role,
  })).actions.map((a) => ({ action: a.action, name: a.name, to: a.to, toName: a.toName, needsReason: NEEDS_REASON.has(a.action) }));
  const open = requests.some((r) => r.answeredAt === null);
  return {
    ...summary(row, def), answers: row.answers, history: events, requests: toRequests(requests, files),
    actions: open ? actions.filter((a) => a.action !== 'send_to_review' && a.action !== 'conclude_review') : actions,
    may: {
      edit: draft && own, submit: draft && own,
      requestAdditions: handle && PAUSABLE.has(row.stage) && !open, answerAdditions: own && open,
    },
    missing: draft && call ? await submissionProblems(db, tenantId, row, call) : [],
  };
}

export async function getApplication(ctx: Ctx, id: string): Promise<ApplicationDetail> {
  return detail(ctx.db, ctx, await readable(ctx.db, ctx, id));
}

/** For other modules: the application the actor may read, or null. */
export async function findApplication(ctx: Ctx, id: string): Promise<(ApplicationRecord & { callCode: string; callTitle: string; organizationName: string }) | null> {
  const row = await repo.findApplication(ctx.db, ctx.actor.tenantId, id);
  if (!row || !canApplication(ctx.actor, 'read', row)) return null;
  return { ...toRecord(row), callCode: row.callCode, callTitle: row.callTitle, organizationName: row.organizationName };
}

/** For other modules (ranking, decisions): the submitted applications of a call, for staff. */
export async function listApplicationsOfCall(ctx: Ctx, callId: string): Promise<ApplicationSummary[]> {
  if (!canApplication(ctx.actor, 'list_all')) throw forbidden();
  await readableCall(ctx.db, ctx, callId);
  const def = await definitionOn(ctx.db, ctx.actor.tenantId, todayInVietnam());
  return (await repo.applicationsOfCall(ctx.db, ctx.actor.tenantId, callId)).filter((r) => r.stage !== 'draft').map((r) => summary(r, def));
}

export async function listApplications(ctx: Ctx, q: { q?: string; callId?: string; stage?: string; organizationId?: string; cursor?: string; limit: number }) {
  const all = canApplication(ctx.actor, 'list_all');
  if (!all && !(ctx.actor.role === 'applicant' && ctx.actor.organizationId)) throw forbidden();
  const after = decodeCursor(q.cursor);
  const rows = await repo.listApplications(ctx.db, ctx.actor.tenantId, {
    q: q.q, callId: q.callId, limit: q.limit, after,
    // Staff see every submitted application; an organisation its own, drafts too.
    organizationId: all ? q.organizationId : ctx.actor.organizationId!,
    stage: q.stage,
  });
  const visible = all ? rows.filter((r) => r.stage !== 'draft' || q.stage === 'draft') : rows;
  const def = await definitionOn(ctx.db, ctx.actor.tenantId, todayInVietnam());
  const kept = rows.slice(0, q.limit);
  const last = kept.at(-1);
  return {
    items: kept.filter((r) => visible.includes(r)).map((r) => summary(r, def)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ r: 0, k: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

// ---- drafts ----

const searchOf = (title: string, code: string | null, org: { name: string; taxCode: string | null }) =>
  fold([title, code ?? '', org.name, org.taxCode ?? ''].join(' '));

export async function createApplication(ctx: Ctx, input: ApplicationInput): Promise<ApplicationDetail> {
  if (!canApplication(ctx.actor, 'apply')) {
    throw ctx.actor.role === 'applicant' ? new AppError('programme.needs_organization', { status: 403 }) : forbidden();
  }
  return ctx.db.transaction(async (tx) => {
    const call = await readableCall(tx, ctx, input.callId).catch(() => {
      throw validationError([{ path: 'body.callId', code: 'unknown_reference', i18n: 'field.unknown_reference', params: { entity: 'programme_call' } }]);
    });
    if (!acceptingApplications(call)) {
      throw new AppError('programme.call_not_open', { status: 409, params: { call: call.title, opensOn: call.opensOn, closesOn: call.closesOn } });
    }
    const orgId = ctx.actor.organizationId!;
    const id = await repo.applicationWrites.insert(tx, ctx.actor.tenantId, {
      callId: call.id, organizationId: orgId, code: null, title: input.title, answers: input.answers,
      requestedAmount: input.requestedAmount ?? null, stage: 'draft', submittedAt: null, decidedAt: null, createdBy: ctx.actor.userId,
      searchText: fold(input.title),
    }).catch((e) => mapConstraintError(e, { entity: ENTITY }, input));
    const row = (await repo.findApplication(tx, ctx.actor.tenantId, id))!;
    await repo.applicationWrites.update(tx, ctx.actor.tenantId, id, row.version, { searchText: searchOf(row.title, null, { name: row.organizationName, taxCode: row.organizationTaxCode }) });
    const created = (await repo.findApplication(tx, ctx.actor.tenantId, id))!;
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: auditView(created) });
    return detail(tx, ctx, created);
  });
}

const auditView = (r: Row) => ({
  callId: r.callId, organizationId: r.organizationId, code: r.code, title: r.title, answers: r.answers, requestedAmount: r.requestedAmount, stage: r.stage,
});

async function lockedDraft(tx: Tx, ctx: Ctx, id: string, version: number): Promise<Row> {
  const row = await locked(tx, ctx, id, version);
  if (row.stage !== 'draft') throw new AppError('programme.application_submitted', { status: 409, details: { submittedAt: iso(row.submittedAt) } });
  if (!canApplication(ctx.actor, 'edit_draft', row)) throw forbidden();
  return row;
}

export async function updateApplication(ctx: Ctx, id: string, input: ApplicationUpdate): Promise<ApplicationDetail> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, ctx, id, input.version);
    const ok = await repo.applicationWrites.update(tx, ctx.actor.tenantId, id, input.version, {
      title: input.title, answers: input.answers, requestedAmount: input.requestedAmount ?? null,
      searchText: searchOf(input.title, null, { name: row.organizationName, taxCode: row.organizationTaxCode }),
    }).catch((e) => mapConstraintError(e, { entity: ENTITY }, input));
    if (!ok) throw versionConflict(row.version, input.version);
    const after = (await repo.findApplication(tx, ctx.actor.tenantId, id))!;
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: auditView(row), after: auditView(after) });
    return detail(tx, ctx, after);
  });
}

export async function deleteApplication(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, ctx, id, version);
    for (const f of await attachmentsOf(tx, ctx.actor.tenantId, APPLICATION_SUBJECT, id)) await removeAttachment(inTx(ctx, tx), APPLICATION_SUBJECT, id, f.id);
    if (!(await repo.applicationWrites.remove(tx, ctx.actor.tenantId, id, version))) throw versionConflict(row.version, version);
    await recordAudit(tx, ctx, { action: 'delete', entity: ENTITY, entityId: id, before: auditView(row) });
  });
}

/**
 * Submits a draft: the call still takes applications, the answers pass its form and its required files are
 * attached (else a 400 naming each missing field and file); the application gets its number, enters the first
 * stage, the officers and the organisation are told. All in one transaction: a failure anywhere (a guard, a
 * listener) leaves the draft as it was.
 */
export async function submitApplication(ctx: Ctx, id: string, version: number): Promise<ApplicationDetail> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, ctx, id, version);
    const { tenantId } = ctx.actor;
    const call = (await repo.findCall(tx, tenantId, row.callId))!;
    if (!acceptingApplications(call)) {
      throw new AppError('programme.call_not_open', { status: 409, params: { call: call.title, opensOn: call.opensOn, closesOn: call.closesOn } });
    }
    const problems = await submissionProblems(tx, tenantId, row, call);
    if (problems.length) {
      throw new AppError('programme.application_incomplete', {
        status: 400, params: { count: problems.length },
        details: problems.map((p) => ({ path: p.path, code: p.code, i18n: 'programme.answer_text', params: { text: p.message } })),
      });
    }
    const now = new Date();
    const regimeDate = todayInVietnam(now);
    await runApplicationGuards(tx, ctx, 'submit', toRecord(row));
    const n = await repo.nextApplicationNumber(tx, tenantId, call.id);
    const code = `${call.code}-${String(n).padStart(3, '0')}`;
    const started = await enterInitialStage(tx, ctx, {
      workflow: APPLICATION_WORKFLOW, subjectType: APPLICATION_SUBJECT, subjectId: id, regimeDate, at: now, note: 'Doanh nghiệp nộp hồ sơ trực tuyến',
    });
    const ok = await repo.applicationWrites.update(tx, tenantId, id, version, {
      stage: started.to, submittedAt: new Date(started.at), code,
      searchText: searchOf(row.title, code, { name: row.organizationName, taxCode: row.organizationTaxCode }),
    }).catch((e) => mapConstraintError(e, { entity: ENTITY, unique: { programme_applications_code_key: 'code' } }));
    if (!ok) throw versionConflict(row.version, version);
    const after = (await repo.findApplication(tx, tenantId, id))!;
    await recordAudit(tx, ctx, {
      action: 'submit', entity: ENTITY, entityId: id, before: { stage: 'draft', submittedAt: null }, after: { stage: after.stage, code, submittedAt: iso(after.submittedAt) },
    });
    await runApplicationListeners(tx, ctx, { application: toRecord(after), action: 'submit', from: 'draft', to: after.stage as ApplicationStage });
    const def = await definitionOn(tx, tenantId, regimeDate);
    const params = { title: after.title, code, organization: after.organizationName, call: call.title, stage: stageNameIn(def, after.stage) };
    await notify(tx, {
      tenantId, kind: 'programme.application_submitted', subject: { type: APPLICATION_SUBJECT, id },
      title: 'programme.notice.submitted', body: 'programme.notice.submitted.body', params, to: [{ role: 'dost_officer' }],
    });
    await notify(tx, {
      tenantId, kind: 'programme.application_received', subject: { type: APPLICATION_SUBJECT, id },
      title: 'programme.notice.received', body: 'programme.notice.received.body', params, to: [{ organizationId: after.organizationId, role: 'applicant' }],
    });
    return detail(tx, ctx, after);
  });
}

// ---- transitions ----

/**
 * Moves a submitted application along the workflow: the workflow checks the stage and the role, the registered
 * guards (programmes.hooks.ts) may refuse, a refusal needs a reason; the decision stages stamp decided_at.
 */
export async function transitionApplication(ctx: Ctx, id: string, input: TransitionInput): Promise<ApplicationDetail> {
  if (NEEDS_REASON.has(input.action) && !input.reason) {
    throw validationError([{ path: 'body.reason', code: 'required', i18n: 'programme.reason_required' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await locked(tx, ctx, id, input.version);
    const { tenantId } = ctx.actor;
    if (row.stage === 'draft') throw new AppError('programme.application_submitted', { status: 409, details: { stage: 'draft' } });
    const def = await definitionOn(tx, tenantId, regimeOf(row));
    if (TERMINAL.has(row.stage)) throw new AppError('programme.application_closed', { status: 409, params: { stage: stageNameIn(def, row.stage) } });
    if (input.action === 'withdraw' ? !canApplication(ctx.actor, 'answer_additions', row) : !canApplication(ctx.actor, 'read', row)) throw notFound(ENTITY, id);
    if ((input.action === 'send_to_review' || input.action === 'conclude_review') && row.awaitingAdditions) {
      throw new AppError('programme.awaiting_additions', { status: 409 });
    }
    const note = [input.reason, input.note].filter(Boolean).join(' — ') || null;
    // The workflow judges the stage and the role first (its refusal names them); then the other modules' guards,
    // in the same transaction, so a guard's refusal undoes the recorded move.
    const moved = await applyTransition(tx, ctx, {
      workflow: APPLICATION_WORKFLOW, subjectType: APPLICATION_SUBJECT, subjectId: id, currentStage: row.stage, regimeDate: regimeOf(row),
      action: input.action, documents: await attachedKinds(tx, tenantId, APPLICATION_SUBJECT, id), fields: { reason: input.reason ?? null }, note,
    });
    await runApplicationGuards(tx, ctx, input.action as ApplicationAction, toRecord(row));
    const decided = DECISION_STAGES.has(moved.to) ? new Date(moved.at) : undefined;
    if (!(await repo.applicationWrites.update(tx, tenantId, id, input.version, { stage: moved.to, ...(decided ? { decidedAt: decided } : {}) }))) {
      throw versionConflict(row.version, input.version);
    }
    const after = (await repo.findApplication(tx, tenantId, id))!;
    await runApplicationListeners(tx, ctx, { application: toRecord(after), action: input.action as ApplicationAction, from: row.stage as ApplicationStage, to: moved.to as ApplicationStage });
    const params = { title: after.title, code: after.code ?? '', organization: after.organizationName, stage: stageNameIn(def, moved.to), note: note ?? '' };
    await notify(tx, {
      tenantId, kind: 'programme.application_stage_changed', subject: { type: APPLICATION_SUBJECT, id },
      title: 'programme.notice.stage_changed', body: 'programme.notice.stage_changed.body', params,
      to: [{ organizationId: after.organizationId, role: 'applicant' }],
    });
    if (input.action === 'withdraw') {
      await notify(tx, {
        tenantId, kind: 'programme.application_withdrawn', subject: { type: APPLICATION_SUBJECT, id },
        title: 'programme.notice.withdrawn', params, to: [{ role: 'dost_officer' }],
      });
    }
    return detail(tx, ctx, after);
  });
}

// ---- requests for additions ----

export async function requestAdditions(ctx: Ctx, id: string, input: { note: string; version: number }): Promise<ApplicationDetail> {
  if (!canApplication(ctx.actor, 'handle')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await locked(tx, ctx, id, input.version);
    const { tenantId } = ctx.actor;
    const def = await definitionOn(tx, tenantId, regimeOf(row));
    if (!PAUSABLE.has(row.stage)) throw new AppError('programme.additions_not_in_stage', { status: 409, params: { stage: stageNameIn(def, row.stage) } });
    if (row.awaitingAdditions) throw new AppError('programme.additions_already_requested', { status: 409 });
    const requestId = await repo.insertRequest(tx, { tenantId, applicationId: id, stage: row.stage, note: input.note, requestedBy: ctx.actor.userId });
    await stopStageClock(tx, ctx, {
      workflow: APPLICATION_WORKFLOW, subjectType: APPLICATION_SUBJECT, subjectId: id, currentStage: row.stage, regimeDate: regimeOf(row), note: input.note,
    });
    await repo.applicationWrites.update(tx, tenantId, id, row.version, {});
    await recordAudit(tx, ctx, { action: 'request_additions', entity: ENTITY, entityId: id, after: { requestId, stage: row.stage, note: input.note } });
    await notify(tx, {
      tenantId, kind: 'programme.additions_requested', subject: { type: APPLICATION_SUBJECT, id },
      title: 'programme.notice.additions_requested', body: 'programme.notice.additions_requested.body', params: { title: row.title, note: input.note },
      to: [{ organizationId: row.organizationId, role: 'applicant' }],
    });
    return detail(tx, ctx, (await repo.findApplication(tx, tenantId, id))!);
  });
}

/** The organisation's answer: a note, with the files it attached since the request; the clock runs again. */
export async function answerAdditions(ctx: Ctx, id: string, requestId: string, input: { note: string }): Promise<ApplicationDetail> {
  return ctx.db.transaction(async (tx) => {
    const { tenantId } = ctx.actor;
    if (!(await repo.lockApplication(tx, tenantId, id))) throw notFound(ENTITY, id);
    const row = await readable(tx, ctx, id);
    if (!canApplication(ctx.actor, 'answer_additions', row)) throw forbidden();
    const open = await repo.openRequestOf(tx, tenantId, id);
    if (!open || open.id !== requestId) {
      if (!(await repo.requestsOf(tx, tenantId, id)).some((r) => r.id === requestId)) throw notFound('programme_application_request', requestId);
      throw new AppError('programme.additions_request_closed', { status: 409 });
    }
    const files = (await attachmentsOf(tx, tenantId, APPLICATION_SUBJECT, id)).filter((f) => f.createdAt >= open.requestedAt);
    if (files.length === 0) {
      throw new AppError('programme.additions_answer_needs_file', { status: 400, details: [{ path: 'files', code: 'missing_file', i18n: 'programme.additions_answer_needs_file' }] });
    }
    const now = new Date();
    if (!(await repo.answerRequest(tx, { tenantId, id: requestId, note: input.note, answeredBy: ctx.actor.userId, at: now }))) {
      throw new AppError('programme.additions_request_closed', { status: 409 });
    }
    if (row.stage === open.stage) {
      await resumeStageClock(tx, ctx, {
        workflow: APPLICATION_WORKFLOW, subjectType: APPLICATION_SUBJECT, subjectId: id, currentStage: row.stage, regimeDate: regimeOf(row), note: input.note, at: now,
      });
    }
    await repo.applicationWrites.update(tx, tenantId, id, row.version, {});
    await recordAudit(tx, ctx, {
      action: 'answer_additions', entity: ENTITY, entityId: id,
      after: { requestId, note: input.note, files: files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName })) },
    });
    await notify(tx, {
      tenantId, kind: 'programme.additions_answered', subject: { type: APPLICATION_SUBJECT, id },
      title: 'programme.notice.additions_answered', body: 'programme.notice.additions_answered.body',
      params: { title: row.title, organization: row.organizationName, note: input.note, files: files.map((f) => f.fileName).join(', ') },
      to: [...(open.requestedBy ? [{ userId: open.requestedBy }] : []), { role: 'dost_officer' as const }],
    });
    return detail(tx, ctx, (await repo.findApplication(tx, tenantId, id))!);
  });
}

// ---- timing per call ----

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 100) / 100;
};
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : null);

/**
 * Submission to decision per call, from the stage history: the days each application's clock ran (stopped
 * spans, while the applicant supplied additions, left out) from its submission to its entry into a decision
 * stage, in working days of the province's calendar and in calendar days; and per stage the completed stays.
 */
export async function callTiming(ctx: Ctx, callId: string): Promise<CallTiming> {
  if (!canApplication(ctx.actor, 'list_all')) throw forbidden();
  await readableCall(ctx.db, ctx, callId);
  const rows = (await repo.applicationsOfCall(ctx.db, ctx.actor.tenantId, callId)).filter((r) => r.stage !== 'draft');
  const def = await definitionOn(ctx.db, ctx.actor.tenantId, todayInVietnam());
  const working: number[] = [];
  const calendar: number[] = [];
  const stays = new Map<string, number[]>();
  let pending = 0;
  for (const r of rows) {
    const events = await history(ctx.db, { tenantId: ctx.actor.tenantId, subjectType: APPLICATION_SUBJECT, subjectId: r.id });
    const decisionAt = events.findIndex((e) => DECISION_STAGES.has(e.toStage));
    events.forEach((e, i) => {
      if (i < events.length - 1) stays.set(e.toStage, [...(stays.get(e.toStage) ?? []), e.workingDays]);
    });
    if (decisionAt < 0) {
      if (!TERMINAL.has(r.stage)) pending++;
      continue;
    }
    const before = events.slice(0, decisionAt);
    working.push(Math.round(before.reduce((s, e) => s + e.workingDays, 0) * 100) / 100);
    calendar.push(Math.round(before.reduce((s, e) => s + e.clockDays, 0) * 100) / 100);
  }
  const order = (stage: string) => def.stages.findIndex((s) => s.key === stage);
  return {
    callId, decided: working.length, pending,
    medianWorkingDays: median(working), maxWorkingDays: maxOf(working), medianDays: median(calendar), maxDays: maxOf(calendar),
    byStage: [...stays].sort(([a], [b]) => order(a) - order(b)).map(([stage, xs]) => ({
      stage, name: stageNameIn(def, stage), count: xs.length, medianWorkingDays: median(xs)!, maxWorkingDays: maxOf(xs)!,
    })),
  };
}

// ---- attachments ----

/** What the attachments module may do with an application's files (its registration's `find`). */
export async function attachmentAccess(ctx: Ctx, id: string) {
  const row = await repo.findApplication(ctx.db, ctx.actor.tenantId, id);
  if (!row || !canApplication(ctx.actor, 'read', row)) return null;
  const own = canApplication(ctx.actor, 'edit_draft', row);
  const state = (r: Row) => ({
    attach: (own && (r.stage === 'draft' || Boolean(r.awaitingAdditions))) || (canApplication(ctx.actor, 'handle') && !TERMINAL.has(r.stage)),
    remove: own && r.stage === 'draft',
  });
  return {
    may: { read: true, ...state(row) },
    kinds: APPLICATION_DOCUMENT_LABELS,
    async checkWrite(tx: Tx) {
      if (!(await repo.lockApplication(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
      const now = (await repo.findApplication(tx, ctx.actor.tenantId, id))!;
      const s = state(now);
      if (!s.attach && !s.remove) {
        throw new AppError('programme.application_closed', { status: 409, params: { stage: stageNameIn(await definitionOn(tx, ctx.actor.tenantId, regimeOf(now)), now.stage) } });
      }
    },
  };
}
