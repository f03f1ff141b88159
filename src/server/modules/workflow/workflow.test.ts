import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, buildUser, testEnv, type TestEnv } from '../../testing/harness.ts';
import type { Actor } from '../../context.ts';
import type { Role } from '../../../shared/roles.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../../shared/i18n/messages.ts';
import type { WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import { ensureNationalRules } from '../rules/rules.service.ts';
import {
  applyTransition, availableActions, currentStages, enterInitialStage, history, registerWorkflow, resumeStageClock, stageDurations,
  stopStageClock, type TransitionInput,
} from './workflow.service.ts';
import { isWorkingDay } from '../../../lib/vi/working-days.ts';
import { NATIONAL_CALENDAR, workingCalendar } from './workflow.calendar.ts';
import { exampleGrantWorkflow } from './workflow.example.ts';
import { registerWorkflowSubject } from './workflow.subjects.ts';

registerWorkflow('test_grant', { vi: 'Quy trình hồ sơ tài trợ (thử nghiệm)', en: 'Grant application workflow (test)' });
// The timing views serve a subject type its module registered, to the readers it names.
registerWorkflowSubject('test_timed_application', {
  workflow: 'test_grant', label: { vi: 'hồ sơ thử nghiệm', en: 'test application' }, canList: (a) => a.role === 'leader' || a.role === 'dost_officer',
});

const OLD_REGIME = 'Thông tư 08/2017/TT-BKHCN';
const NEW_REGIME = 'Nghị định 267/2025/NĐ-CP';
// From 1/10/2025 a submission also needs a budget estimate, and review has a shorter target.
const newRegime: WorkflowDefinition = {
  ...exampleGrantWorkflow,
  stages: exampleGrantWorkflow.stages.map((s) => (s.key === 'submitted' ? { ...s, name: { vi: 'Đã nộp (chờ thẩm định)', en: 'Submitted (awaiting review)' }, targetDays: 10 } : s)),
  transitions: exampleGrantWorkflow.transitions.map((t) => (t.action === 'submit' ? { ...t, requiredDocuments: ['application_form', 'budget_estimate'] } : t)),
};

let env: TestEnv;
const actors: Partial<Record<Role, Actor>> = {};

async function actor(role: Role, tenantId = env.tenantId): Promise<Actor> {
  const u = await buildUser(env.h, { tenantId, role });
  return { userId: u.id, username: u.username, displayName: `Người dùng ${u.username}`, role, tenantId, organizationId: null, agencyId: null, adminUnitId: null, unitName: null };
}
const as = (role: Role) => ({ actor: actors[role]! });

beforeAll(async () => {
  env = await testEnv();
  for (const role of ['applicant', 'dost_officer', 'leader', 'reviewer'] as const) actors[role] = await actor(role);
  await ensureNationalRules(env.h.db, [
    { key: 'workflow.test_grant', effectiveFrom: '2017-07-01', legalBasis: OLD_REGIME, value: exampleGrantWorkflow },
    { key: 'workflow.test_grant', effectiveFrom: '2025-10-01', legalBasis: NEW_REGIME, value: newRegime },
  ]);
});
afterAll(() => env.close());

const complete = { title: 'Ứng dụng bơm nhiệt sấy hoa hồi Lạng Sơn', hostOrganizationId: randomUUID() };

function base(subjectId: string, currentStage: string, regimeDate = '2024-03-01'): Omit<TransitionInput, 'action'> {
  return { workflow: 'test_grant', subjectType: 'test_grant_application', subjectId, currentStage, regimeDate, documents: [], fields: complete };
}

const start = (subjectId: string, regimeDate = '2024-03-01', at?: string) => env.h.db.transaction((tx) =>
  enterInitialStage(tx, as('applicant'), { workflow: 'test_grant', subjectType: 'test_grant_application', subjectId, regimeDate, at }));

const move = (role: Role, input: TransitionInput) => env.h.db.transaction((tx) => applyTransition(tx, as(role), input));

const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => {
  if (!(e instanceof AppError)) throw e;
  return { status: e.status, code: e.code, details: e.details as Record<string, unknown>, vi: translate('vi', e.code, e.params), en: translate('en', e.code, e.params) };
});

const eventCount = async (subjectId: string) =>
  Number((await env.h.query<{ n: string }>('SELECT count(*) AS n FROM stage_events WHERE subject_id = $1', [subjectId]))[0].n);

describe('moving a subject along its workflow', () => {
  it('enters the first stage once and then moves with the right role, documents and fields', async () => {
    const id = randomUUID();
    expect(await start(id)).toMatchObject({ to: 'draft', terminal: false });
    const again = await refusal(start(id));
    expect(again).toMatchObject({ status: 409, code: 'workflow.already_started' });
    expect(again.vi).toContain('"Dự thảo hồ sơ"');

    const submitted = await move('applicant', { ...base(id, 'draft'), action: 'submit', documents: ['application_form'], note: 'Nộp lần đầu' });
    expect(submitted).toMatchObject({ from: 'draft', to: 'submitted', terminal: false });
    await move('dost_officer', { ...base(id, 'submitted'), action: 'review', documents: ['application_form', 'appraisal_report'] });
    const approved = await move('leader', { ...base(id, 'reviewed'), action: 'approve', documents: ['approval_decision'] });
    expect(approved).toMatchObject({ from: 'reviewed', to: 'approved', terminal: true });

    const h = await history(env.h.db, { tenantId: env.tenantId, subjectType: 'test_grant_application', subjectId: id });
    expect(h.map((e) => [e.fromStage, e.toStage, e.action])).toEqual([
      [null, 'draft', null], ['draft', 'submitted', 'submit'], ['submitted', 'reviewed', 'review'], ['reviewed', 'approved', 'approve'],
    ]);
    expect(h[1]).toMatchObject({
      fromName: { vi: 'Dự thảo hồ sơ', en: 'Draft' }, toName: { vi: 'Đã nộp hồ sơ', en: 'Submitted' }, actionName: { vi: 'Nộp hồ sơ', en: 'Submit' },
      note: 'Nộp lần đầu', legalBasis: OLD_REGIME, actorId: actors.applicant!.userId,
    });
    expect(h[1].actorName).toContain('applicant');

    const admin = await env.as('admin');
    const log = (await env.app.inject({ method: 'GET', url: `/api/audit?entity=test_grant_application&entityId=${id}`, headers: admin })).json();
    expect(log.items.map((e: { action: string; after: { stage: string } }) => [e.action, e.after.stage]))
      .toEqual([['transition', 'approved'], ['transition', 'reviewed'], ['transition', 'submitted'], ['start', 'draft']]);
  });

  it('refuses a transition not allowed from the current stage with 409 naming the stage and what is allowed; nothing changes', async () => {
    const id = randomUUID();
    await start(id);
    const r = await refusal(move('leader', { ...base(id, 'draft'), action: 'approve', documents: ['approval_decision'] }));
    expect(r).toMatchObject({ status: 409, code: 'workflow.transition_not_allowed' });
    expect(r.details).toEqual({ stage: 'draft', action: 'approve', reason: 'not_allowed_from_stage', missing: [], allowedActions: [] });
    expect(r.vi).toBe('Không thể thực hiện "Phê duyệt" khi hồ sơ đang ở giai đoạn "Dự thảo hồ sơ": thao tác này không áp dụng cho giai đoạn này, và bạn không có thao tác nào khác ở giai đoạn này.');
    const o = await refusal(move('dost_officer', { ...base(id, 'draft'), action: 'review' }));
    expect(o.details.allowedActions).toEqual(['submit']);
    expect(o.en).toBe('Cannot "Review" while the record is at stage "Draft": this action does not apply to this stage; allowed actions: "Submit".');
    expect(await eventCount(id)).toBe(1);
  });

  it('refuses missing documents and fields, naming them', async () => {
    const id = randomUUID();
    await start(id);
    const docs = await refusal(move('applicant', { ...base(id, 'draft'), action: 'submit', fields: { title: 'Chế phẩm chitosan – nano bạc bảo quản quýt' } }));
    expect(docs.details).toMatchObject({ reason: 'missing_documents', missing: ['application_form'], missingFields: ['hostOrganizationId'], allowedActions: ['submit'] });
    expect(docs.vi).toBe('Không thể thực hiện "Nộp hồ sơ" khi hồ sơ đang ở giai đoạn "Dự thảo hồ sơ": còn thiếu tài liệu: Đơn đăng ký; còn thiếu thông tin: Tổ chức chủ trì.');
    expect(docs.en).toBe('Cannot "Submit" while the record is at stage "Draft": missing documents: Application form; missing information: Host organisation.');
    const fields = await refusal(move('applicant', { ...base(id, 'draft'), action: 'submit', documents: ['application_form'], fields: { title: '', hostOrganizationId: complete.hostOrganizationId } }));
    expect(fields.details).toMatchObject({ reason: 'missing_fields', missing: ['title'] });
    expect(fields.vi).toContain('còn thiếu thông tin: Tên hồ sơ');
    expect(await eventCount(id)).toBe(1);
  });

  it('refuses the wrong role, naming who may', async () => {
    const id = randomUUID();
    await start(id);
    await move('applicant', { ...base(id, 'draft'), action: 'submit', documents: ['application_form'] });
    await move('dost_officer', { ...base(id, 'submitted'), action: 'review', documents: ['appraisal_report'] });
    const r = await refusal(move('dost_officer', { ...base(id, 'reviewed'), action: 'approve', documents: ['approval_decision'] }));
    expect(r.details).toMatchObject({ stage: 'reviewed', reason: 'role', missing: ['leader'], allowedActions: ['return'] });
    expect(r.vi).toBe('Không thể thực hiện "Phê duyệt" khi hồ sơ đang ở giai đoạn "Đã thẩm định": chỉ lãnh đạo được thực hiện thao tác này.');
    const s = await refusal(move('reviewer', { ...base(id, 'reviewed'), action: 'reject' }));
    expect(s.en).toContain('only a leader may do this');
    expect(await eventCount(id)).toBe(3);
  });

  it('a refusal rolls back everything else the caller wrote in the same transaction', async () => {
    const id = randomUUID();
    await start(id);
    const before = Number((await env.h.query<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0].n);
    await refusal(env.h.db.transaction(async (tx) => {
      await applyTransition(tx, as('applicant'), { ...base(id, 'draft'), action: 'submit', documents: ['application_form'] });
      // A second, illegal step in the same unit of work: the first one is undone too.
      await applyTransition(tx, as('applicant'), { ...base(id, 'submitted'), action: 'approve' });
    }));
    expect(await eventCount(id)).toBe(1);
    expect(Number((await env.h.query<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0].n)).toBe(before);
  });

  it('refuses a stale current stage and a time before the last transition', async () => {
    const id = randomUUID();
    await start(id, '2024-03-01', '2024-03-01T02:00:00Z');
    const stale = await refusal(move('dost_officer', { ...base(id, 'submitted'), action: 'review', documents: ['appraisal_report'] }));
    expect(stale).toMatchObject({ status: 409, code: 'workflow.stale_stage', details: { stage: 'submitted', actual: 'draft' } });
    expect(stale.vi).toContain('"Dự thảo hồ sơ"');
    const early = await refusal(move('applicant', { ...base(id, 'draft'), action: 'submit', documents: ['application_form'], at: '2024-02-01T00:00:00Z' }));
    expect(early).toMatchObject({ status: 400, code: 'workflow.time_before_last' });
  });

  it('of two simultaneous transitions of one subject, one wins and the other is told the stage moved on', async () => {
    const id = randomUUID();
    await start(id);
    const results = await Promise.allSettled([
      move('applicant', { ...base(id, 'draft'), action: 'submit', documents: ['application_form'] }),
      move('dost_officer', { ...base(id, 'draft'), action: 'submit', documents: ['application_form'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409, code: 'workflow.stale_stage' });
    expect(await eventCount(id)).toBe(2);
  });

  it('a rejected proposal is proposed again later, keeping its history', async () => {
    const id = randomUUID();
    await start(id, '2024-03-01', '2024-03-01T02:00:00Z');
    const step = (role: Role, stage: string, action: string, at: string, documents: string[] = []) =>
      move(role, { ...base(id, stage), action, documents, at });
    await step('applicant', 'draft', 'submit', '2024-03-10T02:00:00Z', ['application_form']);
    await step('dost_officer', 'submitted', 'review', '2024-03-20T02:00:00Z', ['appraisal_report']);
    await step('leader', 'reviewed', 'reject', '2024-04-01T02:00:00Z');
    await step('applicant', 'rejected', 'revise', '2025-02-01T02:00:00Z');
    const h = await history(env.h.db, { tenantId: env.tenantId, subjectType: 'test_grant_application', subjectId: id });
    expect(h.map((e) => e.toStage)).toEqual(['draft', 'submitted', 'reviewed', 'rejected', 'draft']);
    expect(h.slice(0, 4).map((e) => e.daysInStage)).toEqual([9, 10, 12, 306]);
  });
});

describe('dated definitions', () => {
  it('a definition changed later does not affect a subject whose regime date is before it', async () => {
    const oldOne = randomUUID();
    const newOne = randomUUID();
    await start(oldOne, '2024-03-01');
    await start(newOne, '2025-11-15');
    // Under the old regime the application form is enough.
    const ok = await move('applicant', { ...base(oldOne, 'draft', '2024-03-01'), action: 'submit', documents: ['application_form'] });
    expect(ok.to).toBe('submitted');
    // Under the new regime (from 1/10/2025) the budget estimate is required too.
    const r = await refusal(move('applicant', { ...base(newOne, 'draft', '2025-11-15'), action: 'submit', documents: ['application_form'] }));
    expect(r.details).toMatchObject({ reason: 'missing_documents', missing: ['budget_estimate'] });
    expect(r.vi).toContain('còn thiếu tài liệu: Dự toán kinh phí');
    await move('applicant', { ...base(newOne, 'draft', '2025-11-15'), action: 'submit', documents: ['application_form', 'budget_estimate'] });

    const hOld = await history(env.h.db, { tenantId: env.tenantId, subjectType: 'test_grant_application', subjectId: oldOne });
    const hNew = await history(env.h.db, { tenantId: env.tenantId, subjectType: 'test_grant_application', subjectId: newOne });
    expect([hOld[1].legalBasis, hOld[1].toName!.vi]).toEqual([OLD_REGIME, 'Đã nộp hồ sơ']);
    expect([hNew[1].legalBasis, hNew[1].toName!.vi]).toEqual([NEW_REGIME, 'Đã nộp (chờ thẩm định)']);
  });

  it('a province\'s own definition overrides the national one from its date', async () => {
    const admin = await env.as('admin');
    const provincial = { ...exampleGrantWorkflow, transitions: exampleGrantWorkflow.transitions.map((t) => (t.action === 'approve' ? { ...t, roles: ['leader', 'dost_officer'] } : t)) };
    const res = await env.app.inject({ method: 'POST', url: '/api/rules', headers: admin, payload: {
      key: 'workflow.test_grant', effectiveFrom: '2026-01-01', legalBasis: 'Quyết định 47/2025/QĐ-UBND tỉnh Lạng Sơn', value: provincial } });
    expect(res.statusCode).toBe(201);
    const actions = (regimeDate: string) => availableActions(env.h.db, {
      tenantId: env.tenantId, workflow: 'test_grant', regimeDate, currentStage: 'reviewed', role: 'dost_officer', documents: ['approval_decision'],
    });
    expect((await actions('2025-12-31')).actions.map((a) => a.action)).toEqual(['return']);
    const after = await actions('2026-01-01');
    expect(after.actions.map((a) => [a.action, a.ready])).toEqual([['return', true], ['approve', true]]);
    expect(after.legalBasis).toBe('Quyết định 47/2025/QĐ-UBND tỉnh Lạng Sơn');
    expect(after.othersMayAct).toEqual([{ action: 'reject', roles: ['leader'] }]);
  });

  it('refuses an invalid definition with field paths and messages naming the stage', async () => {
    const admin = await env.as('admin');
    const broken = { ...exampleGrantWorkflow, transitions: [...exampleGrantWorkflow.transitions, { action: 'skip', from: ['draft'], to: 'archived', roles: ['leader'] }] };
    const res = await env.app.inject({ method: 'POST', url: '/api/rules', headers: { ...admin, 'accept-language': 'vi' }, payload: {
      key: 'workflow.test_grant', effectiveFrom: '2027-01-01', legalBasis: 'Quyết định thử', value: broken } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.value.transitions.6.to', code: 'custom', message: 'Giai đoạn "archived" chưa được khai báo trong danh sách giai đoạn.' }]);
  });

  it('serves the definition in force on a date', async () => {
    const officer = await env.as('dost_officer');
    const get = async (onDate: string) => (await env.app.inject({ method: 'GET', url: `/api/workflows/test_grant?onDate=${onDate}`, headers: officer })).json();
    expect(await get('2020-01-01')).toMatchObject({ scope: 'national', legalBasis: OLD_REGIME, effectiveTo: '2025-09-30', definition: { stages: expect.any(Array) } });
    expect((await get('2025-10-01')).legalBasis).toBe(NEW_REGIME);
    expect((await get('2026-06-01')).scope).toBe('province');
    const none = await env.app.inject({ method: 'GET', url: '/api/workflows/test_grant?onDate=2000-01-01', headers: { ...officer, 'accept-language': 'en' } });
    expect(none.statusCode).toBe(500);
    expect(none.json()).toMatchObject({ code: 'rules.not_configured' });
    expect(none.json().message).toContain('"workflow.test_grant" is not configured for 01/01/2000');
  });
});

describe('stage timing', () => {
  const TYPE = 'test_timed_application';
  const day = (iso: string, plusDays: number) => new Date(new Date(iso).getTime() + plusDays * 86_400_000).toISOString();
  let tenantId: string;
  let officer: Actor;
  let applicant: Actor;

  // A separate province, so the events of the other tests do not count.
  beforeAll(async () => {
    tenantId = (await buildTenant(env.h, 'Sở KH&CN tỉnh Lạng Sơn')).id;
    officer = await actor('dost_officer', tenantId);
    applicant = await actor('applicant', tenantId);
  });

  /** One subject: drafted at `t0`, submitted after `draftDays`, reviewed after `submittedDays` more (if given). */
  async function subject(t0: string, draftDays: number, submittedDays?: number) {
    const id = randomUUID();
    const common = { workflow: 'test_grant', subjectType: TYPE, subjectId: id, regimeDate: '2024-01-01', fields: complete };
    await env.h.db.transaction(async (tx) => {
      await enterInitialStage(tx, { actor: applicant }, { ...common, at: t0 });
      await applyTransition(tx, { actor: applicant }, { ...common, currentStage: 'draft', action: 'submit', documents: ['application_form'], at: day(t0, draftDays) });
      if (submittedDays !== undefined) {
        await applyTransition(tx, { actor: officer }, { ...common, currentStage: 'submitted', action: 'review', documents: ['appraisal_report'], at: day(t0, draftDays + submittedDays) });
      }
    });
    return id;
  }

  it('gives the median and 90th percentile of days per stage and year of exit, on known answers', async () => {
    // 2024: drafts of 10, 20, 30, 40 days; submitted stays of 5 and 15 days (two subjects still waiting).
    await subject('2024-02-01T01:00:00Z', 10, 5);
    await subject('2024-03-01T01:00:00Z', 20, 15);
    await subject('2024-04-01T01:00:00Z', 30);
    await subject('2024-05-01T01:00:00Z', 40);
    // Leaves the draft at 2024-12-31T20:00Z = 1/1/2025 03:00 in Vietnam: counted in 2025.
    await subject('2024-12-29T20:00:00Z', 3);

    const all = await stageDurations(env.h.db, { tenantId, subjectType: TYPE });
    // Working days: drafts of 6, 14, 20 and 28 (weekends only: 2024 is not listed, its fixed holidays fall outside),
    // submitted stays of 5 and 11; the 2025 draft (30/12/2024 to 02/01/2025) has 31/12 and 2/1, not New Year's Day.
    const named = { targetWorkingDays: null };
    expect(all).toEqual([
      { year: 2024, stage: 'draft', name: { vi: 'Dự thảo hồ sơ', en: 'Draft' }, targetDays: 30, ...named, count: 4, medianDays: 25, p90Days: 37, medianWorkingDays: 17, p90WorkingDays: 25.6 },
      { year: 2024, stage: 'submitted', name: { vi: 'Đã nộp hồ sơ', en: 'Submitted' }, targetDays: 15, ...named, count: 2, medianDays: 10, p90Days: 14, medianWorkingDays: 8, p90WorkingDays: 10.4 },
      { year: 2025, stage: 'draft', name: { vi: 'Dự thảo hồ sơ', en: 'Draft' }, targetDays: 30, ...named, count: 1, medianDays: 3, p90Days: 3, medianWorkingDays: 2, p90WorkingDays: 2 },
    ]);
    expect((await stageDurations(env.h.db, { tenantId, subjectType: TYPE, year: 2025 })).map((r) => r.stage)).toEqual(['draft']);
    expect(await stageDurations(env.h.db, { tenantId: env.tenantId, subjectType: TYPE })).toEqual([]);
  });

  it('lists where each subject is on a date, with target days and the overdue flag', async () => {
    const { items } = await currentStages(env.h.db, { tenantId, subjectType: TYPE, asOf: '2024-06-20' });
    // On 20/6/2024: two reviewed, two submitted (since 1/5 and 10/6), the last one not yet started.
    const summary = items.map((i) => [i.stage, i.enteredAt.slice(0, 10), i.targetDays, i.overdue]).sort();
    expect(summary).toEqual([
      ['reviewed', '2024-02-16', 10, true],
      ['reviewed', '2024-04-05', 10, true],
      ['submitted', '2024-05-01', 15, true],
      ['submitted', '2024-06-10', 15, false],
    ]);
    const waiting = items.find((i) => i.enteredAt.startsWith('2024-06-10'))!;
    // Entered 10/6 01:00 UTC; the as-of date ends 20/6 23:59:59.999 Vietnam time = 16:59:59.999 UTC.
    expect(waiting.daysInStage).toBe(10.67);
    const overdue = await currentStages(env.h.db, { tenantId, subjectType: TYPE, asOf: '2024-06-20', overdueOnly: true });
    expect(overdue.items).toHaveLength(3);
    expect((await currentStages(env.h.db, { tenantId, subjectType: TYPE, asOf: '2024-01-31' })).items).toEqual([]);
  });

  it('serves the timing views to staff only', async () => {
    const leader = await env.as('leader', { tenantId });
    const durations = await env.app.inject({ method: 'GET', url: `/api/stage-timing/durations?subjectType=${TYPE}&year=2024`, headers: leader });
    expect(durations.statusCode).toBe(200);
    expect(durations.json().items.map((i: { stage: string; medianDays: number }) => [i.stage, i.medianDays])).toEqual([['draft', 25], ['submitted', 10]]);
    const current = await env.app.inject({ method: 'GET', url: `/api/stage-timing/current?subjectType=${TYPE}&asOf=2024-06-20&overdue=true`, headers: leader });
    expect(current.json().items).toHaveLength(3);
    const applicantHeaders = await env.as('applicant', { tenantId });
    expect((await env.app.inject({ method: 'GET', url: `/api/stage-timing/durations?subjectType=${TYPE}`, headers: applicantHeaders })).statusCode).toBe(403);
  });

  it('applies the read check the subject type\'s module registered, and refuses unregistered types', async () => {
    for (const role of ['reviewer', 'unit_officer'] as const) {
      const headers = await env.as(role, { tenantId });
      for (const view of ['durations', 'current']) {
        const res = await env.app.inject({ method: 'GET', url: `/api/stage-timing/${view}?subjectType=${TYPE}`, headers });
        expect(res.statusCode, `${role} ${view}`).toBe(403);
      }
    }
    const leader = await env.as('leader', { tenantId });
    const unknown = await env.app.inject({ method: 'GET', url: '/api/stage-timing/current?subjectType=test_grant_application', headers: leader });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'workflow.unknown_subject_type', details: [{ path: 'querystring.subjectType' }] });
  });
});

describe('stage clocks and working days', () => {
  // A permit with a legal time limit of 5 working days, whose clock stops while the applicant supplies papers.
  const permit: WorkflowDefinition = {
    stages: [
      { key: 'received', name: { vi: 'Tiếp nhận hồ sơ', en: 'Received' }, targetWorkingDays: 5, capabilities: { pausable: true } },
      { key: 'decided', name: { vi: 'Đã giải quyết', en: 'Decided' }, terminal: true },
    ],
    transitions: [{ action: 'decide', name: { vi: 'Giải quyết', en: 'Decide' }, from: ['received'], to: 'decided', roles: ['dost_officer'] }],
  };
  const TYPE = 'test_permit_application';
  let tenantId: string;
  let officer: Actor;
  const vn = (date: string) => `${date}T09:00:00+07:00`;
  const common = (subjectId: string) => ({ workflow: 'test_permit', subjectType: TYPE, subjectId, regimeDate: '2025-01-01' });

  beforeAll(async () => {
    registerWorkflow('test_permit', { vi: 'Thủ tục cấp phép (thử nghiệm)', en: 'Permit procedure (test)' });
    registerWorkflowSubject(TYPE, { workflow: 'test_permit', label: { vi: 'hồ sơ cấp phép', en: 'permit application' }, canList: (a) => a.role === 'dost_officer' });
    await ensureNationalRules(env.h.db, [{ key: 'workflow.test_permit', effectiveFrom: '2021-01-01', legalBasis: 'Nghị định 61/2018/NĐ-CP (minh họa)', value: permit }]);
    tenantId = (await buildTenant(env.h, 'Sở KH&CN tỉnh An Giang')).id;
    officer = await actor('dost_officer', tenantId);
  });

  /** Received on Friday 24/01/2025, the last working day before the Tết break. */
  async function received() {
    const id = randomUUID();
    await env.h.db.transaction((tx) => enterInitialStage(tx, { actor: officer }, { ...common(id), at: vn('2025-01-24') }));
    return id;
  }
  const clock = (kind: 'stop' | 'resume', id: string, date: string) => env.h.db.transaction((tx) =>
    (kind === 'stop' ? stopStageClock : resumeStageClock)(tx, { actor: officer }, { ...common(id), currentStage: 'received', at: vn(date), note: 'Chờ bổ sung giấy tờ' }));
  const current = async (id: string, asOf: string) =>
    (await currentStages(env.h.db, { tenantId, subjectType: TYPE, asOf })).items.find((i) => i.subjectId === id)!;

  it('counts a time limit of 5 working days from the Friday before Tết to the Friday after it', async () => {
    const id = await received();
    expect(await current(id, '2025-02-07')).toMatchObject({ workingDays: 5, targetWorkingDays: 5, dueDate: '2025-02-07', overdue: false, paused: false });
    expect(await current(id, '2025-02-10')).toMatchObject({ workingDays: 6, daysInStage: 17.62, overdue: true });
  });

  it('stops and restarts the clock, leaving the stopped span out of the working days and the due date', async () => {
    const id = await received();
    await clock('stop', id, '2025-02-04');
    expect(await current(id, '2025-02-05')).toMatchObject({ paused: true, pausedAt: new Date(vn('2025-02-04')).toISOString(), dueDate: null, workingDays: 2 });
    await clock('resume', id, '2025-02-06');
    expect(await current(id, '2025-02-10')).toMatchObject({ paused: false, workingDays: 4, clockDays: 15.62, dueDate: '2025-02-11', overdue: false });
    await env.h.db.transaction((tx) => applyTransition(tx, { actor: officer }, { ...common(id), currentStage: 'received', action: 'decide', documents: [], fields: {}, at: vn('2025-02-12') }));
    const h = await history(env.h.db, { tenantId, subjectType: TYPE, subjectId: id });
    expect(h[0]).toMatchObject({
      toStage: 'received', daysInStage: 19, clockDays: 17, workingDays: 6,
      clockStops: [{ stoppedAt: new Date(vn('2025-02-04')).toISOString(), resumedAt: new Date(vn('2025-02-06')).toISOString(), note: 'Chờ bổ sung giấy tờ' }],
    });
    const [d] = await stageDurations(env.h.db, { tenantId, subjectType: TYPE, year: 2025 });
    expect(d).toMatchObject({ stage: 'received', count: 1, medianDays: 17, medianWorkingDays: 6, targetWorkingDays: 5 });
  });

  it('refuses a second stop, a restart of a running clock and a stop where the stage does not allow it', async () => {
    const id = await received();
    expect(await refusal(clock('resume', id, '2025-02-03'))).toMatchObject({ status: 409, code: 'workflow.clock_not_stopped' });
    await clock('stop', id, '2025-02-03');
    const twice = await refusal(clock('stop', id, '2025-02-04'));
    expect(twice).toMatchObject({ status: 409, code: 'workflow.clock_already_stopped' });
    await env.h.db.transaction((tx) => applyTransition(tx, { actor: officer }, { ...common(id), currentStage: 'received', action: 'decide', documents: [], fields: {}, at: vn('2025-02-05') }));
    const done = await refusal(env.h.db.transaction((tx) => stopStageClock(tx, { actor: officer }, { ...common(id), currentStage: 'decided', at: vn('2025-02-06') })));
    expect(done).toMatchObject({ status: 409, code: 'workflow.clock_not_pausable' });
    expect(done.vi).toBe('Không thể tạm dừng thời hạn ở giai đoạn "Đã giải quyết".');
  });

  it('counts a province\'s own days off from its calendar version', async () => {
    const admin = await env.as('admin', { tenantId });
    const own = { ...NATIONAL_CALENDAR, years: NATIONAL_CALENDAR.years.map((y) => (y.year === 2025
      ? { ...y, daysOff: [...y.daysOff, { from: '2025-02-03', name: { vi: 'Ngày nghỉ của tỉnh (minh họa)', en: 'Provincial day off (illustrative)' } }] }
      : y)) };
    const res = await env.app.inject({ method: 'POST', url: '/api/rules', headers: admin, payload: {
      key: 'calendar.working_days', effectiveFrom: '2025-01-01', legalBasis: 'Quyết định 3/2025/QĐ-UBND tỉnh An Giang (minh họa)', value: own } });
    expect(res.statusCode).toBe(201);
    const id = await received();
    expect(await current(id, '2025-02-07')).toMatchObject({ workingDays: 4, dueDate: '2025-02-10' });
    // Another province keeps the national calendar.
    expect(isWorkingDay('2025-02-03', await workingCalendar(env.h.db, { tenantId: env.tenantId, onDate: '2025-06-01' }))).toBe(true);
  });
});
