/**
 * Programmes, calls and applications (issue #13) through the routes on a real database: a call whose form is
 * data (a JSON Schema compiled with ajv), applications that pass and fail it, files, submission, requests for
 * additions with the stage clock, refusal, timing per call, who sees what, and bad input of every shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import { AppError } from '../../errors.ts';
import { onApplicationTransition } from './programmes.hooks.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import type { RJSFSchema } from '@rjsf/utils';
import { fieldsToFormSchema, formSchemaToFields, localizeFormSchema, type FormField } from '../../../shared/schemas/programmes.ts';

let env: TestEnv;
let officer: AuthHeaders & { userId: string };
let leader: AuthHeaders;
let applicant: AuthHeaders & { userId: string };
let colleague: AuthHeaders;
let rival: AuthHeaders;
let orgId: string;
let programmeId: string;
let callId: string;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (headers: AuthHeaders | undefined, method: Method, url: string, payload?: unknown, lang = 'vi') =>
  env.app.inject({ method, url, headers: { ...headers, 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A form built without code: the field builder's description of the call's own fields. */
const FIELDS: FormField[] = [
  { key: 'employees', kind: 'number', title: { vi: 'Số lao động', en: 'Employees' }, required: true, min: 1 },
  { key: 'system', kind: 'choice', title: { vi: 'Hệ thống áp dụng', en: 'System to adopt' }, required: true, options: [
    { value: 'iso_9001', label: { vi: 'ISO 9001', en: 'ISO 9001' } }, { value: 'vietgap', label: { vi: 'VietGAP', en: 'VietGAP' } },
  ] },
  { key: 'consultant', kind: 'text', title: { vi: 'Đơn vị tư vấn', en: 'Consultant' }, required: true },
  { key: 'startDate', kind: 'date', title: { vi: 'Ngày dự kiến bắt đầu', en: 'Planned start' }, required: false },
  { key: 'exporter', kind: 'yes_no', title: { vi: 'Có xuất khẩu', en: 'Exports' }, required: false },
  { key: 'plan', kind: 'long_text', title: { vi: 'Kế hoạch thực hiện', en: 'Implementation plan' }, required: false },
];
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const callBody = (o: Record<string, unknown> = {}) => ({
  programmeId, code: `NSCL-${Math.random().toString(36).slice(2, 8)}`, title: 'Đợt hỗ trợ áp dụng hệ thống quản lý năm 2026', year: 2026,
  opensOn: '2026-01-01', closesOn: '2099-12-31', budget: 2_000_000_000, eligibility: 'Doanh nghiệp, hợp tác xã trên địa bàn tỉnh',
  supportTypes: ['management_system', 'productivity_tool'], formSchema: fieldsToFormSchema(FIELDS),
  scoringSheet: { criteria: [{ key: 'need', name: { vi: 'Nhu cầu', en: 'Need' }, maxPoints: 50 }, { key: 'feasibility', name: { vi: 'Tính khả thi', en: 'Feasibility' }, maxPoints: 50 }] },
  selectTop: null, requiredDocuments: ['application_form'], ...o,
});
const good = { employees: 45, system: 'iso_9001', consultant: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng' };

async function form(file: { name: string; type: string; bytes: Buffer }) {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}
async function upload(headers: AuthHeaders, id: string, kind: string, file: { name: string; type: string; bytes: Buffer }) {
  const body = await form(file);
  return env.app.inject({ method: 'POST', url: `/api/attachments/programme_application/${id}?kind=${kind}`, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
}
const pdf = (name: string) => ({ name, type: 'application/pdf', bytes: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

async function draft(answers: Record<string, unknown> = good, headers = applicant, callOf = callId) {
  const res = await call(headers, 'POST', '/api/programme-applications', { callId: callOf, title: 'Áp dụng ISO 9001:2015 tại nhà máy chế biến', answers, requestedAmount: 60_000_000 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function submitted(answers: Record<string, unknown> = good) {
  const d = await draft(answers);
  expect((await upload(applicant, d.id, 'application_form', pdf('don-dang-ky.pdf'))).statusCode).toBe(201);
  const res = await call(applicant, 'POST', `/api/programme-applications/${d.id}/submit`, { version: d.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const inboxOf = async (headers: AuthHeaders) => (await call(headers, 'GET', '/api/inbox')).json().items as { kind: string; title: string; subjectId: string | null }[];

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  orgId = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Công ty TNHH Chế biến Nông sản Đức Hòa' }))).json().id;
  const rivalOrg = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: 'Hợp tác xã Thanh long Châu Thành' }))).json().id;
  applicant = await env.as('applicant', { organizationId: orgId });
  colleague = await env.as('applicant', { organizationId: orgId });
  rival = await env.as('applicant', { organizationId: rivalOrg });
  const basis = (await call(officer, 'GET', `/api/legal-documents?scope=national&q=${encodeURIComponent('1322/QĐ-TTg')}&limit=5`)).json().items[0];
  const p = await call(officer, 'POST', '/api/programmes', {
    code: 'NSCL', kind: 'productivity_quality', name: 'Chương trình nâng cao năng suất và chất lượng', nameEn: 'Productivity and quality programme', legalDocumentId: basis.id,
  });
  expect(p.statusCode, p.body).toBe(201);
  expect(p.json()).toMatchObject({ legalDocumentNumber: '1322/QĐ-TTg', active: true });
  programmeId = p.json().id;
  const c = await call(officer, 'POST', '/api/programme-calls', callBody({ code: 'NSCL-2026' }));
  expect(c.statusCode, c.body).toBe(201);
  const opened = await call(officer, 'POST', `/api/programme-calls/${c.json().id}/status`, { status: 'open', version: c.json().version });
  expect(opened.statusCode, opened.body).toBe(200);
  expect(opened.json()).toMatchObject({ status: 'open', acceptingApplications: true });
  callId = c.json().id;
});
afterAll(() => env.close());

describe('programmes', () => {
  it('refuse an unknown legal basis, a duplicate code, a stale version and applicants', async () => {
    const bad = await call(officer, 'POST', '/api/programmes', { code: 'X1', kind: 'startup', name: 'Khởi nghiệp', legalDocumentId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'body.legalDocumentId', code: 'unknown_reference' });
    const dup = await call(officer, 'POST', '/api/programmes', { code: 'NSCL', kind: 'startup', name: 'Trùng mã' });
    expect(dup.statusCode).toBe(409);
    const p = (await call(officer, 'GET', `/api/programmes/${programmeId}`)).json();
    const body = { code: p.code, kind: p.kind, name: p.name, nameEn: p.nameEn, legalDocumentId: p.legalDocumentId, active: true };
    expect((await call(officer, 'PUT', `/api/programmes/${programmeId}`, { ...body, version: p.version })).statusCode).toBe(200);
    expect((await call(officer, 'PUT', `/api/programmes/${programmeId}`, { ...body, version: p.version })).statusCode).toBe(409);
    expect((await call(applicant, 'POST', '/api/programmes', { code: 'Y', kind: 'other', name: 'Y' })).statusCode).toBe(403);
    const list = (await call(applicant, 'GET', '/api/programmes?q=nang suat')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(programmeId);
  });
});

describe('calls', () => {
  it('round-trip the field builder: the schema the builder writes reads back as the same fields', () => {
    expect(formSchemaToFields(fieldsToFormSchema(FIELDS))).toEqual(FIELDS.map((f) => ({ ...f, required: f.required })));
  });

  it('refuse a form ajv cannot compile, with a 400 listing why', async () => {
    const res = await call(officer, 'POST', '/api/programme-calls', callBody({
      formSchema: { type: 'object', properties: { a: { type: 'strnig' }, b: { type: 'number', minimum: 'zero' } } },
    }), 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('programme.form_schema_invalid');
    expect(res.json().details.length).toBeGreaterThanOrEqual(1);
    expect(res.json().details[0].path).toMatch(/^body\.formSchema/);
    const unknownKeyword = await call(officer, 'POST', '/api/programme-calls', callBody({ formSchema: { type: 'object', properties: { a: { type: 'string', colour: 'red' } } } }));
    expect(unknownKeyword.statusCode).toBe(400);
    expect(JSON.stringify(unknownKeyword.json().details)).toContain('colour');
    const noFields = await call(officer, 'POST', '/api/programme-calls', callBody({ formSchema: { type: 'object', properties: {} } }));
    expect(noFields.json().details[0]).toMatchObject({ path: 'body.formSchema.properties' });
    const remote = await call(officer, 'POST', '/api/programme-calls', callBody({ formSchema: { type: 'object', properties: { a: { $ref: 'http://example.com/s.json' } } } }));
    expect(remote.statusCode).toBe(400);
  });

  it('refuse a scoring sheet not of the councils shape, reversed dates, bad support types', async () => {
    const sheet = await call(officer, 'POST', '/api/programme-calls', callBody({ scoringSheet: { criteria: [] } }));
    expect(sheet.statusCode).toBe(400);
    expect(sheet.json().details[0].path).toMatch(/^body\.scoringSheet/);
    const dates = await call(officer, 'POST', '/api/programme-calls', callBody({ opensOn: '2026-05-01', closesOn: '2026-04-01' }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json().details[0]).toMatchObject({ path: 'body.closesOn' });
    const types = await call(officer, 'POST', '/api/programme-calls', callBody({ supportTypes: ['Quản lý'] }));
    expect(types.json().details[0].path).toBe('body.supportTypes.0');
  });

  it('serve their form compiled by ajv as a module the browser runs without eval, judging answers as the server does', async () => {
    const res = await call(applicant, 'GET', `/api/programme-calls/${callId}/form-validator.js?lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).not.toMatch(/\beval\(|new Function/);
    const file = join(mkdtempSync(join(tmpdir(), 'khcn-form-')), 'validator.mjs');
    writeFileSync(file, res.body);
    const mod = await import(pathToFileURL(file).href) as { default: (req: (m: string) => unknown) => Record<string, unknown> };
    const runtime: Record<string, unknown> = {
      'ajv/dist/runtime/ucs2length': await import('ajv/dist/runtime/ucs2length.js'), 'ajv-formats/dist/formats': await import('ajv-formats/dist/formats.js'),
    };
    const schema = localizeFormSchema((await call(applicant, 'GET', `/api/programme-calls/${callId}`)).json().formSchema, 'en') as RJSFSchema;
    const validator = createPrecompiledValidator(mod.default((m) => runtime[m]) as never, schema);
    expect(validator.validateFormData(good, schema).errors).toEqual([]);
    const bad = validator.validateFormData({ employees: 0, system: 'ISO 14001' }, schema).errors.map((e) => e.property);
    expect(bad.map((p) => (p ?? '').replace(/^\./, ''))).toEqual(expect.arrayContaining(['employees', 'system', 'consultant']));
  });

  it('move draft → open → closed only, and are hidden from applicants while drafts', async () => {
    const c = (await call(officer, 'POST', '/api/programme-calls', callBody())).json();
    expect((await call(applicant, 'GET', `/api/programme-calls/${c.id}`)).statusCode).toBe(404);
    const closed = await call(officer, 'POST', `/api/programme-calls/${c.id}/status`, { status: 'closed', version: c.version });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('programme.call_status_move');
    const list = (await call(applicant, 'GET', '/api/programme-calls')).json();
    expect(list.items.every((x: { status: string }) => x.status !== 'draft')).toBe(true);
    expect(list.items.map((x: { id: string }) => x.id)).toContain(callId);
  });
});

describe('applications', () => {
  it('a new call created without code: an application that passes its fields and one that fails them', async () => {
    const passing = await draft();
    expect(passing.missing.filter((m: { path: string }) => m.path.startsWith('answers'))).toEqual([]);
    const failing = await draft({ employees: 'bốn mươi', system: 'ISO 14001' });
    expect((await upload(applicant, failing.id, 'application_form', pdf('don.pdf'))).statusCode).toBe(201);
    const res = await call(applicant, 'POST', `/api/programme-applications/${failing.id}/submit`, { version: failing.version }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('programme.application_incomplete');
    const details = res.json().details as { path: string; code: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['answers.consultant', 'answers.employees', 'answers.system']);
    expect(details.find((d) => d.path === 'answers.consultant')).toMatchObject({ code: 'required', message: 'Field "Consultant": is required.' });
    const vi = await call(applicant, 'POST', `/api/programme-applications/${failing.id}/submit`, { version: failing.version }, 'vi');
    expect(vi.json().details.find((d: { path: string }) => d.path === 'answers.employees').message).toBe('Mục "Số lao động": sai kiểu dữ liệu.');
  });

  it('name every missing file too, and submit once the form and the files are there', async () => {
    const d = await draft({ employees: 12 });
    const res = await call(applicant, 'POST', `/api/programme-applications/${d.id}/submit`, { version: d.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((x: { path: string }) => x.path)).toEqual(['answers.system', 'answers.consultant', 'files.application_form']);
    const fixed = await call(applicant, 'PUT', `/api/programme-applications/${d.id}`, { title: d.title, answers: good, requestedAmount: 50_000_000, version: d.version });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().missing.map((m: { path: string }) => m.path)).toEqual(['files.application_form']);
    expect((await upload(applicant, d.id, 'application_form', pdf('don-dang-ky.pdf'))).statusCode).toBe(201);
    const ok = await call(applicant, 'POST', `/api/programme-applications/${d.id}/submit`, { version: fixed.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stage: 'received', code: expect.stringMatching(/^NSCL-2026-\d{3}$/), stageName: { vi: 'Tiếp nhận, kiểm tra tính đầy đủ' } });
    expect(ok.json().history).toHaveLength(1);
    expect((await inboxOf(officer)).some((n) => n.kind === 'programme.application_submitted' && n.subjectId === d.id)).toBe(true);
    expect((await inboxOf(colleague)).some((n) => n.kind === 'programme.application_received' && n.subjectId === d.id)).toBe(true);
    // Submitted: no more edits.
    const again = await call(applicant, 'PUT', `/api/programme-applications/${d.id}`, { title: 'x', answers: good, version: ok.json().version });
    expect(again.statusCode).toBe(409);
  });

  it('refuse a file of a type or size its kind does not take, saying why', async () => {
    const d = await draft();
    const html = await upload(applicant, d.id, 'application_form', { name: 'don.html', type: 'text/html', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(html.statusCode).toBe(400);
    expect(html.json().message).toBeTruthy();
    const photoAsPdf = await upload(applicant, d.id, 'product_photo', pdf('anh.pdf'));
    expect(photoAsPdf.statusCode).toBe(400);
    expect(photoAsPdf.json().message).toMatch(/PNG|JPEG/);
  });

  it('are seen only by their own organisation (404 for another) and by the DOST', async () => {
    const d = await draft();
    expect((await call(rival, 'GET', `/api/programme-applications/${d.id}`)).statusCode).toBe(404);
    expect((await call(rival, 'PUT', `/api/programme-applications/${d.id}`, { title: 'x', answers: {}, version: d.version })).statusCode).toBe(404);
    expect((await call(rival, 'GET', `/api/attachments/programme_application/${d.id}`)).statusCode).toBe(404);
    expect((await call(colleague, 'GET', `/api/programme-applications/${d.id}`)).statusCode).toBe(200);
    const mine = (await call(rival, 'GET', '/api/programme-applications')).json();
    expect(mine.items.some((x: { id: string }) => x.id === d.id)).toBe(false);
    const s = await submitted();
    expect((await call(leader, 'GET', `/api/programme-applications/${s.id}`)).statusCode).toBe(200);
    const staff = (await call(officer, 'GET', `/api/programme-applications?callId=${callId}&stage=received`)).json();
    expect(staff.items.some((x: { id: string }) => x.id === s.id)).toBe(true);
    expect(staff.items.some((x: { id: string }) => x.id === d.id)).toBe(false); // drafts stay the applicant's
    const byText = (await call(officer, 'GET', `/api/programme-applications?q=${encodeURIComponent('duc hoa')}`)).json();
    expect(byText.items.some((x: { id: string }) => x.id === s.id)).toBe(true);
    expect((await call(officer, 'GET', `/api/programme-applications?q=${encodeURIComponent('chau thanh')}`)).json().items).toEqual([]);
  });

  it('leave nothing half-written when a submission fails inside its transaction', async () => {
    const d = await draft();
    expect((await upload(applicant, d.id, 'application_form', pdf('don.pdf'))).statusCode).toBe(201);
    const before = (await call(applicant, 'GET', `/api/programme-applications/${d.id}`)).json();
    const marker = `Hồ sơ lỗi ${Math.random()}`;
    const renamed = await call(applicant, 'PUT', `/api/programme-applications/${d.id}`, { title: marker, answers: good, version: before.version });
    onApplicationTransition(async (_tx, _ctx, t) => {
      if (t.application.title === marker) throw new AppError('programme.awaiting_additions', { status: 409 });
    }, 'test.fail-on-marker');
    const res = await call(applicant, 'POST', `/api/programme-applications/${d.id}/submit`, { version: renamed.json().version });
    expect(res.statusCode).toBe(409);
    const after = (await call(applicant, 'GET', `/api/programme-applications/${d.id}`)).json();
    expect(after).toMatchObject({ stage: 'draft', code: null, submittedAt: null, version: renamed.json().version, history: [] });
    const events = await env.h.db.execute(`SELECT count(*)::int AS n FROM stage_events WHERE subject_id = '${d.id}'` as never);
    expect(((events as unknown as { rows: { n: number }[] }).rows ?? events as unknown as { n: number }[])[0].n).toBe(0);
    expect((await inboxOf(officer)).some((n) => n.subjectId === d.id)).toBe(false);
  });

  it('stop the clock while additions are asked for, restart it on the answer, then go to review', async () => {
    const s = await submitted();
    const asked = await call(officer, 'POST', `/api/programme-applications/${s.id}/requests`, { note: 'Bổ sung báo cáo tài chính năm 2025', version: s.version });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ awaitingAdditions: true, may: { requestAdditions: false } });
    expect(asked.json().history[0].clockStops).toHaveLength(1);
    expect((await inboxOf(applicant)).some((n) => n.kind === 'programme.additions_requested' && n.subjectId === s.id)).toBe(true);
    const twice = await call(officer, 'POST', `/api/programme-applications/${s.id}/requests`, { note: 'Lần hai', version: asked.json().version });
    expect(twice.json().code).toBe('programme.additions_already_requested');
    const blocked = await call(officer, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'send_to_review', version: asked.json().version });
    expect(blocked.json().code).toBe('programme.awaiting_additions');
    const requestId = asked.json().requests[0].id;
    const noFile = await call(applicant, 'POST', `/api/programme-applications/${s.id}/requests/${requestId}/answer`, { note: 'Đã bổ sung' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().details[0]).toMatchObject({ path: 'files', code: 'missing_file' });
    expect((await upload(applicant, s.id, 'financial_statement', pdf('bctc-2025.pdf'))).statusCode).toBe(201);
    expect((await call(rival, 'POST', `/api/programme-applications/${s.id}/requests/${requestId}/answer`, { note: 'x' })).statusCode).toBe(404);
    const answered = await call(applicant, 'POST', `/api/programme-applications/${s.id}/requests/${requestId}/answer`, { note: 'Đã bổ sung báo cáo tài chính' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().requests[0]).toMatchObject({ answerNote: 'Đã bổ sung báo cáo tài chính', files: [{ fileName: 'bctc-2025.pdf' }] });
    expect(answered.json().history[0].clockStops[0].resumedAt).not.toBeNull();
    expect((await inboxOf(officer)).some((n) => n.kind === 'programme.additions_answered' && n.subjectId === s.id)).toBe(true);
    const stale = await call(officer, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'send_to_review', version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common.version_conflict');
    const review = await call(officer, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'send_to_review', version: answered.json().version });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json()).toMatchObject({ stage: 'review', history: [{ toStage: 'received' }, { toStage: 'review' }] });
    expect((await inboxOf(applicant)).some((n) => n.kind === 'programme.application_stage_changed' && n.subjectId === s.id)).toBe(true);
    // The applicant cannot move it on; it may withdraw.
    const own = await call(applicant, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'conclude_review', version: review.json().version });
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('workflow.transition_not_allowed');
  });

  it('are refused only with a reason, which decides them; the call page measures submission to decision', async () => {
    const s = await submitted();
    const noReason = await call(officer, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'refuse', version: s.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0]).toMatchObject({ path: 'body.reason', code: 'required' });
    const refused = await call(officer, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'refuse', reason: 'Không thuộc đối tượng hỗ trợ', version: s.version });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ stage: 'not_supported', decidedAt: expect.any(String), actions: [] });
    const closed = await call(officer, 'POST', `/api/programme-applications/${s.id}/transitions`, { action: 'send_to_review', version: refused.json().version });
    expect(closed.json().code).toBe('programme.application_closed');
    const timing = await call(officer, 'GET', `/api/programme-calls/${callId}/timing`);
    expect(timing.statusCode, timing.body).toBe(200);
    expect(timing.json().decided).toBeGreaterThanOrEqual(1);
    expect(timing.json().medianWorkingDays).toBeGreaterThanOrEqual(0);
    expect(timing.json().maxWorkingDays).toBeGreaterThanOrEqual(timing.json().medianWorkingDays);
    expect((await call(applicant, 'GET', `/api/programme-calls/${callId}/timing`)).statusCode).toBe(403);
  });

  it('a call closed or not yet open takes no applications; its form is fixed once applications are in', async () => {
    const c = (await call(officer, 'GET', `/api/programme-calls/${callId}`)).json();
    const { id: _id, programmeCode: _a, programmeName: _b, programmeNameEn: _c, programmeKind: _d, status: _s, acceptingApplications: _e, applicationCount: _f, createdAt: _g, updatedAt: _h, ...rest } = c;
    const changed = await call(officer, 'PUT', `/api/programme-calls/${callId}`, { ...rest, formSchema: fieldsToFormSchema(FIELDS.slice(0, 2)) });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('programme.form_locked');
    const later = (await call(officer, 'POST', '/api/programme-calls', callBody({ opensOn: '2099-01-01', closesOn: '2099-02-01' }))).json();
    await call(officer, 'POST', `/api/programme-calls/${later.id}/status`, { status: 'open', version: later.version });
    const res = await call(applicant, 'POST', '/api/programme-applications', { callId: later.id, title: 'Sớm quá', answers: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('programme.call_not_open');
    expect(today).toMatch(/^\d{4}-/);
  });
});

describe('bad input of every shape gets a 400 naming the field, never a 500', () => {
  const shapes: [string, Method, () => string, unknown][] = [
    ['call form as a string', 'POST', () => '/api/programme-calls', { formSchema: 'x' }],
    ['call form as an array', 'POST', () => '/api/programme-calls', { formSchema: [] }],
    ['call with numbers as text', 'POST', () => '/api/programme-calls', { budget: '1.000', year: 'năm' }],
    ['application answers as an array', 'POST', () => '/api/programme-applications', { answers: [1, 2] }],
    ['application with a non-uuid call', 'POST', () => '/api/programme-applications', { callId: 'abc', title: 'x' }],
    ['negative amount', 'POST', () => '/api/programme-applications', { requestedAmount: -5 }],
    ['transition to an unknown action', 'POST', () => `/api/programme-applications/${callId}/transitions`, { action: 'approve_all', version: 1 }],
    ['version as text', 'POST', () => `/api/programme-applications/${callId}/submit`, { version: 'một' }],
    ['a body of null', 'POST', () => '/api/programmes', null],
    ['an empty note', 'POST', () => `/api/programme-applications/${callId}/requests`, { note: '', version: 1 }],
  ];
  for (const [name, method, url, body] of shapes) {
    it(name, async () => {
      const base = url() === '/api/programme-calls' ? callBody() : url() === '/api/programme-applications' ? { callId, title: 'Hồ sơ', answers: {} } : {};
      const payload = body === null ? null : { ...base, ...(body as object) };
      const res = await env.app.inject({ method, url: url(), headers: { ...(url().includes('applications') && !url().includes('/') ? applicant : officer), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBeTruthy();
    });
  }
  it('bad query strings and cursors', async () => {
    for (const q of ['limit=0', 'limit=abc', 'stage=nowhere', 'callId=1', 'cursor=%%%']) {
      const res = await call(officer, 'GET', `/api/programme-applications?${q}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(400);
    }
    expect((await call(officer, 'GET', '/api/programme-calls?year=1900')).statusCode).toBe(400);
    expect((await call(officer, 'GET', '/api/programme-applications/not-a-uuid')).statusCode).toBe(400);
  });
});
