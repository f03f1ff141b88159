import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';

let env: TestEnv;
let officer: AuthHeaders;
let leader: AuthHeaders;
let hostId: string;
let piId: string;
/** Seven experts with reviewer accounts, in council roles. */
let experts: { personId: string; userId: string; headers: AuthHeaders; role: string }[];

const ROLES = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  hostId = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Công ty TNHH Cơ khí Nông nghiệp Hồi Lạng Sơn' }))).json().id;
  piId = (await call(officer, 'POST', '/api/people', buildPerson({ fullName: 'Hoàng Văn Sấy', organizationId: hostId }))).json().id;
  experts = [];
  for (const [i, role] of ROLES.entries()) {
    const personId = (await call(officer, 'POST', '/api/people', buildPerson({ fullName: `Chuyên gia Hội đồng ${i + 1}` }))).json().id;
    const u = await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer' });
    experts.push({ personId, userId: u.id, headers: await login(env.app, u.username), role });
  }
});
afterAll(() => env.close());

function proposal(o: Partial<TaskCreate> = {}): TaskCreate {
  return {
    title: 'Nghiên cứu ứng dụng công nghệ bơm nhiệt thiết kế, chế tạo máy sấy hồi',
    type: 'research_topic', level: 'provincial', scienceField: '2', proposalYear: 2026, proposedOn: '2026-01-15',
    members: [], funding: [], products: [], ...o,
  };
}

const upload = (id: string, kind: string) => call(officer, 'POST', `/api/tasks/${id}/documents`, {
  kind, fileName: `${kind}.pdf`, contentType: 'application/pdf', contentBase64: Buffer.from(`%PDF-1.4 ${kind}`).toString('base64'),
});

async function move(id: string, action: string, headers = officer) {
  const task = (await call(headers, 'GET', `/api/tasks/${id}`)).json();
  return call(headers, 'POST', `/api/tasks/${id}/transitions`, { action, version: task.version });
}

/** A full sitting: 7 members, 5 present, each present member scores (or rates), then close. */
async function council(taskId: string, kind: 'identification' | 'selection' | 'acceptance', score: number | string) {
  const c = (await call(officer, 'POST', '/api/councils', { subjectType: 'task', subjectId: taskId, kind, name: `Hội đồng ${kind}`, meetingDate: '2026-03-01' })).json();
  const members: string[] = [];
  for (const e of experts) {
    const m = await call(officer, 'POST', `/api/councils/${c.id}/members`, { personId: e.personId, role: e.role, userId: e.userId });
    expect(m.statusCode).toBe(201);
    members.push(m.json().id);
  }
  const dossier = (await call(officer, 'POST', `/api/councils/${c.id}/dossiers`, { subjectType: 'task', subjectId: taskId })).json();
  for (const id of members.slice(0, 5)) await call(officer, 'PUT', `/api/councils/${c.id}/members/${id}/presence`, { present: true });
  const opened = await call(officer, 'POST', `/api/councils/${c.id}/open`, { version: c.version + 0 });
  const version = opened.statusCode === 200 ? opened.json().version : (await call(officer, 'GET', `/api/councils/${c.id}`)).json().version;
  if (opened.statusCode !== 200) {
    const retry = await call(officer, 'POST', `/api/councils/${c.id}/open`, { version });
    expect(retry.statusCode, retry.body).toBe(200);
  }
  for (const [i, memberId] of members.slice(0, 5).entries()) {
    const sheet = typeof score === 'number'
      ? { scores: { necessity: Math.min(20, Math.round(score * 0.2)), feasibility: Math.round(score * 0.3), effectiveness: Math.round(score * 0.3), replicability: Math.min(20, Math.round(score * 0.2)) } }
      : { rating: score };
    const r = await call(experts[i].headers, 'PUT', `/api/councils/${c.id}/dossiers/${dossier.id}/sheets/${memberId}`, sheet);
    expect(r.statusCode, r.body).toBeLessThan(300);
  }
  const current = (await call(officer, 'GET', `/api/councils/${c.id}`)).json();
  const closed = await call(officer, 'POST', `/api/councils/${c.id}/close`, { version: current.version });
  expect(closed.statusCode, closed.body).toBe(200);
  return c.id as string;
}

describe('S&T tasks', () => {
  it('goes from proposal to replication through the API, each rule enforced on the way', async () => {
    const created = await call(officer, 'POST', '/api/tasks', proposal());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ stage: 'proposal', stageName: { vi: 'Đề xuất nhiệm vụ' }, version: 1 });

    // A transition without its document: 409 naming the stage and the missing document; nothing changes.
    const early = await move(id, 'submit_for_identification');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('workflow.transition_not_allowed');
    expect(early.json().message).toContain('Đề xuất nhiệm vụ');
    expect(early.json().message).toContain('Phiếu đề xuất nhiệm vụ');
    expect(early.json().details).toMatchObject({ stage: 'proposal', reason: 'missing_documents', missing: ['proposal_form'] });
    // An action that does not leave this stage at all.
    const illegal = await move(id, 'sign_contract');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().details.reason).toBe('not_allowed_from_stage');
    expect((await call(officer, 'GET', `/api/tasks/${id}`)).json()).toMatchObject({ stage: 'proposal', version: 1 });

    expect((await upload(id, 'proposal_form')).statusCode).toBe(201);
    expect((await move(id, 'submit_for_identification')).statusCode).toBe(200);
    // The identification council has not passed yet.
    const notYet = await move(id, 'approve_for_list');
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().details.reason).toBe('missing_fields');
    await council(id, 'identification', 85);
    expect((await call(officer, 'GET', `/api/tasks/${id}`)).json().identificationPassed).toBe(true);
    expect((await move(id, 'approve_for_list')).statusCode).toBe(200);

    const t1 = (await call(officer, 'GET', `/api/tasks/${id}`)).json();
    const { id: _i, code: _c, stage: _s, ...editable } = t1;
    const edited = await call(officer, 'PUT', `/api/tasks/${id}`, {
      ...proposal(), assignmentMode: 'selection', hostOrganizationId: hostId, principalInvestigatorId: piId, version: editable.version,
      members: [{ personId: experts[6].personId, role: 'member' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await move(id, 'announce')).statusCode).toBe(200);
    await upload(id, 'application_dossier');
    expect((await move(id, 'receive_application')).statusCode).toBe(200);
    expect((await move(id, 'convene_selection')).statusCode).toBe(200);
    await council(id, 'selection', 78);
    expect((await move(id, 'select')).statusCode).toBe(200);

    // Budget appraisal needs funding; counterpart share is computed.
    const t2 = (await call(officer, 'GET', `/api/tasks/${id}`)).json();
    const withMoney = await call(officer, 'PUT', `/api/tasks/${id}`, {
      ...proposal(), assignmentMode: 'selection', hostOrganizationId: hostId, principalInvestigatorId: piId, version: t2.version,
      fundingMode: 'final_product_lump_sum',
      funding: [{ year: 2026, stateBudget: 450.5, counterpart: 320 }, { year: 2027, stateBudget: 300, counterpart: 205.35 }],
      products: [{ name: 'Máy sấy hồi bơm nhiệt 500 kg/mẻ', kind: 'sample', specification: 'Độ ẩm sản phẩm ≤ 13%, tiết kiệm ≥ 30% năng lượng', quantity: 1, unit: 'máy' }],
    });
    expect(withMoney.statusCode, withMoney.body).toBe(200);
    expect(withMoney.json()).toMatchObject({ stateBudgetTotal: 750.5, counterpartTotal: 525.35, counterpartShare: 70 });
    await upload(id, 'budget_appraisal_minutes');
    expect((await move(id, 'appraise_budget')).statusCode).toBe(200);

    // Approval is the leader's; the officer is refused by role, and code/dates are required.
    const byOfficer = await move(id, 'approve');
    expect(byOfficer.statusCode).toBe(409);
    expect(byOfficer.json().details.reason).toBe('role');
    const t3 = (await call(officer, 'GET', `/api/tasks/${id}`)).json();
    await call(officer, 'PUT', `/api/tasks/${id}`, {
      ...proposal(), assignmentMode: 'selection', hostOrganizationId: hostId, principalInvestigatorId: piId, version: t3.version,
      fundingMode: 'final_product_lump_sum', code: 'ĐT.2026.01', startDate: '2026-04-01', endDate: '2027-12-31',
      funding: [{ year: 2026, stateBudget: 450.5, counterpart: 320 }, { year: 2027, stateBudget: 300, counterpart: 205.35 }],
      products: [{ name: 'Máy sấy hồi bơm nhiệt 500 kg/mẻ', kind: 'sample', specification: 'Độ ẩm sản phẩm ≤ 13%', quantity: 1, unit: 'máy' }],
    });
    await upload(id, 'approval_decision');
    const approved = await move(id, 'approve', leader);
    expect(approved.statusCode, approved.body).toBe(200);
    await upload(id, 'contract');
    expect((await move(id, 'sign_contract')).statusCode).toBe(200);

    const check = await call(officer, 'POST', `/api/tasks/${id}/progress`, { kind: 'extension', reportDate: '2027-06-30', percentComplete: 60, summary: 'Chậm do thời tiết; gia hạn 3 tháng', newEndDate: '2028-03-31' });
    expect(check.statusCode, check.body).toBe(201);
    expect(check.json().endDate).toBe('2028-03-31');
    await upload(id, 'final_report');
    expect((await move(id, 'submit_for_acceptance')).statusCode).toBe(200);
    await council(id, 'acceptance', 'excellent');
    expect((await call(officer, 'GET', `/api/tasks/${id}`)).json().acceptanceRating).toBe('excellent');
    expect((await move(id, 'accept')).statusCode).toBe(200);
    await upload(id, 'result_registration_certificate');
    expect((await move(id, 'register_result')).statusCode).toBe(200);
    const rep = await call(officer, 'POST', `/api/tasks/${id}/replications`, { place: 'Huyện Văn Quan, Lạng Sơn (cũ)', adopterName: 'HTX Hồi Văn Quan', scale: '3 máy, 1.500 kg hồi khô/tháng', year: 2028 });
    expect(rep.statusCode, rep.body).toBe(201);

    const done = (await call(officer, 'GET', `/api/tasks/${id}`)).json();
    expect(done).toMatchObject({ stage: 'replication', stageName: { vi: 'Ứng dụng, chuyển giao, nhân rộng' }, replications: [{ scale: '3 máy, 1.500 kg hồi khô/tháng' }] });
    expect(done.legalBasis).toContain('93/2025/QH15'); // proposed on 15/01/2026: the 2025 law's regime
    const hist = (await call(officer, 'GET', `/api/tasks/${id}/history`)).json();
    expect(hist.map((e: { toStage: string }) => e.toStage)).toEqual([
      'proposal', 'identification', 'approved_list', 'call_or_order', 'application', 'selection', 'budget_appraisal',
      'approval', 'contract', 'implementation', 'acceptance', 'result_registration', 'replication',
    ]);
    // Finished: the public summary shows it without sign-in.
    const tenant = (await env.h.query<{ slug: string }>('SELECT slug FROM tenants WHERE id = $1', [env.tenantId]))[0];
    const pub = await env.app.inject({ method: 'GET', url: `/api/public/tasks?province=${tenant.slug}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().items).toContainEqual(expect.objectContaining({ title: proposal().title, acceptanceRating: 'excellent', startYear: 2026, endYear: 2028 }));
    // The dashboard has real durations of the stages this task went through.
    const dash = (await call(officer, 'GET', '/api/tasks/dashboard')).json();
    expect(dash.durations.map((d: { stage: string }) => d.stage)).toContain('identification');
    expect(dash.stages.find((s: { stage: string }) => s.stage === 'replication').count).toBeGreaterThanOrEqual(1);
  });

  it('keeps a rejected proposal and proposes it again in a later year, with its history', async () => {
    const old = (await call(officer, 'POST', '/api/tasks', proposal({ title: 'Xây dựng bảo tàng ảo số hóa 3D hiện vật Óc Eo', level: 'national', proposalYear: 2019, proposedOn: '2019-05-10', scienceField: '6' }))).json();
    expect((await move(old.id, 'reject')).statusCode).toBe(200);
    const tooEarly = await call(officer, 'POST', `/api/tasks/${old.id}/repropose`, { proposalYear: 2019 });
    expect(tooEarly.statusCode).toBe(400);
    const again = await call(officer, 'POST', `/api/tasks/${old.id}/repropose`, { proposalYear: 2022, proposedOn: '2022-03-01' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ previousTaskId: old.id, stage: 'proposal', proposalYear: 2022 });
    expect(again.json().lineage).toEqual([expect.objectContaining({ id: old.id, stage: 'not_approved' })]);
    const oldNow = (await call(officer, 'GET', `/api/tasks/${old.id}`)).json();
    expect(oldNow.lineage).toEqual([expect.objectContaining({ id: again.json().id, proposalYear: 2022 })]);
    // A finished task cannot be edited or proposed again twice over.
    expect((await call(officer, 'PUT', `/api/tasks/${old.id}`, { ...proposal(), version: oldNow.version })).statusCode).toBe(409);
    expect((await call(officer, 'POST', `/api/tasks/${again.json().id}/repropose`, { proposalYear: 2023 })).statusCode).toBe(409);
  });

  it('governs a task by the rules in force on its proposal date', async () => {
    const before = (await call(officer, 'POST', '/api/tasks', proposal({ title: 'Đề tài chế độ cũ', proposedOn: '2025-09-30' }))).json();
    const after = (await call(officer, 'POST', '/api/tasks', proposal({ title: 'Đề tài chế độ mới', proposedOn: '2025-10-01' }))).json();
    expect(before.legalBasis).toContain('29/2013/QH13');
    expect(after.legalBasis).toContain('93/2025/QH15');
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const count = async () => (await env.h.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks'))[0].n;
    const n = await count();
    const bad = await call(officer, 'POST', '/api/tasks', { ...proposal(), type: 'essay', startDate: '2026-05-01', endDate: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().details.map((d: { path: string }) => d.path);
    expect(paths).toContain('body.type');
    const dates = await call(officer, 'POST', '/api/tasks', { ...proposal(), startDate: '2026-05-01', endDate: '2026-01-01' });
    expect(dates.json().details).toEqual([expect.objectContaining({ path: 'body.endDate', message: 'Ngày kết thúc phải sau ngày bắt đầu.' })]);
    const unknownPerson = await call(officer, 'POST', '/api/tasks', { ...proposal(), principalInvestigatorId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownPerson.statusCode).toBe(400);
    expect(unknownPerson.json().details[0].path).toBe('body.principalInvestigatorId');
    const dupFunding = await call(officer, 'POST', '/api/tasks', { ...proposal(), funding: [{ year: 2026, stateBudget: 1, counterpart: 0 }, { year: 2026, stateBudget: 2, counterpart: 0 }] });
    expect(dupFunding.statusCode).toBe(400);
    expect(await count()).toBe(n);
    const t = (await call(officer, 'POST', '/api/tasks', proposal({ title: 'Đề tài kiểm tra tài liệu' }))).json();
    const badKind = await upload(t.id, 'selfie');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('proposal_form');
    const stale = await call(officer, 'PUT', `/api/tasks/${t.id}`, { ...proposal(), version: 99 });
    expect(stale.statusCode).toBe(409);
    const notImpl = await call(officer, 'POST', `/api/tasks/${t.id}/progress`, { kind: 'check', reportDate: '2026-02-01', summary: 'x' });
    expect(notImpl.statusCode).toBe(409);
    expect(notImpl.json().message).toContain('Thực hiện, kiểm tra định kỳ');
  });

  it('lists with filters and folded search, exports XLSX, and keeps roles and provinces apart', async () => {
    await call(officer, 'POST', '/api/tasks', proposal({ title: 'Ứng dụng màng sinh học chitosan-nano bạc bảo quản quả Quýt', proposalYear: 2024, proposedOn: '2024-02-01' }));
    const found = (await call(officer, 'GET', `/api/tasks?q=${encodeURIComponent('chitosan nano bac quyt')}`)).json();
    expect(found.items.map((t: { title: string }) => t.title)).toEqual(['Ứng dụng màng sinh học chitosan-nano bạc bảo quản quả Quýt']);
    const byYear = (await call(officer, 'GET', '/api/tasks?year=2024')).json();
    expect(byYear.items.every((t: { proposalYear: number }) => t.proposalYear === 2024)).toBe(true);
    const overdue = (await call(officer, 'GET', '/api/tasks?overdue=true')).json();
    expect(overdue.items.every((t: { overdue: boolean }) => t.overdue)).toBe(true);
    expect(overdue.items.length).toBeGreaterThan(0); // proposals from 2019/2024 have outstayed their 60 days

    const xlsx = await call(officer, 'GET', '/api/tasks/export.xlsx?year=2024');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = ws.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(values).toContain('Ứng dụng màng sinh học chitosan-nano bạc bảo quản quả Quýt');
    expect(values).toContain('Tên nhiệm vụ');

    const reviewer = experts[0].headers;
    expect((await call(reviewer, 'GET', '/api/tasks')).statusCode).toBe(403);
    // A reviewer reads a task only while sitting on one of its councils.
    expect((await call(reviewer, 'GET', `/api/tasks/${found.items[0].id}`)).statusCode).toBe(404);
    const unitOfficer = await env.as('unit_officer');
    expect((await call(unitOfficer, 'GET', '/api/tasks')).statusCode).toBe(403);
    expect((await call(leader, 'GET', '/api/tasks/dashboard')).statusCode).toBe(200);
    const applicant = await env.as('applicant');
    expect((await call(applicant, 'POST', '/api/tasks', proposal())).statusCode).toBe(403);
    const { id: otherTenant } = await (await import('../../testing/harness.ts')).buildTenant(env.h, 'Sở KH&CN khác');
    const stranger = await env.as('dost_officer', { tenantId: otherTenant });
    const mine = found.items[0].id;
    expect((await call(stranger, 'GET', `/api/tasks/${mine}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', '/api/tasks')).json().items).toEqual([]);
  });
});
