/**
 * Enterprises propose and follow tasks online (issue #11): an applicant's draft, its files, its submission into the
 * workflow, the notices both ways, requests for missing papers and their answers, and what of a council the host
 * organisation may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';

let env: TestEnv;
let officer: AuthHeaders & { userId: string };
let applicant: AuthHeaders & { userId: string };
let rival: AuthHeaders;
let orgId: string;
let rivalOrgId: string;

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const draftBody = (o: Record<string, unknown> = {}) => ({
  title: 'Ứng dụng công nghệ sấy lạnh bảo quản thanh long ruột đỏ', type: 'research_topic', proposalYear: 2027,
  scienceField: '2', summary: 'Mục tiêu: giảm tổn thất sau thu hoạch; nội dung: thiết kế, chế tạo máy sấy lạnh.',
  funding: [{ year: 2027, stateBudget: 500, counterpart: 400 }],
  products: [{ name: 'Máy sấy lạnh 500 kg/mẻ', kind: 'sample', specification: 'Độ ẩm sản phẩm ≤ 12 %' }],
  ...o,
});

const pdf = (name: string) => Buffer.from(`%PDF-1.4 ${name}`).toString('base64');
const attach = (headers: AuthHeaders, id: string, kind: string, fileName = `${kind}.pdf`) => call(headers, 'POST', `/api/tasks/${id}/documents`, {
  kind, fileName, contentType: 'application/pdf', contentBase64: pdf(fileName),
});

async function draft(headers = applicant, o: Record<string, unknown> = {}) {
  const res = await call(headers, 'POST', '/api/tasks/proposals', draftBody(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function submitted(o: Record<string, unknown> = {}) {
  const d = await draft(applicant, o);
  expect((await attach(applicant, d.id, 'proposal_form')).statusCode).toBe(201);
  const v = (await call(applicant, 'GET', `/api/tasks/${d.id}`)).json().version;
  const res = await call(applicant, 'POST', `/api/tasks/proposals/${d.id}/submit`, { version: v });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const inboxOf = async (headers: AuthHeaders) => (await call(headers, 'GET', '/api/inbox')).json().items as
  { kind: string; title: string; body: string | null; subjectType: string | null; subjectId: string | null }[];

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  orgId = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Công ty TNHH Nông sản Sấy lạnh Long An' }))).json().id;
  rivalOrgId = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Công ty Cổ phần Thanh long Châu Thành' }))).json().id;
  applicant = await env.as('applicant', { organizationId: orgId });
  rival = await env.as('applicant', { organizationId: rivalOrgId });
});
afterAll(() => env.close());

describe('draft proposals', () => {
  it('are created for the applicant\'s own organisation, whatever host the body names', async () => {
    const res = await call(applicant, 'POST', '/api/tasks/proposals', { ...draftBody(), hostOrganizationId: rivalOrgId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stage: 'draft', submittedAt: null, hostOrganizationId: orgId, stageName: { en: 'Draft (not yet submitted)' } });
  });

  it('need an account linked to an organisation, and the applicant role', async () => {
    const loose = await env.as('applicant');
    expect((await call(loose, 'POST', '/api/tasks/proposals', draftBody())).json().code).toBe('task.proposal_needs_organization');
    expect((await call(officer, 'POST', '/api/tasks/proposals', draftBody())).statusCode).toBe(403);
  });

  it('are edited with the version read; a stale version gets 409', async () => {
    const d = await draft();
    const ok = await call(applicant, 'PUT', `/api/tasks/proposals/${d.id}`, { ...draftBody({ title: 'Máy sấy lạnh thanh long (bản 2)' }), version: d.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Máy sấy lạnh thanh long (bản 2)', version: d.version + 1, funding: [{ year: 2027, stateBudget: 500 }] });
    const stale = await call(applicant, 'PUT', `/api/tasks/proposals/${d.id}`, { ...draftBody(), version: d.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common.version_conflict');
    expect((await call(applicant, 'POST', `/api/tasks/proposals/${d.id}/submit`, { version: d.version })).statusCode).toBe(409);
  });

  it('take files while they are drafts and are deleted with them', async () => {
    const d = await draft();
    expect((await attach(applicant, d.id, 'other', 'ban-thuyet-minh.pdf')).statusCode).toBe(201);
    const files = (await call(applicant, 'GET', `/api/attachments/task/${d.id}`)).json();
    expect(files.items.map((f: { fileName: string }) => f.fileName)).toEqual(['ban-thuyet-minh.pdf']);
    const v = (await call(applicant, 'GET', `/api/tasks/${d.id}`)).json().version;
    expect((await call(applicant, 'DELETE', `/api/tasks/proposals/${d.id}?version=${v}`)).statusCode).toBe(204);
    expect((await call(applicant, 'GET', `/api/tasks/${d.id}`)).statusCode).toBe(404);
    expect((await call(applicant, 'GET', `/api/attachments/task/${d.id}/${files.items[0].id}`)).statusCode).toBe(404);
  });

  it("are another company's business of nobody: 404 to read, edit, attach or delete", async () => {
    const d = await draft();
    expect((await call(rival, 'GET', `/api/tasks/${d.id}`)).statusCode).toBe(404);
    expect((await call(rival, 'PUT', `/api/tasks/proposals/${d.id}`, { ...draftBody(), version: d.version })).statusCode).toBe(404);
    expect((await call(rival, 'POST', `/api/tasks/proposals/${d.id}/submit`, { version: d.version })).statusCode).toBe(404);
    expect((await call(rival, 'DELETE', `/api/tasks/proposals/${d.id}?version=${d.version}`)).statusCode).toBe(404);
    expect((await attach(rival, d.id, 'other')).statusCode).toBe(404);
    const list = (await call(rival, 'GET', '/api/tasks?limit=200')).json();
    expect(list.items.map((t: { id: string }) => t.id)).not.toContain(d.id);
  });

  it('are invisible to the DOST: not listed, counted or readable, and no council is about one', async () => {
    const d = await draft(applicant, { title: 'Đề xuất nháp chưa gửi Sở về sấy lạnh' });
    const list = (await call(officer, 'GET', '/api/tasks?limit=200')).json();
    expect(list.items.map((t: { id: string }) => t.id)).not.toContain(d.id);
    expect((await call(officer, 'GET', `/api/tasks?q=${encodeURIComponent('nháp chưa gửi')}`)).json().items).toEqual([]);
    expect((await call(officer, 'GET', `/api/tasks/${d.id}`)).statusCode).toBe(404);
    expect((await call(officer, 'GET', `/api/attachments/task/${d.id}`)).statusCode).toBe(404);
    expect((await call(officer, 'PUT', `/api/tasks/${d.id}`, { ...draftBody(), type: 'research_topic', level: 'provincial', version: d.version })).statusCode).toBe(404);
    const dashboard = (await call(officer, 'GET', '/api/tasks/dashboard')).json();
    expect(dashboard.stages.map((s: { stage: string }) => s.stage)).not.toContain('draft');
    const council = await call(officer, 'POST', '/api/councils', { subjectType: 'task', subjectId: d.id, kind: 'identification', name: 'Hội đồng thử', meetingDate: '2026-12-20' });
    expect(council.statusCode).toBe(400);
    const timing = (await call(officer, 'GET', '/api/stage-timing/current?subjectType=task')).json();
    expect(JSON.stringify(timing)).not.toContain(d.id);
  });
});

describe('submitting a proposal', () => {
  it('without the proposal form or the required fields gives field errors', async () => {
    const d = await draft(applicant, { scienceField: null, summary: null });
    const res = await call(applicant, 'POST', `/api/tasks/proposals/${d.id}/submit`, { version: d.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('task.proposal_incomplete');
    const paths = res.json().details.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['body.scienceField', 'body.summary', 'documents.proposal_form']));
    const en = await env.app.inject({ method: 'POST', url: `/api/tasks/proposals/${d.id}/submit`, headers: { ...applicant, 'accept-language': 'en' }, payload: { version: d.version } });
    expect(en.json().details.find((p: { path: string }) => p.path === 'documents.proposal_form').message).toBe('Attach the "Proposal form" before submitting the proposal.');
    expect((await call(applicant, 'GET', `/api/tasks/${d.id}`)).json().stage).toBe('draft');
    // The draft's page says the same before the applicant tries.
    const actions = (await call(applicant, 'GET', `/api/tasks/${d.id}/actions`)).json();
    expect(actions.actions).toEqual([expect.objectContaining({
      action: 'submit_proposal', ready: false, missingDocuments: ['proposal_form'], missingFields: expect.arrayContaining(['scienceField', 'summary']),
    })]);
  });

  it('starts the workflow at the proposal stage, by the applicant, and tells the DOST officers', async () => {
    const t = await submitted({ title: 'Sấy lạnh thanh long: đề xuất đã gửi' });
    expect(t).toMatchObject({ stage: 'proposal', hostOrganizationId: orgId });
    expect(t.submittedAt).not.toBeNull();
    const history = (await call(applicant, 'GET', `/api/tasks/${t.id}/history`)).json();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromStage: null, toStage: 'proposal', actorId: applicant.userId });
    const inbox = await inboxOf(officer);
    expect(inbox.find((i) => i.subjectId === t.id)).toMatchObject({ kind: 'task.proposal_submitted', subjectType: 'task' });
    expect((await call(officer, 'GET', `/api/tasks/${t.id}`)).statusCode).toBe(200);
    expect((await call(officer, 'GET', '/api/tasks?limit=200')).json().items.map((x: { id: string }) => x.id)).toContain(t.id);
    // Submitted: no longer the applicant's to edit, delete or submit again.
    expect((await call(applicant, 'PUT', `/api/tasks/proposals/${t.id}`, { ...draftBody(), version: t.version })).json().code).toBe('task.proposal_already_submitted');
    expect((await call(applicant, 'DELETE', `/api/tasks/proposals/${t.id}?version=${t.version}`)).statusCode).toBe(409);
    expect((await attach(applicant, t.id, 'other')).statusCode).toBe(403);
  });
});

describe('the applicant follows its tasks', () => {
  it('lists only what its organisation hosts (drafts too) or takes part in', async () => {
    const own = await draft(applicant, { title: 'Danh sách: nháp của công ty' });
    const base = { type: 'research_topic', level: 'provincial', proposalYear: 2026, members: [], funding: [], products: [] };
    const theirs = (await call(officer, 'POST', '/api/tasks', { ...base, title: 'Danh sách: nhiệm vụ của công ty khác', hostOrganizationId: rivalOrgId })).json();
    const joint = (await call(officer, 'POST', '/api/tasks', {
      ...base, title: 'Danh sách: nhiệm vụ công ty tham gia', hostOrganizationId: rivalOrgId,
      participants: [{ organizationId: orgId, role: 'cooperating_enterprise' }],
    })).json();
    const ids = (await call(applicant, 'GET', '/api/tasks?limit=200')).json().items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, joint.id]));
    expect(ids).not.toContain(theirs.id);
    const drafts = (await call(applicant, 'GET', '/api/tasks?stage=draft&limit=200')).json().items;
    expect(drafts.every((x: { submittedAt: string | null }) => x.submittedAt === null)).toBe(true);
    expect((await call(applicant, 'GET', '/api/tasks/export.xlsx')).statusCode).toBe(403);
  });

  it('is told in its inbox when an officer moves its task to another stage', async () => {
    const t = await submitted({ title: 'Sấy lạnh: chuyển giai đoạn' });
    const moved = await call(officer, 'POST', `/api/tasks/${t.id}/transitions`, { action: 'submit_for_identification', version: t.version, note: 'Đủ hồ sơ' });
    expect(moved.statusCode, moved.body).toBe(200);
    const item = (await inboxOf(applicant)).find((i) => i.subjectId === t.id && i.kind === 'task.stage_changed');
    expect(item?.title).toContain('Hội đồng tư vấn xác định nhiệm vụ');
    expect(item?.body).toContain('Đủ hồ sơ');
    expect((await inboxOf(rival)).some((i) => i.subjectId === t.id)).toBe(false);
    expect((await call(applicant, 'GET', `/api/tasks/${t.id}`)).json().stage).toBe('identification');
  });

  it('is asked for missing papers and answers with new files, which tells the officers', async () => {
    const t = await submitted({ title: 'Sấy lạnh: bổ sung hồ sơ' });
    expect((await call(applicant, 'POST', `/api/tasks/${t.id}/paper-requests`, { note: 'x' })).statusCode).toBe(403);
    const asked = await call(officer, 'POST', `/api/tasks/${t.id}/paper-requests`, { note: 'Thiếu bản sao giấy chứng nhận đăng ký doanh nghiệp' });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({ stage: 'proposal', answeredAt: null });
    expect((await call(officer, 'POST', `/api/tasks/${t.id}/paper-requests`, { note: 'Lần hai' })).json().code).toBe('task.papers_already_requested');
    const notice = (await inboxOf(applicant)).find((i) => i.subjectId === t.id && i.kind === 'task.papers_requested');
    expect(notice?.body).toContain('giấy chứng nhận đăng ký doanh nghiệp');

    const early = await call(applicant, 'POST', `/api/tasks/${t.id}/paper-requests/${request.id}/answer`, { note: 'Đã gửi' });
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].path).toBe('files');
    expect((await call(rival, 'POST', `/api/tasks/${t.id}/paper-requests/${request.id}/answer`, { note: 'x' })).statusCode).toBe(404);
    expect((await attach(applicant, t.id, 'other', 'giay-chung-nhan-dkdn.pdf')).statusCode).toBe(201);
    const answered = await call(applicant, 'POST', `/api/tasks/${t.id}/paper-requests/${request.id}/answer`, { note: 'Gửi bản sao có chứng thực' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ answerNote: 'Gửi bản sao có chứng thực', files: [{ fileName: 'giay-chung-nhan-dkdn.pdf' }] });
    expect((await call(applicant, 'POST', `/api/tasks/${t.id}/paper-requests/${request.id}/answer`, { note: 'again' })).statusCode).toBe(409);
    // The request is answered: the applicant's files are closed again.
    expect((await attach(applicant, t.id, 'other', 'them.pdf')).statusCode).toBe(403);
    const told = (await inboxOf(officer)).find((i) => i.subjectId === t.id && i.kind === 'task.papers_answered');
    expect(told?.body).toContain('giay-chung-nhan-dkdn.pdf');
    const listed = (await call(officer, 'GET', `/api/tasks/${t.id}/paper-requests`)).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ note: 'Thiếu bản sao giấy chứng nhận đăng ký doanh nghiệp', answerNote: 'Gửi bản sao có chứng thực' });
    expect((await call(rival, 'GET', `/api/tasks/${t.id}/paper-requests`)).statusCode).toBe(404);
  });
});

describe("councils' conclusions", () => {
  it('show the host organisation the verdict of a closed council, never the sheets', async () => {
    const t = await submitted({ title: 'Sấy lạnh: hội đồng xác định' });
    const c = (await call(officer, 'POST', '/api/councils', { subjectType: 'task', subjectId: t.id, kind: 'identification', name: 'Hội đồng xác định sấy lạnh', meetingDate: '2026-12-01' })).json();
    const roles = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];
    const members: { id: string; headers: AuthHeaders }[] = [];
    for (const [i, role] of roles.entries()) {
      const personId = (await call(officer, 'POST', '/api/people', buildPerson({ fullName: `Chuyên gia Sấy lạnh ${i + 1}` }))).json().id;
      const u = await buildUser(env.h, { tenantId: env.tenantId, role: 'reviewer' });
      const m = await call(officer, 'POST', `/api/councils/${c.id}/members`, { personId, role, userId: u.id });
      expect(m.statusCode, m.body).toBe(201);
      members.push({ id: m.json().id, headers: await login(env.app, u.username) });
    }
    const dossier = (await call(officer, 'POST', `/api/councils/${c.id}/dossiers`, { subjectType: 'task', subjectId: t.id })).json();
    for (const m of members.slice(0, 5)) await call(officer, 'PUT', `/api/councils/${c.id}/members/${m.id}/presence`, { present: true });
    const before = (await call(officer, 'GET', `/api/councils/${c.id}`)).json();
    expect((await call(officer, 'POST', `/api/councils/${c.id}/open`, { version: before.version })).statusCode).toBe(200);
    for (const m of members.slice(0, 5)) {
      const r = await call(m.headers, 'PUT', `/api/councils/${c.id}/dossiers/${dossier.id}/sheets/${m.id}`, {
        scores: { necessity: 17, feasibility: 25, effectiveness: 24, replicability: 16 },
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
    }
    // While the council sits there is no conclusion yet.
    expect((await call(applicant, 'GET', `/api/tasks/${t.id}/council-conclusions`)).json().items).toEqual([]);
    const open = (await call(officer, 'GET', `/api/councils/${c.id}`)).json();
    expect((await call(officer, 'POST', `/api/councils/${c.id}/close`, { version: open.version })).statusCode).toBe(200);

    const res = await call(applicant, 'GET', `/api/tasks/${t.id}/council-conclusions`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ councilId: c.id, kind: 'identification', passed: true })]);
    const text = res.body;
    expect(text).not.toContain('scores');
    expect(text).not.toContain('average');
    expect(text).not.toContain('Chuyên gia Sấy lạnh');
    expect((await call(applicant, 'GET', `/api/councils/${c.id}`)).statusCode).toBe(404);
    expect((await call(applicant, 'GET', `/api/councils/${c.id}/results`)).statusCode).toBe(403);
    expect((await call(applicant, 'GET', `/api/tasks/${t.id}`)).json().identificationPassed).toBe(true);
    expect((await call(rival, 'GET', `/api/tasks/${t.id}/council-conclusions`)).statusCode).toBe(404);
  });
});
