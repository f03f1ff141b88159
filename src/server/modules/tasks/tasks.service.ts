/**
 * S&T tasks (nhiệm vụ KH&CN) from proposal to replication. The stages and their rules are the dated workflow
 * definition `workflow.st_task` (tasks.workflow.ts ships the national defaults; provinces add their own versions);
 * this service supplies the facts a transition may require — attached document kinds and the task's fields,
 * including the outcomes of its councils — and keeps the task's current stage in step with stage_events. It also
 * keeps the task's funding as it happens (disbursements against the planned funding, tasks.funding.ts) and the
 * organisations taking part besides the host.
 */
import type { Actor, Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound, validationError, versionConflict } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { runQueries } from '../../db/queries.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import type { Lang } from '../../../shared/i18n/messages.ts';
import type { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import { PRODUCT_KINDS } from '../../../shared/schemas/tasks.ts';
import { labelOf } from '../../../shared/labels/labels.ts';
import { DISBURSEMENT_SOURCE_LABELS, FUNDING_MODE_LABELS, PARTICIPANT_ROLE_LABELS, TASK_TYPE_LABELS } from '../../../shared/labels/tasks.ts';
import type {
  DisbursementInput, DisbursementUpdate, DocumentUpload, FundingSummary, ProgressInput, ReplicationInput, SimilarTaskQuery, Task,
  TaskCreate, TaskDetail, TaskDisbursement, TaskInput, TaskListQuery, TaskUpdate,
} from '../../../shared/schemas/tasks.ts';
import { versionedRecords } from '../../records/versioned-record.ts';
import type { SimilarTaskList } from '../../../shared/schemas/tasks.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ensureNationalRules } from '../rules/rules.service.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import {
  applyTransition, availableActions, capabilitiesOf, currentStages, enterInitialStage, history, registerWorkflow, resolveWorkflow,
  stageDurations, stagesWhere,
} from '../workflow/workflow.service.ts';
import { stageOf } from '../workflow/workflow.engine.ts';
import { registerWorkflowSubject } from '../workflow/workflow.subjects.ts';
import { listCouncils } from '../councils/councils.service.ts';
import { registerCouncilSubject, type CouncilSubjectType } from '../councils/councils.subjects.ts';
import { reviewerAccounts as listReviewerAccounts } from '../users/users.service.ts';
import { organizationReferenceProblems } from '../organizations/organizations.service.ts';
import { personReferenceProblems } from '../people/people.service.ts';
import { collectPages, toXlsx, toXlsxBook, xlsxSheet } from '../exports/exports.service.ts';
import {
  attach, attachedKinds, attachmentsOf, readAttachment, registerAttachmentSubject, removeAttachment, type AttachmentSubject,
} from '../attachments/attachments.service.ts';
import type { DbHandle } from '../../db/client.ts';
import * as repo from './tasks.repo.ts';
import * as replicationRepo from './tasks.replications.repo.ts';
import { modelDto } from './tasks.replications.dto.ts';
import { checkModelReferences } from './tasks.replications.checks.ts';
import { can } from './tasks.policy.ts';
import { TASK_COUNCIL_OUTCOMES, TASK_STAGE_CAPABILITIES, TASK_WORKFLOW, TASK_WORKFLOW_VERSIONS } from './tasks.workflow.ts';
import { TASK_ATTACHMENT_LIMITS } from './tasks.attachments.ts';
import { similarityIndex, type SimilarityDoc } from './tasks.similarity.ts';
import { percentOf, summarizeFunding } from './tasks.funding.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import { notify } from '../inbox/inbox.service.ts';
import { DRAFT_STAGE_NAME, ProposalReady } from '../../../shared/schemas/tasks-proposals.ts';

const ENTITY = 'task';
const SUBJECT = 'task';
const DAY_MS = 86_400_000;
const constraints = {
  entity: ENTITY,
  foreignKeys: {
    tasks_science_field_fkey: 'scienceField', tasks_host_organization_id_fkey: 'hostOrganizationId',
    tasks_principal_investigator_id_fkey: 'principalInvestigatorId', task_members_person_id_fkey: 'members',
    task_participants_organization_id_fkey: 'participants',
  },
  unique: { tasks_code: 'code' },
};

/** Registrations of the tasks manifest: the task workflow's rule key, councils about tasks, and their documents. */
export function registerTasks(): void {
  registerWorkflow(TASK_WORKFLOW, { vi: 'Quy trình nhiệm vụ KH&CN', en: 'S&T task workflow' }, { stageDefaults: TASK_STAGE_CAPABILITIES });
  // Stage timing lists every task's stage: the readers of the whole task list only.
  registerWorkflowSubject(SUBJECT, { workflow: TASK_WORKFLOW, label: { vi: 'nhiệm vụ', en: 'task' }, canList: canListTasks });
  registerCouncilSubject(SUBJECT, taskCouncilSubject);
  registerAttachmentSubject(SUBJECT, taskAttachmentSubject);
}

/** Reference loader: the national default definitions of the task workflow. */
export async function loadTaskRules(h: DbHandle) {
  await ensureNationalRules(h.db, TASK_WORKFLOW_VERSIONS);
}

// ---- definitions and mapping ----

export type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type Defs = Map<string, { def: WorkflowDefinition; legalBasis: string }>;

/** The definitions governing a set of tasks, one lookup per distinct regime date. */
export async function definitionsFor(db: Db | Tx, tenantId: string, rows: { regimeDate: string }[]): Promise<Defs> {
  const defs: Defs = new Map();
  for (const date of new Set(rows.map((r) => r.regimeDate))) {
    const rule = await resolveWorkflow(db, { tenantId, workflow: TASK_WORKFLOW, regimeDate: date });
    defs.set(date, { def: rule.value, legalBasis: rule.legalBasis });
  }
  return defs;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function toTask(r: Row, defs: Defs, now = new Date()): Task {
  const def = defs.get(r.regimeDate)!.def;
  const stage = r.submittedAt ? stageOf(def, r.stage) : undefined;
  const daysInStage = round2((now.getTime() - r.stageEnteredAt.getTime()) / DAY_MS);
  const targetDays = stage?.targetDays ?? null;
  return {
    id: r.id, code: r.code, title: r.title, type: r.type as Task['type'], level: r.level as Task['level'],
    scienceField: r.scienceField,
    scienceFieldName: r.scienceFieldVi ? { vi: r.scienceFieldVi, en: r.scienceFieldEn ?? r.scienceFieldVi } : null,
    hostOrganizationId: r.hostOrganizationId, hostOrganizationName: r.hostOrganizationName,
    principalInvestigatorId: r.principalInvestigatorId, principalInvestigatorName: r.principalInvestigatorName,
    assignmentMode: r.assignmentMode as Task['assignmentMode'], fundingMode: r.fundingMode as Task['fundingMode'],
    proposalYear: r.proposalYear, regimeDate: r.regimeDate, startDate: r.startDate, endDate: r.endDate, summary: r.summary,
    stage: r.stage, stageName: stage?.name ?? (r.submittedAt ? { vi: r.stage, en: r.stage } : { ...DRAFT_STAGE_NAME }), stageCapabilities: capabilitiesOf(TASK_WORKFLOW, def, r.stage),
    stageEnteredAt: r.stageEnteredAt.toISOString(),
    daysInStage, targetDays, overdue: !stage?.terminal && targetDays !== null && daysInStage > targetDays,
    identificationPassed: r.identificationPassed, selectionPassed: r.selectionPassed,
    acceptanceRating: r.acceptanceRating as Task['acceptanceRating'], previousTaskId: r.previousTaskId,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    stateBudgetTotal: r.stateBudgetTotal, counterpartTotal: r.counterpartTotal,
    counterpartShare: r.stateBudgetTotal > 0 ? round2((r.counterpartTotal / r.stateBudgetTotal) * 100) : null,
    stateBudgetDisbursed: r.stateBudgetDisbursed, counterpartDisbursed: r.counterpartDisbursed,
    version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

export async function facts(ctx: Ctx, row: { id: string; hostOrganizationId: string | null; submittedAt: Date | null }) {
  const hostedByActor = !!ctx.actor.organizationId && row.hostOrganizationId === ctx.actor.organizationId;
  // An applicant of an organisation taking part (co-operating enterprise, beneficiary…) reads the task too.
  const participatedByActor = ctx.actor.role === 'applicant' && !hostedByActor && !!ctx.actor.organizationId
    && await repo.participates(ctx.db, row.id, ctx.actor.organizationId);
  let onItsCouncil = false;
  if (ctx.actor.role === 'reviewer') {
    // The councils module lists, for a member, only the councils they sit on.
    onItsCouncil = (await listCouncils(ctx, { subjectType: SUBJECT, subjectId: row.id, limit: 1 })).items.length > 0;
  }
  return { hostedByActor, participatedByActor, onItsCouncil, draft: row.submittedAt === null };
}

export async function readable(ctx: Ctx, id: string): Promise<Row> {
  const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  if (!can(ctx.actor, 'read', await facts(ctx, row))) throw notFound(ENTITY, id);
  return row;
}

// ---- validation of references ----

async function checkReferences(db: Db | Tx, tenantId: string, input: TaskInput) {
  const problems = await organizationReferenceProblems(db, tenantId, [
    ...(input.hostOrganizationId ? [{ path: 'body.hostOrganizationId', id: input.hostOrganizationId }] : []),
    ...(input.participants ?? []).map((p, i) => ({ path: `body.participants.${i}.organizationId`, id: p.organizationId })),
  ]);
  problems.push(...await personReferenceProblems(db, tenantId, [
    ...(input.principalInvestigatorId ? [{ path: 'body.principalInvestigatorId', id: input.principalInvestigatorId }] : []),
    ...input.members.map((m, i) => ({ path: `body.members.${i}.personId`, id: m.personId })),
  ]));
  if (problems.length) throw validationError(problems);
}

function values(input: TaskInput): Omit<repo.TaskValues, 'regimeDate' | 'stage' | 'stageEnteredAt' | 'proposalYear'> & { proposalYear: number } {
  return {
    code: input.code ?? null, title: input.title, type: input.type, level: input.level, scienceField: input.scienceField ?? null,
    hostOrganizationId: input.hostOrganizationId ?? null, principalInvestigatorId: input.principalInvestigatorId ?? null,
    assignmentMode: input.assignmentMode ?? null, fundingMode: input.fundingMode ?? null, proposalYear: input.proposalYear,
    startDate: input.startDate ?? null, endDate: input.endDate ?? null, summary: input.summary ?? null,
    searchText: fold([input.code, input.title].filter(Boolean).join(' ')), sortKey: sortKey(input.title),
  };
}

// ---- reads ----

export async function getTask(ctx: Ctx, id: string, now = new Date()): Promise<TaskDetail> {
  const row = await readable(ctx, id);
  return detail(ctx.db, ctx.actor.tenantId, row, now);
}

export async function detail(db: Db | Tx, tenantId: string, row: Row, now = new Date()): Promise<TaskDetail> {
  const defs = await definitionsFor(db, tenantId, [row]);
  const { def, legalBasis } = defs.get(row.regimeDate)!;
  const [members, funding, products, documents, progress, replications, lineage, participants, disbursements] = await runQueries(db, [
    () => repo.members(db, row.id), () => repo.funding(db, row.id), () => repo.products(db, row.id),
    () => attachmentsOf(db, tenantId, SUBJECT, row.id),
    () => repo.progress(db, row.id), () => replicationRepo.ofTasks(db, [row.id]), () => repo.lineage(db, tenantId, row.id),
    () => repo.participantsOf(db, [row.id]), () => repo.disbursements(db, row.id),
  ] as const);
  const lineageDefs = await definitionsFor(db, tenantId, lineage.map((l) => ({ regimeDate: l.regime_date })));
  return {
    ...toTask(row, defs, now),
    members: members.map((m) => ({ ...m, role: m.role as TaskDetail['members'][number]['role'] })),
    funding,
    products: products.map((p) => ({ ...p, kind: p.kind as TaskDetail['products'][number]['kind'], status: p.status as TaskDetail['products'][number]['status'] })),
    documents: documents.map((d) => ({
      id: d.id, kind: d.kind, kindName: def.labels?.documents?.[d.kind] ?? { vi: d.kind, en: d.kind }, fileName: d.fileName,
      contentType: d.contentType, size: d.size, note: d.note, uploadedAt: d.createdAt.toISOString(), uploadedBy: d.createdBy,
    })),
    progress: progress.map((p) => ({
      id: p.id, kind: p.kind as TaskDetail['progress'][number]['kind'], reportDate: p.reportDate, percentComplete: p.percentComplete,
      summary: p.summary, newEndDate: p.newEndDate, createdAt: p.createdAt.toISOString(),
    })),
    replications: replications.map((r) => modelDto(r)),
    participants: participants.map(({ taskId: _t, ...p }) => ({ ...p, role: p.role as TaskDetail['participants'][number]['role'] })),
    disbursements: disbursements.map(toDisbursement),
    fundingSummary: summarizeFunding(funding, disbursedAmounts(disbursements)),
    lineage: lineage.map((l) => ({
      id: l.id, title: l.title, proposalYear: Number(l.proposal_year), stage: l.stage,
      stageName: stageOf(lineageDefs.get(l.regime_date)!.def, l.stage)?.name ?? { vi: l.stage, en: l.stage },
    })),
    legalBasis,
  };
}

export async function listTasks(ctx: Ctx, q: TaskListQuery, now = new Date()) {
  const staff = can(ctx.actor, 'list');
  if (!staff && !can(ctx.actor, 'list_own')) throw forbidden();
  // An applicant's list: what its organisation hosts (its drafts too) or takes part in.
  const filter: repo.ListFilter = { ...q, ...(staff ? {} : { organizationId: ctx.actor.organizationId! }) };
  if (q.overdue !== undefined) {
    const current = await currentStages(ctx.db, { tenantId: ctx.actor.tenantId, subjectType: SUBJECT, asOf: now });
    filter.ids = current.items.filter((i) => i.overdue === q.overdue && !i.terminal).map((i) => i.subjectId);
  }
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, filter, decodeCursor(q.cursor));
  const defs = await definitionsFor(ctx.db, ctx.actor.tenantId, rows);
  return page(rows, q.limit, (r) => toTask(r, defs, now));
}

// ---- writes ----

/** `previousTaskId`: the proposal this one revises (set by reproposeTask, in the same transaction). */
export async function createTask(ctx: Ctx, input: TaskCreate, o: { previousTaskId?: string } = {}): Promise<TaskDetail> {
  if (!can(ctx.actor, 'create')) throw forbidden();
  const regimeDate = input.proposedOn ?? todayInVietnam();
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, ctx.actor.tenantId, input);
    const rule = await resolveWorkflow(tx, { tenantId: ctx.actor.tenantId, workflow: TASK_WORKFLOW, regimeDate });
    const initial = rule.value.stages[0].key;
    const id = await repo.insert(tx, ctx.actor.tenantId, {
      ...values(input), regimeDate, stage: initial, stageEnteredAt: new Date(), previousTaskId: o.previousTaskId ?? null, submittedAt: new Date(),
    })
      .catch((e) => mapConstraintError(e, constraints, input));
    await repo.replaceChildren(tx, id, input).catch((e) => mapConstraintError(e, constraints, input));
    // The proposal stage began on the proposal date (a proposal entered later still counts its days from then).
    const proposedAt = input.proposedOn ? new Date(`${input.proposedOn}T08:00:00+07:00`) : new Date();
    const started = await enterInitialStage(tx, ctx, {
      workflow: TASK_WORKFLOW, subjectType: SUBJECT, subjectId: id, regimeDate, at: proposedAt < new Date() ? proposedAt : new Date(),
    });
    await repo.setStage(tx, id, started.to, new Date(started.at));
    const created = await detail(tx, ctx.actor.tenantId, (await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: auditView(created) });
    return created;
  });
}

/** What the audit log keeps of a task: its own fields and children, without document contents (disbursements are audited apart). */
export function auditView(t: TaskDetail) {
  const {
    documents, progress: _p, replications: _r, lineage: _l, daysInStage: _d, overdue: _o, disbursements: _b, fundingSummary: _f,
    stateBudgetDisbursed: _sd, counterpartDisbursed: _cd, ...rest
  } = t;
  return { ...rest, documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, size: d.size })) };
}

/**
 * Every write that reads the task and then writes (it, or a record whose rules depend on its stage) first locks the
 * task's row (SELECT … FOR UPDATE) in its transaction: a concurrent write waits for this one to commit, then reads
 * what it wrote — so a checked stage, end date or version is still true when the write lands (no lost update).
 */
export async function lockedTask(tx: Tx, tenantId: string, id: string, o: { drafts?: boolean } = {}): Promise<Row> {
  if (!(await repo.lock(tx, tenantId, id))) throw notFound(ENTITY, id);
  const row = (await repo.findById(tx, tenantId, id))!;
  // The DOST's writes never reach an applicant's draft: it is not theirs until submitted.
  if (row.submittedAt === null && !o.drafts) throw notFound(ENTITY, id);
  return row;
}

/** Updates a task at `version`; an update that touched no row throws (409 naming the current version, or 404). */
async function mustUpdate(tx: Tx, tenantId: string, id: string, version: number, values: Partial<repo.TaskValues>) {
  if (await repo.update(tx, tenantId, id, version, values)) return;
  const current = await repo.findById(tx, tenantId, id);
  if (!current) throw notFound(ENTITY, id);
  throw versionConflict(current.version, version);
}

/** As `lockedTask`, for a write sent with the version the client read: another version → 409. */
async function lockedRow(tx: Tx, ctx: Ctx, id: string, version: number) {
  const row = await lockedTask(tx, ctx.actor.tenantId, id);
  if (row.version !== version) throw versionConflict(row.version, version);
  return row;
}

/** Refuses changes to a task whose stage closes it (capabilities of the definition governing it). */
export async function assertNotFinished(tx: Tx, tenantId: string, row: Row) {
  const { def } = (await definitionsFor(tx, tenantId, [row])).get(row.regimeDate)!;
  if (capabilitiesOf(TASK_WORKFLOW, def, row.stage).closes) {
    const name = stageOf(def, row.stage)?.name ?? { vi: row.stage, en: row.stage };
    throw new AppError('task.finished', { status: 409, params: { stage: name }, details: { stage: row.stage } });
  }
  return def;
}

export async function updateTask(ctx: Ctx, id: string, input: TaskUpdate): Promise<TaskDetail> {
  if (!can(ctx.actor, 'update')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await lockedRow(tx, ctx, id, input.version);
    await assertNotFinished(tx, ctx.actor.tenantId, row);
    await checkReferences(tx, ctx.actor.tenantId, input);
    const before = await detail(tx, ctx.actor.tenantId, row);
    const ok = await repo.update(tx, ctx.actor.tenantId, id, input.version, values(input)).catch((e) => mapConstraintError(e, constraints, input));
    if (!ok) throw versionConflict(row.version, input.version);
    await repo.replaceChildren(tx, id, input).catch((e) => mapConstraintError(e, constraints, input));
    const after = await detail(tx, ctx.actor.tenantId, (await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/**
 * The facts a transition may require (workflow definition: requiredFields). Council outcomes count only as `true`
 * (a missing or failed outcome is "missing"), so the refusal names what is still needed.
 */
async function transitionFacts(db: Db | Tx, row: Row) {
  const products = await repo.products(db, row.id);
  return {
    title: row.title, scienceField: row.scienceField, assignmentMode: row.assignmentMode,
    hostOrganizationId: row.hostOrganizationId, principalInvestigatorId: row.principalInvestigatorId,
    identificationPassed: row.identificationPassed === true ? true : null,
    selectionPassed: row.selectionPassed === true ? true : null,
    stateBudget: row.stateBudgetTotal > 0 ? row.stateBudgetTotal : null,
    fundingMode: row.fundingMode, code: row.code, startDate: row.startDate, endDate: row.endDate,
    products: products.filter((p) => p.specification.trim() !== '').map((p) => p.name),
    acceptancePassed: row.acceptanceRating === 'passed' || row.acceptanceRating === 'excellent' ? true : null,
    acceptanceFailed: row.acceptanceRating === 'failed' ? true : null,
  };
}

export async function transitionTask(ctx: Ctx, id: string, body: { action: string; note?: string | null; version: number }, at?: Date | string): Promise<TaskDetail> {
  if (!can(ctx.actor, 'transition')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await lockedRow(tx, ctx, id, body.version);
    const result = await applyTransition(tx, ctx, {
      workflow: TASK_WORKFLOW, subjectType: SUBJECT, subjectId: id, currentStage: row.stage, regimeDate: row.regimeDate,
      action: body.action, documents: await attachedKinds(tx, ctx.actor.tenantId, SUBJECT, id), fields: await transitionFacts(tx, row),
      note: body.note, at,
    });
    await mustUpdate(tx, ctx.actor.tenantId, id, body.version, { stage: result.to, stageEnteredAt: new Date(result.at) });
    const after = await detail(tx, ctx.actor.tenantId, (await repo.findById(tx, ctx.actor.tenantId, id))!);
    // The host organisation's accounts follow their task: its stage changed.
    if (row.hostOrganizationId) {
      await notify(tx, {
        tenantId: ctx.actor.tenantId, kind: 'task.stage_changed', subject: { type: SUBJECT, id },
        title: 'task.notice.stage_changed', body: body.note ? 'task.notice.stage_changed.note' : 'task.notice.stage_changed.body',
        params: { title: row.title, stage: after.stageName, note: body.note ?? '' },
        to: [{ organizationId: row.hostOrganizationId, role: 'applicant' }],
      });
    }
    return after;
  });
}

export async function taskActions(ctx: Ctx, id: string) {
  const row = await readable(ctx, id);
  if (row.submittedAt === null) {
    // A draft is in no stage of the workflow yet: its one step is its submission (POST /api/tasks/proposals/:id/submit),
    // with what it still lacks under the definition in force today, the day it would be proposed.
    const draft = await detail(ctx.db, ctx.actor.tenantId, row);
    const req = await proposalRequirements(ctx.db, ctx.actor.tenantId, draft, todayInVietnam());
    return {
      stage: { key: row.stage, name: { ...DRAFT_STAGE_NAME }, targetDays: null, terminal: false },
      othersMayAct: [],
      actions: [{
        action: 'submit_proposal', name: { vi: 'Gửi đề xuất tới Sở KH&CN', en: 'Submit the proposal to the DOST' },
        to: req.firstStage.key, toName: req.firstStage.name, note: null, ready: req.problems.length === 0,
        missingDocuments: req.missingDocuments, missingFields: req.missingFields,
      }],
      ruleVersionId: req.ruleVersionId, legalBasis: req.legalBasis,
    };
  }
  return availableActions(ctx.db, {
    tenantId: ctx.actor.tenantId, workflow: TASK_WORKFLOW, regimeDate: row.regimeDate, currentStage: row.stage, role: ctx.actor.role,
    documents: await attachedKinds(ctx.db, ctx.actor.tenantId, SUBJECT, id), fields: await transitionFacts(ctx.db, row),
  });
}

/**
 * What a draft needs before it is submitted on `regimeDate`: the fields ProposalReady requires (the web form checks
 * the same schema) and the documents the first stage's transitions require in the workflow definition in force.
 */
export async function proposalRequirements(db: Db | Tx, tenantId: string, draft: TaskDetail, regimeDate: string) {
  const rule = await resolveWorkflow(db, { tenantId, workflow: TASK_WORKFLOW, regimeDate });
  const def = rule.value;
  const first = def.stages[0];
  const problems: { path: string; code: string; i18n: string; params: Record<string, unknown> }[] = [];
  const checked = ProposalReady.safeParse({
    title: draft.title, type: draft.type, level: draft.level, scienceField: draft.scienceField, proposalYear: draft.proposalYear,
    summary: draft.summary, startDate: draft.startDate, endDate: draft.endDate, funding: draft.funding,
    products: draft.products.map((p) => ({ name: p.name, kind: p.kind, specification: p.specification, quantity: p.quantity, unit: p.unit, status: p.status })),
  });
  const missingFields = checked.success ? [] : [...new Set(checked.error.issues.map((i) => String(i.path[0])))];
  for (const issue of checked.success ? [] : checked.error.issues) {
    problems.push({ path: ['body', ...issue.path.map(String)].join('.'), code: issue.code, i18n: 'task.proposal_field_required', params: {} });
  }
  const required = [...new Set(def.transitions.filter((t) => t.from.includes(first.key)).flatMap((t) => t.requiredDocuments ?? []))];
  const attached = new Set(draft.documents.map((d) => d.kind));
  const missingDocuments = required.filter((k) => !attached.has(k));
  for (const kind of missingDocuments) {
    problems.push({
      path: `documents.${kind}`, code: 'missing_document', i18n: 'task.proposal_document_missing',
      params: { document: def.labels?.documents?.[kind] ?? { vi: kind, en: kind } },
    });
  }
  return { ruleVersionId: rule.id, legalBasis: rule.legalBasis, firstStage: first, problems, missingFields, missingDocuments, requiredDocuments: required };
}

export async function taskHistory(ctx: Ctx, id: string) {
  await readable(ctx, id);
  return history(ctx.db, { tenantId: ctx.actor.tenantId, subjectType: SUBJECT, subjectId: id });
}

/**
 * The reviewer accounts the DOST may link a task council's member to (GET /api/users is for admins only, yet the
 * officer who sets up the council must name the account the member scores with).
 */
export async function reviewerAccounts(ctx: Ctx) {
  if (!can(ctx.actor, 'update')) throw forbidden();
  return { items: await listReviewerAccounts(ctx.db, ctx.actor.tenantId) };
}

// ---- documents: attachments of subject type 'task' ----

/**
 * The files of a task are attachments (attachments module): any reader of the task reads them, its editors attach
 * and remove them while the task has not finished, and the kinds are the document kinds of the workflow definition
 * that governs the task. Limits per kind are the rule `attachments.limits.task` (national default: tasks.attachments.ts).
 */
const taskAttachmentSubject: AttachmentSubject = {
  label: { vi: 'nhiệm vụ', en: 'a task' },
  find: async (ctx, id) => {
    const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
    if (!row) return null;
    const { def } = (await definitionsFor(ctx.db, ctx.actor.tenantId, [row])).get(row.regimeDate)!;
    const f = await facts(ctx, row);
    const editor = can(ctx.actor, 'update', f);
    // The host organisation's applicant attaches and removes the files of its draft, and while the DOST has asked
    // for missing papers attaches new ones (its answer); the DOST's files stay the DOST's.
    const ownDraft = can(ctx.actor, 'edit_draft', f);
    const answering = !f.draft && can(ctx.actor, 'answer_papers', f) && !!(await repo.openPaperRequest(ctx.db, ctx.actor.tenantId, id));
    return {
      may: { read: can(ctx.actor, 'read', f), attach: editor || ownDraft || answering, remove: editor || ownDraft },
      kinds: def.labels?.documents ?? {},
      // The task locked and read again inside the write's transaction: a stage change in flight is waited for.
      checkWrite: async (tx) => {
        const locked = await lockedTask(tx, ctx.actor.tenantId, id, { drafts: ownDraft });
        if (ownDraft) {
          if (locked.submittedAt !== null) throw new AppError('task.proposal_already_submitted', { status: 409 });
          return;
        }
        await assertNotFinished(tx, ctx.actor.tenantId, locked);
        if (!editor && !(await repo.openPaperRequest(tx, ctx.actor.tenantId, id))) throw new AppError('task.papers_request_closed', { status: 409 });
      },
    };
  },
  limits: TASK_ATTACHMENT_LIMITS,
};

/** Attaches a document sent as base64 JSON (`POST /api/tasks/:id/documents`, the demo seed); returns the task. */
export async function addDocument(ctx: Ctx, id: string, upload: DocumentUpload) {
  await attach(ctx, {
    subjectType: SUBJECT, subjectId: id, kind: upload.kind, fileName: upload.fileName, declaredType: upload.contentType,
    note: upload.note ?? null, bytes: Buffer.from(upload.contentBase64, 'base64'), paths: { kind: 'body.kind', file: 'body.contentBase64' },
  });
  return getTask(ctx, id);
}

export const getDocument = (ctx: Ctx, id: string, docId: string) => readAttachment(ctx, SUBJECT, id, docId);

export const removeDocument = (ctx: Ctx, id: string, docId: string) => removeAttachment(ctx, SUBJECT, id, docId);

// ---- progress, replication, re-proposal ----

/** Refuses, naming the stages that allow it, what the task's current stage does not allow. */
function requireAllowed(row: Row, def: WorkflowDefinition, capability: string) {
  const allows = (key: string) => capabilitiesOf(TASK_WORKFLOW, def, key).allows.includes(capability);
  if (!allows(row.stage)) {
    const stages = def.stages.map((st) => st.key).filter(allows);
    const name = (k: string) => stageOf(def, k)?.name ?? { vi: k, en: k };
    throw new AppError('task.not_in_stage', {
      status: 409,
      params: {
        stage: name(row.stage),
        stages: { vi: stages.map((s) => `"${name(s).vi}"`).join(', '), en: stages.map((s) => `"${name(s).en}"`).join(', ') },
      },
      details: { stage: row.stage, allowedStages: stages },
    });
  }
}

export async function addProgress(ctx: Ctx, id: string, input: ProgressInput) {
  if (!can(ctx.actor, 'update')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await lockedTask(tx, ctx.actor.tenantId, id);
    const { def } = (await definitionsFor(tx, ctx.actor.tenantId, [row])).get(row.regimeDate)!;
    requireAllowed(row, def, input.kind === 'extension' ? 'extension' : 'progress');
    const progressId = await repo.insertProgress(tx, {
      taskId: id, kind: input.kind, reportDate: input.reportDate, percentComplete: input.percentComplete ?? null,
      summary: input.summary, newEndDate: input.newEndDate ?? null, createdBy: ctx.actor.userId,
    });
    if (input.kind === 'extension' && input.newEndDate) {
      await mustUpdate(tx, ctx.actor.tenantId, id, row.version, { endDate: input.newEndDate });
    }
    await recordAudit(tx, ctx, { action: `progress_${input.kind}`, entity: ENTITY, entityId: id, before: { endDate: row.endDate }, after: { progressId, ...input } });
    return detail(tx, ctx.actor.tenantId, (await repo.findById(tx, ctx.actor.tenantId, id))!);
  });
}

/**
 * The task, locked, in a stage that allows recording replications (409 `task.not_in_stage` otherwise): the register
 * of replicated models (tasks.replications.ts) links a model to a task only then, as the task's own panel does.
 */
export async function lockReplicableTask(tx: Tx, tenantId: string, id: string): Promise<void> {
  const row = await lockedTask(tx, tenantId, id);
  const { def } = (await definitionsFor(tx, tenantId, [row])).get(row.regimeDate)!;
  requireAllowed(row, def, 'replication');
}

export async function addReplication(ctx: Ctx, id: string, input: ReplicationInput) {
  if (!can(ctx.actor, 'update')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await lockedTask(tx, ctx.actor.tenantId, id);
    const { def } = (await definitionsFor(tx, ctx.actor.tenantId, [row])).get(row.regimeDate)!;
    requireAllowed(row, def, 'replication');
    await checkModelReferences(tx, ctx, input);
    const replicationId = await repo.insertReplication(tx, {
      tenantId: ctx.actor.tenantId, taskId: id, adminUnitId: input.adminUnitId ?? null, place: input.place, adopterOrganizationId: input.adopterOrganizationId ?? null,
      adopterName: input.adopterName ?? null, scale: input.scale, year: input.year, note: input.note ?? null, createdBy: ctx.actor.userId,
      name: input.name ?? null, results: input.results ?? null, supportAmount: input.supportAmount ?? null,
      legalDocumentId: input.legalDocumentId ?? null, applicationId: input.applicationId ?? null, sourceKind: 'task',
    });
    await recordAudit(tx, ctx, { action: 'replicate', entity: ENTITY, entityId: id, after: { replicationId, ...input } });
    return detail(tx, ctx.actor.tenantId, row);
  });
}

/** A proposal that was not approved, revised and proposed again in a later year: a new task linked to the old one. */
export async function reproposeTask(ctx: Ctx, id: string, input: { proposalYear: number; title?: string | null; proposedOn?: string }) {
  if (!can(ctx.actor, 'create')) throw forbidden();
  // The old proposal stays locked until the new one is written, so the stage checked is the one it keeps.
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.lock(tx, ctx.actor.tenantId, id))) throw notFound(ENTITY, id);
    return reproposeLocked({ ...ctx, db: tx as unknown as Db }, id, input);
  });
}

async function reproposeLocked(ctx: Ctx, id: string, input: { proposalYear: number; title?: string | null; proposedOn?: string }) {
  const source = await getTask(ctx, id);
  const { def } = (await definitionsFor(ctx.db, ctx.actor.tenantId, [source])).get(source.regimeDate)!;
  if (!capabilitiesOf(TASK_WORKFLOW, def, source.stage).allows.includes('repropose')) {
    throw new AppError('task.repropose_only_not_approved', { status: 409, params: { stage: source.stageName }, details: { stage: source.stage } });
  }
  if (input.proposalYear <= source.proposalYear) {
    throw new AppError('task.repropose_later_year', {
      status: 400, params: { year: source.proposalYear }, details: [{ path: 'body.proposalYear', code: 'too_small', minimum: source.proposalYear + 1 }],
    });
  }
  const created = await createTask(ctx, {
    title: input.title ?? source.title, type: source.type, level: source.level, scienceField: source.scienceField,
    hostOrganizationId: source.hostOrganizationId, principalInvestigatorId: source.principalInvestigatorId,
    assignmentMode: source.assignmentMode, fundingMode: source.fundingMode, proposalYear: input.proposalYear,
    code: null, startDate: null, endDate: null, summary: source.summary,
    members: source.members.map((m) => ({ personId: m.personId, role: m.role })),
    participants: source.participants.map((p) => ({ organizationId: p.organizationId, role: p.role, note: p.note })),
    funding: [], products: source.products.map(({ id: _i, position: _p, ...p }) => ({ ...p, status: 'planned' as const })),
    proposedOn: input.proposedOn,
  }, { previousTaskId: id });
  return created;
}

// ---- disbursements (cấp phát kinh phí) ----

const DISBURSEMENT = 'task_disbursement';
type DisbursementRow = NonNullable<Awaited<ReturnType<typeof repo.findDisbursement>>>;

function toDisbursement(d: DisbursementRow): TaskDisbursement {
  return {
    id: d.id, taskId: d.taskId, disbursedOn: d.disbursedOn, amount: d.amount, source: d.source as TaskDisbursement['source'],
    decisionNo: d.decisionNo, decisionDate: d.decisionDate, note: d.note, version: d.version,
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

/** A task's disbursements as versioned records: one found under another task of the province is not found. */
const disbursementRecords = (taskId: string) => versionedRecords({
  entity: DISBURSEMENT, constraints: {},
  find: (db, tenantId, id) => repo.findDisbursement(db, tenantId, id, taskId),
  toDto: toDisbursement, writes: repo.disbursementWrites,
});

/** Disbursements as the summary counts them: by the year of their date. */
const disbursedAmounts = (rows: DisbursementRow[]) => rows.map((d) => ({ year: Number(d.disbursedOn.slice(0, 4)), source: d.source, amount: d.amount }));

const disbursementValues = (input: DisbursementInput) => ({
  disbursedOn: input.disbursedOn, amount: input.amount, source: input.source, decisionNo: input.decisionNo ?? null,
  decisionDate: input.decisionDate ?? null, note: input.note ?? null,
});

/**
 * Writes to a task's funding follow the task's own policy (its editors: the DOST's officers) and stage: the task is
 * locked and read again in the write's transaction, and one whose stage closes it takes no more changes.
 */
const fundingWrite = (ctx: Ctx, taskId: string) => ({
  authorize: () => can(ctx.actor, 'update'),
  check: async (tx: Tx) => { await assertNotFinished(tx, ctx.actor.tenantId, await lockedTask(tx, ctx.actor.tenantId, taskId)); },
});

export async function listDisbursements(ctx: Ctx, taskId: string) {
  const row = await readable(ctx, taskId);
  const [funding, items] = await runQueries(ctx.db, [() => repo.funding(ctx.db, row.id), () => repo.disbursements(ctx.db, row.id)] as const);
  return {
    items: items.map(toDisbursement),
    summary: summarizeFunding(funding, disbursedAmounts(items)),
  };
}

export async function addDisbursement(ctx: Ctx, taskId: string, input: DisbursementInput): Promise<TaskDisbursement> {
  return disbursementRecords(taskId).create(ctx, { taskId, createdBy: ctx.actor.userId, ...disbursementValues(input) },
    { ...fundingWrite(ctx, taskId), input });
}

export async function updateDisbursement(ctx: Ctx, taskId: string, id: string, input: DisbursementUpdate): Promise<TaskDisbursement> {
  return disbursementRecords(taskId).update(ctx, id, input.version, disbursementValues(input), { ...fundingWrite(ctx, taskId), input });
}

export async function removeDisbursement(ctx: Ctx, taskId: string, id: string, version: number): Promise<void> {
  await disbursementRecords(taskId).remove(ctx, id, version, fundingWrite(ctx, taskId));
}

/**
 * Planned funding against disbursements, by year and source, over the province's tasks — or those in `taskIds` or
 * at `stages` — for whoever reads the task overview (the leader's home reads it; a proposal's requested funding
 * counts as planned unless the caller narrows the tasks).
 */
export async function fundingSummary(ctx: Ctx, scope: repo.FundingScope = {}): Promise<FundingSummary> {
  if (!can(ctx.actor, 'dashboard')) throw forbidden();
  const { planned, disbursed } = await repo.fundingFigures(ctx.db, ctx.actor.tenantId, scope);
  return summarizeFunding(planned, disbursed);
}

// ---- dashboard, export, public ----

export async function taskDashboard(ctx: Ctx, q: { year?: number }, now = new Date()) {
  if (!can(ctx.actor, 'dashboard')) throw forbidden();
  const tenantId = ctx.actor.tenantId;
  const [counts, current, durations] = await Promise.all([
    repo.stageCounts(ctx.db, tenantId),
    currentStages(ctx.db, { tenantId, subjectType: SUBJECT, asOf: now }),
    stageDurations(ctx.db, { tenantId, subjectType: SUBJECT, year: q.year }),
  ]);
  const rule = await resolveWorkflow(ctx.db, { tenantId, workflow: TASK_WORKFLOW, regimeDate: todayInVietnam(now) });
  const overdueIds = current.items.filter((i) => i.overdue).map((i) => i.subjectId);
  const overdueRows = await repo.list(ctx.db, tenantId, { limit: 200, ids: overdueIds }, null);
  const defs = await definitionsFor(ctx.db, tenantId, overdueRows);
  const countOf = new Map(counts.map((c) => [c.stage, c.count]));
  const overdueOf = new Map<string, number>();
  for (const i of current.items) if (i.overdue) overdueOf.set(i.stage, (overdueOf.get(i.stage) ?? 0) + 1);
  return {
    asOf: now.toISOString(),
    stages: rule.value.stages.map((s) => ({
      stage: s.key, stageName: s.name, count: countOf.get(s.key) ?? 0, overdue: overdueOf.get(s.key) ?? 0, targetDays: s.targetDays ?? null,
    })),
    overdue: overdueRows.slice(0, 200).map((r) => toTask(r, defs, now)).sort((a, b) => b.daysInStage - a.daysInStage),
    durations: durations.map((d) => ({
      year: d.year, stage: d.stage, stageName: d.name ?? { vi: d.stage, en: d.stage }, count: d.count,
      medianDays: d.medianDays, p90Days: d.p90Days, targetDays: d.targetDays,
    })),
  };
}

/** Every task matching the filters (all pages) as an XLSX workbook. */
export async function exportTasks(ctx: Ctx, q: TaskListQuery, lang: Lang) {
  if (!can(ctx.actor, 'export')) throw forbidden();
  const rows = await collectPages((page) => listTasks(ctx, { ...q, ...page }));
  const participants = new Map<string, string[]>();
  for (const p of await repo.participantsOf(ctx.db, rows.map((r) => r.id))) {
    participants.set(p.taskId, [...(participants.get(p.taskId) ?? []), `${p.organizationName} (${labelOf(PARTICIPANT_ROLE_LABELS, p.role, lang)})`]);
  }
  return toXlsx<Task>({
    title: lang === 'vi' ? 'Danh sách nhiệm vụ khoa học và công nghệ' : 'S&T tasks',
    sheetName: lang === 'vi' ? 'Nhiệm vụ' : 'Tasks',
    lang,
    rows,
    columns: [
      { key: 'code', header: { vi: 'Mã số', en: 'Code' }, type: 'text' },
      { key: 'title', header: { vi: 'Tên nhiệm vụ', en: 'Title' }, type: 'text', width: 60 },
      { key: (t) => labelOf(TASK_TYPE_LABELS, t.type, lang), header: { vi: 'Loại', en: 'Type' }, type: 'text' },
      { key: 'proposalYear', header: { vi: 'Năm đề xuất', en: 'Proposal year' }, type: 'year' },
      { key: (t) => t.stageName[lang], header: { vi: 'Giai đoạn', en: 'Stage' }, type: 'text', width: 30 },
      { key: 'daysInStage', header: { vi: 'Số ngày ở giai đoạn', en: 'Days in stage' }, type: 'number', decimals: 0 },
      { key: (t) => (t.overdue ? (lang === 'vi' ? 'Quá hạn' : 'Overdue') : ''), header: { vi: 'Quá hạn', en: 'Overdue' }, type: 'text' },
      { key: 'hostOrganizationName', header: { vi: 'Tổ chức chủ trì', en: 'Host organisation' }, type: 'text', width: 40 },
      { key: 'principalInvestigatorName', header: { vi: 'Chủ nhiệm', en: 'Principal investigator' }, type: 'text', width: 25 },
      { key: (t) => labelOf(FUNDING_MODE_LABELS, t.fundingMode, lang), header: { vi: 'Phương thức khoán', en: 'Funding mode' }, type: 'text' },
      { key: 'stateBudgetTotal', header: { vi: 'Kinh phí NSNN (triệu đồng)', en: 'State budget (million VND)' }, type: 'money' },
      { key: 'counterpartTotal', header: { vi: 'Kinh phí đối ứng (triệu đồng)', en: 'Counterpart (million VND)' }, type: 'money' },
      { key: 'counterpartShare', header: { vi: 'Tỷ lệ đối ứng', en: 'Counterpart share' }, type: 'percent' },
      { key: 'stateBudgetDisbursed', header: { vi: 'NSNN đã giải ngân (triệu đồng)', en: 'State budget disbursed (million VND)' }, type: 'money' },
      { key: (t) => percentOf(t.stateBudgetDisbursed, t.stateBudgetTotal), header: { vi: 'Tỷ lệ giải ngân NSNN', en: 'State budget disbursed share' }, type: 'percent' },
      { key: 'counterpartDisbursed', header: { vi: 'Đối ứng đã giải ngân (triệu đồng)', en: 'Counterpart disbursed (million VND)' }, type: 'money' },
      { key: (t) => participants.get(t.id)?.join('; ') ?? '', header: { vi: 'Tổ chức tham gia', en: 'Participating organisations' }, type: 'text', width: 40 },
      { key: 'startDate', header: { vi: 'Bắt đầu', en: 'Start' }, type: 'date' },
      { key: 'endDate', header: { vi: 'Kết thúc', en: 'End' }, type: 'date' },
    ],
  });
}

/**
 * One task's funding as an XLSX workbook, for whoever reads the task: planned against disbursed by year and source
 * (with the totals and the shares), every disbursement with its decision, and the organisations taking part.
 */
export async function exportTask(ctx: Ctx, id: string, lang: Lang): Promise<{ buffer: Buffer; fileName: string }> {
  const task = await getTask(ctx, id);
  const l = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const title = `${task.code ? `${task.code} — ` : ''}${task.title}`;
  type Year = FundingSummary['years'][number];
  const years: (Omit<Year, 'year'> & { year: string })[] = [
    ...task.fundingSummary.years.map((y) => ({ ...y, year: String(y.year) })),
    { ...task.fundingSummary.totals, year: l('Tổng cộng', 'Total') },
  ];
  const money = (vi: string, en: string) => ({ vi: `${vi} (triệu đồng)`, en: `${en} (million VND)` });
  const buffer = await toXlsxBook([
    xlsxSheet({
      title, sheetName: l('Kinh phí theo năm', 'Funding by year'), lang, rows: years,
      columns: [
        { key: 'year', header: { vi: 'Năm', en: 'Year' }, type: 'text', width: 12 },
        { key: (y) => y.stateBudget.planned, header: money('NSNN kế hoạch', 'State budget planned'), type: 'money' },
        { key: (y) => y.stateBudget.disbursed, header: money('NSNN đã giải ngân', 'State budget disbursed'), type: 'money' },
        { key: (y) => y.stateBudget.share, header: { vi: 'Tỷ lệ giải ngân NSNN', en: 'State budget disbursed share' }, type: 'percent' },
        { key: (y) => y.counterpart.planned, header: money('Đối ứng kế hoạch', 'Counterpart planned'), type: 'money' },
        { key: (y) => y.counterpart.disbursed, header: money('Đối ứng đã giải ngân', 'Counterpart disbursed'), type: 'money' },
        { key: (y) => y.counterpart.share, header: { vi: 'Tỷ lệ giải ngân đối ứng', en: 'Counterpart disbursed share' }, type: 'percent' },
        { key: (y) => y.other.disbursed, header: money('Nguồn khác đã giải ngân', 'Other sources disbursed'), type: 'money' },
        { key: (y) => y.total.planned, header: money('Tổng kế hoạch', 'Total planned'), type: 'money' },
        { key: (y) => y.total.disbursed, header: money('Tổng đã giải ngân', 'Total disbursed'), type: 'money' },
        { key: (y) => y.total.share, header: { vi: 'Tỷ lệ giải ngân', en: 'Disbursed share' }, type: 'percent' },
        { key: (y) => y.counterpartShare.planned, header: { vi: 'Tỷ lệ đối ứng so với NSNN (kế hoạch)', en: 'Counterpart / state budget (planned)' }, type: 'percent' },
      ],
    }),
    xlsxSheet({
      title, sheetName: l('Cấp phát kinh phí', 'Disbursements'), lang, rows: task.disbursements,
      columns: [
        { key: 'disbursedOn', header: { vi: 'Ngày cấp', en: 'Date' }, type: 'date' },
        { key: (d) => labelOf(DISBURSEMENT_SOURCE_LABELS, d.source, lang), header: { vi: 'Nguồn kinh phí', en: 'Source' }, type: 'text', width: 22 },
        { key: 'amount', header: money('Số tiền', 'Amount'), type: 'money' },
        { key: 'decisionNo', header: { vi: 'Số quyết định', en: 'Decision no.' }, type: 'text', width: 20 },
        { key: 'decisionDate', header: { vi: 'Ngày quyết định', en: 'Decision date' }, type: 'date' },
        { key: 'note', header: { vi: 'Ghi chú', en: 'Note' }, type: 'text', width: 40 },
      ],
    }),
    xlsxSheet({
      title, sheetName: l('Tổ chức tham gia', 'Organisations'), lang,
      rows: [
        ...(task.hostOrganizationName ? [{ name: task.hostOrganizationName, role: l('Tổ chức chủ trì', 'Host organisation'), note: null }] : []),
        ...task.participants.map((p) => ({ name: p.organizationName, role: labelOf(PARTICIPANT_ROLE_LABELS, p.role, lang), note: p.note })),
      ],
      columns: [
        { key: 'name', header: { vi: 'Tổ chức', en: 'Organisation' }, type: 'text', width: 50 },
        { key: 'role', header: { vi: 'Vai trò', en: 'Role' }, type: 'text', width: 30 },
        { key: 'note', header: { vi: 'Ghi chú', en: 'Note' }, type: 'text', width: 40 },
      ],
    }),
  ]);
  const stem = (task.code ?? task.id.slice(0, 8)).replace(/[\\/:*?"<>|\s]+/g, '-');
  return { buffer, fileName: `${l('nhiem-vu', 'task')}-${stem}.xlsx` };
}

const PUBLIC_RATINGS = ['passed', 'excellent'];

/** Accepted tasks of a province for the public portal: title, host, PI, years, products, abstract, replication. */
export async function listPublicTasks(db: Db, o: { tenantId: string; q?: string; cursor?: string; limit: number }) {
  // The stages public in any version of the task workflow that governs the province's tasks.
  const stages = await stagesWhere(db, { tenantId: o.tenantId, workflow: TASK_WORKFLOW, test: (c) => c.public });
  const rows = await repo.list(db, o.tenantId, { q: o.q, limit: o.limit, stages, ratings: PUBLIC_RATINGS }, decodeCursor(o.cursor));
  const ids = rows.map((r) => r.id);
  const [products, replications, participants] = await Promise.all([repo.productsOf(db, ids), repo.replications(db, ids), repo.participantsOf(db, ids)]);
  return page(rows, o.limit, (r) => ({
    id: r.id, code: r.code, title: r.title, hostOrganizationName: r.hostOrganizationName, principalInvestigatorName: r.principalInvestigatorName,
    startYear: r.startDate ? Number(r.startDate.slice(0, 4)) : null, endYear: r.endDate ? Number(r.endDate.slice(0, 4)) : null,
    acceptanceRating: r.acceptanceRating as Task['acceptanceRating'], summary: r.summary,
    scienceFieldName: r.scienceFieldVi ? { vi: r.scienceFieldVi, en: r.scienceFieldEn ?? r.scienceFieldVi } : null,
    products: products.filter((p) => p.taskId === r.id).map((p) => ({ name: p.name, kind: p.kind as (typeof PRODUCT_KINDS)[number], specification: p.specification })),
    replications: replications.filter((x) => x.taskId === r.id).map((x) => ({ place: x.place, scale: x.scale, year: x.year, adopterName: x.adopterName })),
    participants: participants.filter((x) => x.taskId === r.id)
      .map((x) => ({ name: x.organizationName, role: x.role as TaskDetail['participants'][number]['role'] })),
  }));
}

// ---- councils about tasks ----

const canListTasks = (actor: Actor) => can(actor, 'list');

const taskCouncilSubject: CouncilSubjectType = {
  label: { vi: 'nhiệm vụ', en: 'task' },
  /**
   * Its councils keep the rules of its regime date (as its workflow does), and flag members who are its principal
   * investigator or work at its host organisation or the PI's organisation as likely conflicts of interest.
   */
  find: async (db, tenantId, id) => {
    const row = await repo.findById(db, tenantId, id);
    // An applicant's draft is not before the DOST yet: no council is about it.
    if (!row || row.submittedAt === null) return null;
    return {
      title: row.title,
      regimeDate: row.regimeDate,
      parties: [
        ...(row.hostOrganizationId ? [{ kind: 'organization' as const, id: row.hostOrganizationId, role: { vi: 'tổ chức chủ trì', en: 'host organisation' } }] : []),
        ...(row.principalInvestigatorId ? [{ kind: 'person' as const, id: row.principalInvestigatorId, role: { vi: 'chủ nhiệm nhiệm vụ', en: 'principal investigator' } }] : []),
      ],
    };
  },
  /** A closed council's outcome becomes a fact on each task it evaluated (the workflow requires it to move on). */
  onClosed: async (tx, ctx, council, results) => {
    const outcome = TASK_COUNCIL_OUTCOMES[council.kind];
    if (!outcome) return;
    for (const d of results.dossiers) {
      if (d.subjectType !== SUBJECT) continue;
      const value = outcome.value === 'verdict' ? d.passed : d.rating ?? (d.passed === null ? null : d.passed ? 'passed' : 'failed');
      if (outcome.value === 'rating' && value === null) continue;
      await repo.setOutcome(tx, ctx.actor.tenantId, d.subjectId, { [outcome.field]: value });
      await recordAudit(tx, ctx, {
        action: 'council_outcome', entity: ENTITY, entityId: d.subjectId,
        after: { councilId: council.id, kind: council.kind, passed: d.passed, rating: d.rating, reason: d.reason },
      });
    }
  },
};

// ---- similar tasks (duplicate proposals) ----

const SIMILAR_LIMIT = 5;

/**
 * The tasks most like a proposal (tasks.similarity.ts): staff compare with every task of their province, of
 * every year and stage, and with the public accepted tasks of the other provinces; anyone else who may read the
 * task (a reviewer of its council) only with public accepted tasks.
 */
async function findSimilar(ctx: Ctx, doc: SimilarityDoc, excludeIds: string[]): Promise<SimilarTaskList> {
  const staff = can(ctx.actor, 'list');
  const tenants = await listTenants(ctx.db);
  const publicOf: { tenantId: string; stages: string[] }[] = [];
  for (const t of tenants) {
    if (staff && t.id === ctx.actor.tenantId) continue;
    publicOf.push({ tenantId: t.id, stages: await stagesWhere(ctx.db, { tenantId: t.id, workflow: TASK_WORKFLOW, test: (c) => c.public }) });
  }
  const rows = await repo.similarityCorpus(ctx.db, { tenantId: ctx.actor.tenantId, includeOwn: staff, publicOf, ratings: PUBLIC_RATINGS });
  const index = similarityIndex(rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, products: r.products?.split('\n') ?? [] })));
  const hits = index.similarTo(doc, { limit: SIMILAR_LIMIT, excludeIds });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const items: SimilarTaskList['items'] = [];
  for (const h of hits) {
    const r = byId.get(h.id)!;
    const defs = await definitionsFor(ctx.db, r.tenant_id, [{ regimeDate: r.regime_date }]);
    items.push({
      id: r.id, title: r.title, provinceName: names.get(r.tenant_id) ?? '', ownProvince: r.tenant_id === ctx.actor.tenantId,
      proposalYear: Number(r.proposal_year), stage: r.stage,
      stageName: stageOf(defs.get(r.regime_date)!.def, r.stage)?.name ?? { vi: r.stage, en: r.stage },
      acceptanceRating: r.acceptance_rating as SimilarTaskList['items'][number]['acceptanceRating'],
      similarity: h.similarity, sharedTerms: h.sharedTerms,
    });
  }
  return { items, compared: index.size };
}

/** While a proposal is typed: those who write proposals (the office) see the tasks it resembles. */
export async function similarTasks(ctx: Ctx, q: SimilarTaskQuery): Promise<SimilarTaskList> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  return findSimilar(ctx, { id: 'proposal', title: q.title, summary: q.summary ?? null }, q.excludeId ? [q.excludeId] : []);
}

/** On a dossier: the tasks an existing task resembles, for whoever may read it. */
export async function similarToTask(ctx: Ctx, id: string): Promise<SimilarTaskList> {
  const row = await readable(ctx, id);
  const products = await repo.products(ctx.db, row.id);
  return findSimilar(ctx, { id: row.id, title: row.title, summary: row.summary, products: products.map((p) => p.name) }, [row.id]);
}

// ---- the leader's home (read-only) ----

/** The province's tasks with replication records of a year (and how many each), for readers of the task list. */
export async function replicationsInYear(ctx: Ctx, year: number): Promise<{ taskId: string; records: number }[]> {
  if (!can(ctx.actor, 'list')) throw forbidden();
  return (await repo.replicationsInYear(ctx.db, ctx.actor.tenantId, year)).map((r) => ({ taskId: r.taskId, records: Number(r.records) }));
}

/** How many of the province's tasks were put to ordering (đặt hàng), proposed between two dates (an indicator's formula). */
export async function countOrderedTasks(ctx: Ctx, o: { from: string; to: string }): Promise<number> {
  if (!can(ctx.actor, 'dashboard')) throw forbidden();
  return repo.countOrderedTasks(ctx.db, ctx.actor.tenantId, o);
}
