/**
 * Support through the real app and database: a call's applications reviewed by a council of kind programme_review
 * scoring on the call's own sheet, the ranking with its ties and the top N, the guards on the programmes workflow,
 * the support decision checked against the counterpart rule (400 explaining the breach), its DOCX, the applicant's
 * view, outcomes and certificates, the expiry reminder sent once, and the figures through an indicator.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import type { Actor, Ctx } from '../../context.ts';
import type { Role } from '../../../shared/roles.ts';
import { createProgramme, createCall, setCallStatus } from '../programmes/programmes.calls.ts';
import { createApplication, submitApplication, transitionApplication } from '../programmes/programmes.applications.ts';
import { addDays, todayInVietnam } from '../../../lib/vi/dates.ts';
import { remindExpiringCertificates } from './support.reminders.ts';

type User = AuthHeaders & { userId: string };
let env: TestEnv;
let officer: User;
let leader: User;
const firms: { orgId: string; user: User; appId: string; name: string }[] = [];
let callId: string;
let councilId: string;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));

const SHEET = {
  criteria: [
    { key: 'necessity', name: { vi: 'Sự cần thiết áp dụng', en: 'Need for the system' }, maxPoints: 40 },
    { key: 'capacity', name: { vi: 'Năng lực của doanh nghiệp', en: 'Capacity of the firm' }, maxPoints: 60 },
  ],
};

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, lang = 'vi') =>
  env.app.inject({ method, url, headers: { ...headers, 'accept-language': lang }, payload });
const ok = async (p: ReturnType<typeof call>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

const ctxOf = (u: { userId: string }, role: Role, organizationId: string | null = null): Ctx => ({
  db: env.h.db,
  actor: { userId: u.userId, username: u.userId, displayName: `Người dùng ${role}`, role, tenantId: env.tenantId, organizationId, agencyId: null, adminUnitId: null, unitName: null } satisfies Actor,
});
const officerCtx = () => ctxOf(officer, 'dost_officer');
async function move(appId: string, action: string) {
  const { version } = (await env.h.query<{ version: number }>('SELECT version FROM programme_applications WHERE id = $1', [appId]))[0];
  return transitionApplication(officerCtx(), appId, { action: action as never, version });
}
const moveRefused = async (appId: string, action: string) => move(appId, action).then(() => null, (e: { code: string; status: number }) => e);

const decision = (o: Record<string, unknown> = {}) => ({
  supportType: 'management_system', totalCost: 120_000_000, stateAmount: 60_000_000, counterpartAmount: 60_000_000,
  decisionNumber: `${15 + firms.length}/QĐ-SKHCN`, decisionDate: today, signerTitle: 'Phó Giám đốc', signerName: 'Nguyễn Văn Quyết', ...o,
});

beforeAll(async () => {
  env = await testEnv();
  const commune = (await env.h.query<{ id: string; parent: string }>(
    `SELECT c.id, c.parent_id AS parent FROM admin_units c JOIN admin_units p ON p.id = c.parent_id
     WHERE p.level = 'province' AND p.code = '80' AND p.valid_to IS NULL AND c.valid_to IS NULL ORDER BY c.sort_key COLLATE "C" LIMIT 1`))[0];
  await env.h.query('UPDATE tenants SET province_unit_id = $1 WHERE id = $2', [commune.parent, env.tenantId]);
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  for (const name of ['Công ty TNHH Chế biến Nông sản An Phú', 'Hợp tác xã Thanh long Châu Thành', 'Công ty Cổ phần Cơ khí Đức Hòa']) {
    const org = await ok(call(officer, 'POST', '/api/organizations', buildOrganization({ name, adminUnitId: commune.id })), 201);
    firms.push({ orgId: org.id, user: await env.as('applicant', { organizationId: org.id }), appId: '', name });
  }
  const programme = await createProgramme(officerCtx(), { code: 'NSCL', kind: 'productivity_quality', name: 'Chương trình năng suất chất lượng', active: true });
  const created = await createCall(officerCtx(), {
    programmeId: programme.id, code: `NSCL-${year}`, title: `Đợt hỗ trợ năng suất chất lượng năm ${year}`, year,
    opensOn: addDays(today, -30), closesOn: addDays(today, 30), supportTypes: ['management_system', 'productivity_tool'],
    formSchema: { type: 'object', properties: { system: { type: 'string', title: 'Hệ thống quản lý' } } },
    scoringSheet: SHEET, selectTop: 2, requiredDocuments: [],
  });
  callId = created.id;
  await setCallStatus(officerCtx(), callId, { status: 'open', version: created.version });
  for (const f of firms) {
    const ctx = ctxOf(f.user, 'applicant', f.orgId);
    const draft = await createApplication(ctx, { callId, title: `Áp dụng ISO 9001:2015 tại ${f.name}`, answers: { system: 'ISO 9001:2015' }, requestedAmount: 60_000_000 });
    await submitApplication(ctx, draft.id, draft.version);
    f.appId = draft.id;
    await move(f.appId, 'send_to_review');
  }
});
afterAll(() => env.close());

describe('review through a council of the call', () => {
  it('sets up one council about the call, with each application in review as a dossier, scoring on the call\'s own sheet', async () => {
    const r = await ok(call(officer, 'POST', `/api/support/calls/${callId}/review-council`, { name: 'Hội đồng xét chọn hồ sơ NSCL', meetingDate: today }));
    expect(r.dossiersAdded).toBe(3);
    councilId = r.councilId;
    const c = await ok(call(officer, 'GET', `/api/councils/${councilId}`));
    expect(c).toMatchObject({ kind: 'programme_review', subjectType: 'programme_call', subjectId: callId, evaluation: 'scoring' });
    expect(c.rules.scoringSheet).toMatchObject({ ruleVersionId: null, value: SHEET, legalBasis: `Phiếu đánh giá của đợt NSCL-${year}` });
    expect(c.dossiers.map((d: { subjectId: string }) => d.subjectId).sort()).toEqual(firms.map((f) => f.appId).sort());
    // Preparing again adds nothing.
    expect((await ok(call(officer, 'POST', `/api/support/calls/${callId}/review-council`, { name: 'x' }))).dossiersAdded).toBe(0);
  });

  it('refuses to conclude the review while the council has not closed (409, the reason in words)', async () => {
    const e = await moveRefused(firms[0].appId, 'conclude_review');
    expect(e).toMatchObject({ code: 'support.review_not_concluded', status: 409 });
  });

  it('members score in the council; once closed, the review concludes', async () => {
    const member = async (fullName: string, role: string) => {
      const person = await ok(call(officer, 'POST', '/api/people', buildPerson({ fullName, degree: 'TS', isExpert: true })), 201);
      const reviewer = await env.as('reviewer');
      return ok(call(officer, 'POST', `/api/councils/${councilId}/members`, { personId: person.id, role, userId: reviewer.userId }), 201) as Promise<{ id: string }>;
    };
    const members = [await member('Nguyễn Văn Chủ Tịch', 'chair'), await member('Trần Thị Thư Ký', 'secretary'), await member('Lê Văn Ủy Viên', 'member')];
    const c = await ok(call(officer, 'GET', `/api/councils/${councilId}`));
    await ok(call(officer, 'POST', `/api/councils/${councilId}/open`, { version: c.version }));
    for (const m of members) await ok(call(officer, 'PUT', `/api/councils/${councilId}/members/${m.id}/presence`, { present: true }));
    const dossiers = (await ok(call(officer, 'GET', `/api/councils/${councilId}`))).dossiers as { id: string; subjectId: string }[];
    // Firm 0: 90 on average; firms 1 and 2 tie at 80, firm 2 ahead on the first criterion (38 against 30).
    const scores: Record<number, [number, number]> = { 0: [35, 55], 1: [30, 50], 2: [38, 42] };
    for (const [i, f] of firms.entries()) {
      const d = dossiers.find((x) => x.subjectId === f.appId)!;
      for (const m of members) {
        await ok(call(officer, 'PUT', `/api/councils/${councilId}/dossiers/${d.id}/sheets/${m.id}`, { scores: { necessity: scores[i][0], capacity: scores[i][1] } }));
      }
    }
    const open = await ok(call(officer, 'GET', `/api/councils/${councilId}`));
    await ok(call(officer, 'POST', `/api/councils/${councilId}/close`, { version: open.version }));
    for (const f of firms) expect((await move(f.appId, 'conclude_review')).stage).toBe('decision');
  });
});

describe('ranking', () => {
  it('orders by average, breaks the tie by the first criterion and says so, and selects the top two', async () => {
    const r = await ok(call(leader, 'GET', `/api/support/calls/${callId}/ranking`));
    expect(r.rows.map((x: { applicationId: string }) => x.applicationId)).toEqual([firms[0].appId, firms[2].appId, firms[1].appId]);
    expect(r.rows.map((x: { average: number }) => x.average)).toEqual([90, 80, 80]);
    expect(r.rows[1].tieNote.vi).toContain('Sự cần thiết áp dụng');
    expect(r.rows.map((x: { selected: boolean }) => x.selected)).toEqual([true, true, false]);
    expect(r.ties.order).toEqual(['first_criterion', 'earlier_submission']);
  });

  it('exports the ranking to XLSX with real numbers', async () => {
    const res = await call(officer, 'GET', `/api/support/calls/${callId}/ranking.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getSheetValues().flat().filter((v) => typeof v === 'number');
    expect(values).toContain(90);
  });

  it('is not for applicants (403)', async () => {
    expect((await call(firms[0].user, 'GET', `/api/support/calls/${callId}/ranking`)).statusCode).toBe(403);
  });
});

describe('support decisions', () => {
  it('refuses "support" before a decision is recorded', async () => {
    expect(await moveRefused(firms[0].appId, 'support')).toMatchObject({ code: 'support.decision_missing', status: 409 });
  });

  it('refuses a counterpart below the rule\'s 50 % with the reason and the rule, naming the field (vi and en)', async () => {
    const url = `/api/support/applications/${firms[0].appId}/decision`;
    const bad = decision({ stateAmount: 80_000_000, counterpartAmount: 40_000_000 });
    const vi = await call(officer, 'POST', url, bad);
    expect(vi.statusCode).toBe(400);
    expect(vi.json().code).toBe('support.counterpart_breach');
    expect(vi.json().message).toContain('ít nhất 50%');
    expect(vi.json().message).toContain('12/2022/NQ-HĐND');
    expect(vi.json().details[0]).toMatchObject({ path: 'body.counterpartAmount', code: 'share' });
    const en = await call(officer, 'POST', url, bad, 'en');
    expect(en.json().message).toContain('at least 50%');
    const sum = await call(officer, 'POST', url, decision({ counterpartAmount: 10 }));
    expect(sum.json().details[0]).toMatchObject({ path: 'body.counterpartAmount', code: 'sum' });
  });

  it('refuses a type the rule does not know and one the call does not offer', async () => {
    const url = `/api/support/applications/${firms[0].appId}/decision`;
    expect((await call(officer, 'POST', url, decision({ supportType: 'made_up' }))).json().details[0]).toMatchObject({ path: 'body.supportType', code: 'unknown_support_type' });
    expect((await call(officer, 'POST', url, decision({ supportType: 'barcode_traceability' }))).json().details[0]).toMatchObject({ path: 'body.supportType', code: 'not_offered' });
  });

  it('records the decision once, tells the applicant, and lets the applicant read it (not another firm)', async () => {
    const url = `/api/support/applications/${firms[0].appId}/decision`;
    const d = await ok(call(officer, 'POST', url, decision({ decisionNumber: '15/QĐ-SKHCN' })), 201);
    expect(d).toMatchObject({ supportType: 'management_system', stateAmount: 60_000_000, version: 1 });
    expect((await call(officer, 'POST', url, decision({ decisionNumber: '99/QĐ-SKHCN' }))).statusCode).toBe(409);
    const inbox = await ok(call(firms[0].user, 'GET', '/api/inbox'));
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain(`Quyết định hỗ trợ: Áp dụng ISO 9001:2015 tại ${firms[0].name}`);
    const mine = await ok(call(firms[0].user, 'GET', `/api/support/applications/${firms[0].appId}`));
    expect(mine).toMatchObject({ decision: { decisionNumber: '15/QĐ-SKHCN' }, canEdit: false, review: null });
    expect((await call(firms[1].user, 'GET', `/api/support/applications/${firms[0].appId}`)).statusCode).toBe(404);
    expect((await call(firms[0].user, 'POST', `/api/support/applications/${firms[1].appId}/decision`, decision())).statusCode).toBe(403);
  });

  it('a stale version of the decision gets 409; a duplicate number another application uses gets 409', async () => {
    const url = `/api/support/applications/${firms[0].appId}/decision`;
    expect((await call(officer, 'PUT', url, { ...decision({ decisionNumber: '15/QĐ-SKHCN', note: 'Sửa' }), version: 7 })).statusCode).toBe(409);
    const fixed = await ok(call(officer, 'PUT', url, { ...decision({ decisionNumber: '15/QĐ-SKHCN', note: 'Sửa' }), version: 1 }));
    expect(fixed.version).toBe(2);
    const dup = await call(officer, 'POST', `/api/support/applications/${firms[2].appId}/decision`, decision({ decisionNumber: '15/qđ-skhcn' }));
    expect(dup.statusCode).toBe(409);
  });

  it('serves the decision as a DOCX with its number, the province\'s heading, the amounts and the counterpart share', async () => {
    const res = await call(officer, 'GET', `/api/support/applications/${firms[0].appId}/decision.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['QUYẾT ĐỊNH', '15/QĐ-SKHCN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '120.000.000', '60.000.000', '50%', firms[0].name, 'Nguyễn Văn Quyết']) {
      expect(text).toContain(s);
    }
  });

  it('moves to "supported" once the decision exists', async () => {
    expect((await move(firms[0].appId, 'support')).stage).toBe('supported');
  });
});

describe('outcomes and certificates', () => {
  let certId: string;
  it('refuses "complete" before an outcome or certificate is recorded', async () => {
    expect(await moveRefused(firms[0].appId, 'complete')).toMatchObject({ code: 'support.outcome_missing', status: 409 });
  });

  it('refuses a certificate that expires before it is issued (400 on expiresOn)', async () => {
    const res = await call(officer, 'POST', `/api/support/applications/${firms[0].appId}/certificates`, {
      standard: 'ISO 9001:2015', certifyingBody: 'QUACERT', number: 'HT 1234', issuedOn: today, expiresOn: addDays(today, -1),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('body.expiresOn');
  });

  it('records a certificate and an outcome, then completes; the applicant sees them', async () => {
    const cert = await ok(call(officer, 'POST', `/api/support/applications/${firms[0].appId}/certificates`, {
      standard: 'ISO 9001:2015', certifyingBody: 'Trung tâm Chứng nhận Phù hợp QUACERT', number: 'HT 2468.26', issuedOn: addDays(today, -1000), expiresOn: addDays(today, 20),
    }), 201);
    certId = cert.id;
    await ok(call(officer, 'POST', `/api/support/applications/${firms[0].appId}/outcome`, { completedOn: today, achievements: 'Được cấp chứng nhận ISO 9001:2015; giảm 12% tỷ lệ sản phẩm lỗi.' }));
    expect((await move(firms[0].appId, 'complete')).stage).toBe('completed');
    const mine = await ok(call(firms[0].user, 'GET', `/api/support/applications/${firms[0].appId}`));
    expect(mine.certificates).toHaveLength(1);
    expect(mine.outcome.achievements).toContain('ISO 9001');
  });

  it('reminds once before the certificate expires, however often the job runs', async () => {
    const first = await remindExpiringCertificates({ db: env.h.db, now: new Date() });
    const second = await remindExpiringCertificates({ db: env.h.db, now: new Date() });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    const notices = await env.h.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox_items WHERE kind = 'support.certificate_expiring' AND period_key LIKE $1`, [`${certId}#%`]);
    expect(notices[0].n).toBe(1);
    const inbox = await ok(call(firms[0].user, 'GET', '/api/inbox'));
    expect(inbox.items.some((i: { title: string }) => i.title.startsWith('Giấy chứng nhận ISO 9001:2015 sắp hết hạn'))).toBe(true);
    const dost = await ok(call(officer, 'GET', '/api/inbox'));
    expect(dost.items.some((i: { title: string }) => i.title.startsWith('Giấy chứng nhận ISO 9001:2015 sắp hết hạn'))).toBe(true);
  });
});

describe('figures', () => {
  it('an indicator over support.enterprises_supported counts the supported firms of the type', async () => {
    // A second firm supported with a productivity tool, which the management-system count leaves out.
    await ok(call(officer, 'POST', `/api/support/applications/${firms[2].appId}/decision`, decision({ supportType: 'productivity_tool', decisionNumber: '16/QĐ-SKHCN' })), 201);
    const make = (code: string, supportType: string) => ok(call(officer, 'POST', '/api/indicators', {
      code, name: { vi: 'Doanh nghiệp được hỗ trợ', en: 'Firms supported' }, unit: 'doanh nghiệp', direction: 'increase',
      formula: { source: 'support.enterprises_supported', params: { supportType } },
    }), 201);
    await make('DN_HTQL', 'management_system');
    await make('DN_NSCL', 'management_system,productivity_tool');
    const d = await ok(call(leader, 'GET', `/api/indicators/dashboard?year=${year}`));
    const actual = (code: string) => d.rows.find((r: { code: string }) => r.code === code).actual;
    expect(actual('DN_HTQL')).toBe(1);
    expect(actual('DN_NSCL')).toBe(2);
  });

  it('counts by programme, type, year and commune, and exports them', async () => {
    const f = await ok(call(leader, 'GET', `/api/support/figures?year=${year}`));
    expect(f.total).toMatchObject({ organizations: 2, decisions: 2, stateAmount: 120_000_000, certificates: 1 });
    expect(f.byType.map((t: { key: string; organizations: number }) => [t.key, t.organizations]).sort()).toEqual([['management_system', 1], ['productivity_tool', 1]]);
    expect(f.byUnit).toHaveLength(1);
    const res = await call(leader, 'GET', `/api/support/figures/export.xlsx?year=${year}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect((await call(firms[0].user, 'GET', '/api/support/figures')).statusCode).toBe(403);
  });
});
