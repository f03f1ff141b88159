/**
 * Enterprises propose and follow S&T tasks online (issue #11). An applicant's proposal is a task of its own
 * organisation that has not been submitted (`submitted_at` NULL, stage `draft`, migration 0055): the applicant
 * edits it, attaches its files (the attachments API, through the task's attachment policy) and deletes it while it is
 * a draft, and submits it — checked with the shared ProposalReady schema and the documents the workflow's first
 * stage requires — which starts the workflow at its first stage and tells the DOST's officers. The DOST asks for
 * missing papers (a note listing them); the applicant answers with new files and a note. Councils' conclusions are
 * shown to the host organisation without the members' sheets or scores.
 */
import { systemActor, type Ctx, type Tx } from '../../context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { fold } from '../../../lib/vi/fold.ts';
import { sortKey } from '../../../lib/vi/collate.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import {
  DRAFT_STAGE, type CouncilConclusion, type ProposalInput, type ProposalUpdate, type TaskPaperRequest,
} from '../../../shared/schemas/tasks-proposals.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../inbox/inbox.service.ts';
import { attachmentsOf, removeAttachment } from '../attachments/attachments.service.ts';
import { assertOrganizationInTenant } from '../organizations/organizations.service.ts';
import { enterInitialStage } from '../workflow/workflow.service.ts';
import { stageOf } from '../workflow/workflow.engine.ts';
import { getCouncilResults, listCouncils } from '../councils/councils.service.ts';
import * as repo from './tasks.repo.ts';
import { can } from './tasks.policy.ts';
import { TASK_WORKFLOW } from './tasks.workflow.ts';
import { assertNotFinished, auditView, definitionsFor, detail, facts, lockedTask, proposalRequirements, readable, type Row } from './tasks.service.ts';

const ENTITY = 'task';
const SUBJECT = 'task';

const constraints = { entity: ENTITY, foreignKeys: { tasks_science_field_fkey: 'scienceField' } };

function draftValues(input: ProposalInput) {
  return {
    title: input.title, type: input.type, level: input.level, scienceField: input.scienceField ?? null, proposalYear: input.proposalYear,
    startDate: input.startDate ?? null, endDate: input.endDate ?? null, summary: input.summary ?? null,
    searchText: fold(input.title), sortKey: sortKey(input.title),
  };
}

const children = (input: ProposalInput) => ({ members: [], funding: input.funding, products: input.products });

const reread = async (tx: Tx, ctx: Ctx, id: string) => detail(tx, ctx.actor.tenantId, (await repo.findById(tx, ctx.actor.tenantId, id))!);

/**
 * The caller's own draft, locked, at the version it read: 404 for whoever may not read it (another company, the
 * DOST), 409 once it has been submitted or at another version.
 */
async function lockedDraft(tx: Tx, ctx: Ctx, id: string, version: number): Promise<Row> {
  const row = await lockedTask(tx, ctx.actor.tenantId, id, { drafts: true });
  const f = await facts({ ...ctx, db: tx as unknown as Db }, row);
  if (!can(ctx.actor, 'read', f)) throw notFound(ENTITY, id);
  if (!f.draft) throw new AppError('task.proposal_already_submitted', { status: 409, details: { submittedAt: row.submittedAt?.toISOString() } });
  if (!can(ctx.actor, 'edit_draft', f)) throw forbidden();
  if (row.version !== version) throw versionConflict(row.version, version);
  return row;
}

/** A draft proposal of the caller's organisation, which is its host whatever the body says. */
export async function createProposal(ctx: Ctx, input: ProposalInput): Promise<TaskDetail> {
  if (!can(ctx.actor, 'propose')) {
    throw ctx.actor.role === 'applicant' ? new AppError('task.proposal_needs_organization', { status: 403 }) : forbidden();
  }
  const organizationId = ctx.actor.organizationId!;
  return ctx.db.transaction(async (tx) => {
    await assertOrganizationInTenant(tx, ctx.actor.tenantId, organizationId, 'organizationId');
    const now = new Date();
    const id = await repo.insert(tx, ctx.actor.tenantId, {
      ...draftValues(input), code: null, hostOrganizationId: organizationId, principalInvestigatorId: null, assignmentMode: null,
      fundingMode: null, regimeDate: todayInVietnam(now), stage: DRAFT_STAGE, stageEnteredAt: now, previousTaskId: null, submittedAt: null,
    }).catch((e) => mapConstraintError(e, constraints, input));
    await repo.replaceChildren(tx, id, children(input));
    const created = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, { action: 'create', entity: ENTITY, entityId: id, after: auditView(created) });
    return created;
  });
}

export async function updateProposal(ctx: Ctx, id: string, input: ProposalUpdate): Promise<TaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, ctx, id, input.version);
    const before = await detail(tx, ctx.actor.tenantId, row);
    const ok = await repo.update(tx, ctx.actor.tenantId, id, input.version, draftValues(input)).catch((e) => mapConstraintError(e, constraints, input));
    if (!ok) throw versionConflict(row.version, input.version);
    await repo.replaceChildren(tx, id, children(input));
    const after = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/** Deletes a draft with its files (each removal audited, as the attachments module does). */
export async function deleteProposal(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, ctx, id, version);
    const before = await detail(tx, ctx.actor.tenantId, row);
    const inTx = { ...ctx, db: tx as unknown as Db };
    for (const file of await attachmentsOf(tx, ctx.actor.tenantId, SUBJECT, id)) await removeAttachment(inTx, SUBJECT, id, file.id);
    await repo.remove(tx, ctx.actor.tenantId, id);
    await recordAudit(tx, ctx, { action: 'delete', entity: ENTITY, entityId: id, before: auditView(before) });
  });
}

/**
 * Submits a draft: it must pass ProposalReady and carry the documents the first stage's transitions require (the
 * workflow definition in force today, the proposal date). The task enters the first stage, its proposal date
 * becomes today, and the province's DOST officers find it in their inbox.
 */
export async function submitProposal(ctx: Ctx, id: string, version: number): Promise<TaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockedDraft(tx, ctx, id, version);
    const { tenantId } = ctx.actor;
    const draft = await detail(tx, tenantId, row);
    const now = new Date();
    const regimeDate = todayInVietnam(now);
    const { problems } = await proposalRequirements(tx, tenantId, draft, regimeDate);
    if (problems.length) throw new AppError('task.proposal_incomplete', { status: 400, details: problems });
    if (!(await repo.update(tx, tenantId, id, version, { regimeDate }))) throw versionConflict(row.version, version);
    const started = await enterInitialStage(tx, ctx, {
      workflow: TASK_WORKFLOW, subjectType: SUBJECT, subjectId: id, regimeDate, at: now, note: 'Doanh nghiệp gửi đề xuất trực tuyến',
    });
    await repo.markSubmitted(tx, id, { submittedAt: new Date(started.at), regimeDate, stage: started.to });
    const after = await reread(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'submit', entity: ENTITY, entityId: id, before: { stage: row.stage, submittedAt: null },
      after: { stage: after.stage, submittedAt: after.submittedAt, regimeDate },
    });
    await notify(tx, {
      tenantId, kind: 'task.proposal_submitted', subject: { type: SUBJECT, id },
      title: 'task.notice.proposal_submitted', body: 'task.notice.proposal_submitted.body',
      params: { title: after.title, organization: after.hostOrganizationName ?? '', stage: after.stageName },
      to: [{ role: 'dost_officer' }],
    });
    return after;
  });
}

// ---- missing papers ----

type PaperRow = Awaited<ReturnType<typeof repo.paperRequests>>[number];

async function toPapers(db: Db | Tx, tenantId: string, row: Row, requests: PaperRow[]): Promise<TaskPaperRequest[]> {
  const { def } = (await definitionsFor(db, tenantId, [row])).get(row.regimeDate)!;
  const files = requests.length ? await attachmentsOf(db, tenantId, SUBJECT, row.id) : [];
  return requests.map((r) => ({
    id: r.id, taskId: r.taskId, stage: r.stage, stageName: stageOf(def, r.stage)?.name ?? { vi: r.stage, en: r.stage }, note: r.note,
    requestedBy: r.requestedBy, requestedAt: r.requestedAt.toISOString(),
    answerNote: r.answerNote, answeredBy: r.answeredBy, answeredAt: r.answeredAt?.toISOString() ?? null,
    files: files.filter((f) => f.createdAt >= r.requestedAt && (!r.answeredAt || f.createdAt <= r.answeredAt))
      .map((f) => ({ id: f.id, fileName: f.fileName, kind: f.kind, uploadedAt: f.createdAt.toISOString() })),
  }));
}

/** The requests for missing papers of a task and their answers, for whoever reads the task. */
export async function listPaperRequests(ctx: Ctx, id: string): Promise<{ items: TaskPaperRequest[] }> {
  const row = await readable(ctx, id);
  return { items: await toPapers(ctx.db, ctx.actor.tenantId, row, await repo.paperRequests(ctx.db, ctx.actor.tenantId, id)) };
}

/** "Yêu cầu bổ sung hồ sơ": the DOST asks the host organisation for the papers the note lists. */
export async function requestPapers(ctx: Ctx, id: string, input: { note: string }): Promise<TaskPaperRequest> {
  if (!can(ctx.actor, 'request_papers')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await lockedTask(tx, ctx.actor.tenantId, id);
    await assertNotFinished(tx, ctx.actor.tenantId, row);
    if (!row.hostOrganizationId) {
      throw new AppError('task.papers_no_host', { status: 409, details: [{ path: 'hostOrganizationId', code: 'required' }] });
    }
    if (await repo.openPaperRequest(tx, ctx.actor.tenantId, id)) throw new AppError('task.papers_already_requested', { status: 409 });
    const requestId = await repo.insertPaperRequest(tx, { tenantId: ctx.actor.tenantId, taskId: id, stage: row.stage, note: input.note, requestedBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'request_papers', entity: ENTITY, entityId: id, after: { requestId, stage: row.stage, note: input.note } });
    await notify(tx, {
      tenantId: ctx.actor.tenantId, kind: 'task.papers_requested', subject: { type: SUBJECT, id },
      title: 'task.notice.papers_requested', body: 'task.notice.papers_requested.body', params: { title: row.title, note: input.note },
      to: [{ organizationId: row.hostOrganizationId, role: 'applicant' }],
    });
    const [created] = await toPapers(tx, ctx.actor.tenantId, row, (await repo.paperRequests(tx, ctx.actor.tenantId, id)).filter((r) => r.id === requestId));
    return created;
  });
}

/** The host organisation's answer to the open request: its note, with the files it attached since the request. */
export async function answerPapers(ctx: Ctx, id: string, requestId: string, input: { note: string }): Promise<TaskPaperRequest> {
  const visible = await readable(ctx, id);
  if (!can(ctx.actor, 'answer_papers', await facts(ctx, visible))) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await lockedTask(tx, ctx.actor.tenantId, id);
    const open = await repo.openPaperRequest(tx, ctx.actor.tenantId, id);
    if (!open || open.id !== requestId) {
      const known = (await repo.paperRequests(tx, ctx.actor.tenantId, id)).some((r) => r.id === requestId);
      if (!known) throw notFound('task_paper_request', requestId);
      throw new AppError('task.papers_request_closed', { status: 409 });
    }
    const files = (await attachmentsOf(tx, ctx.actor.tenantId, SUBJECT, id)).filter((f) => f.createdAt >= open.requestedAt);
    if (files.length === 0) {
      throw new AppError('task.papers_answer_needs_file', {
        status: 400, details: [{ path: 'files', code: 'missing_file', i18n: 'task.papers_answer_needs_file', params: {} }],
      });
    }
    if (!(await repo.answerPaperRequest(tx, { tenantId: ctx.actor.tenantId, taskId: id, id: requestId, note: input.note, answeredBy: ctx.actor.userId }))) {
      throw new AppError('task.papers_request_closed', { status: 409 });
    }
    await recordAudit(tx, ctx, {
      action: 'answer_papers', entity: ENTITY, entityId: id,
      after: { requestId, note: input.note, files: files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName })) },
    });
    await notify(tx, {
      tenantId: ctx.actor.tenantId, kind: 'task.papers_answered', subject: { type: SUBJECT, id },
      title: 'task.notice.papers_answered', body: 'task.notice.papers_answered.body',
      params: { title: row.title, organization: row.hostOrganizationName ?? '', note: input.note, files: files.map((f) => f.fileName).join(', ') },
      to: [...(open.requestedById ? [{ userId: open.requestedById }] : []), { role: 'dost_officer' as const }],
    });
    const [answered] = await toPapers(tx, ctx.actor.tenantId, row, (await repo.paperRequests(tx, ctx.actor.tenantId, id)).filter((r) => r.id === requestId));
    return answered;
  });
}

// ---- councils' conclusions ----

/**
 * The conclusions of the closed councils about the task (or evaluating it), for whoever reads the task: the
 * verdict on its dossier, never the sheets. The councils module lists them only for its own readers and members,
 * so they are read as the system, after the task's own read check.
 */
export async function councilConclusions(ctx: Ctx, id: string): Promise<{ items: CouncilConclusion[] }> {
  const row = await readable(ctx, id);
  if (row.submittedAt === null) return { items: [] };
  const system = { ...ctx, actor: systemActor(ctx.actor.tenantId) };
  const councils = await listCouncils(system, { subjectType: SUBJECT, subjectId: id, status: 'closed', limit: 200 });
  const items: CouncilConclusion[] = [];
  for (const c of councils.items) {
    const results = await getCouncilResults(system, c.id);
    const dossier = results.dossiers.find((d) => d.subjectType === SUBJECT && d.subjectId === id);
    items.push({
      councilId: c.id, kind: c.kind, kindName: c.kindName, name: c.name, meetingDate: c.meetingDate, closedAt: c.closedAt,
      minutesNo: c.minutesNo, passed: dossier?.passed ?? null, rating: dossier?.rating ?? null,
    });
  }
  items.sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
  return { items };
}
