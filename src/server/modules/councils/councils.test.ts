import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../organizations/organizations.tables.ts';
import { buildTenant, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import { CompositionRule, PassRule, ScoringSheetRule, type MemberRole } from '../../../shared/schemas/councils.ts';
import { BUILT_IN_KINDS, NATIONAL_DEFAULTS, RULE_KEYS } from './councils.rules.ts';
import { registerCouncilSubject } from './councils.subjects.ts';

// Organisations stand in for a subject module here: a startup call's councils evaluate enterprises' dossiers.
const closedCalls: { councilId: string; passed: (boolean | null)[] }[] = [];
registerCouncilSubject('organization', {
  label: { vi: 'tổ chức', en: 'organisation' },
  async find(db, tenantId, id) {
    const [row] = await db.select({ title: organizations.name }).from(organizations)
      .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
    return row ?? null;
  },
  async onClosed(_tx, _ctx, council, results) {
    closedCalls.push({ councilId: council.id, passed: results.dossiers.map((d) => d.passed) });
  },
});

type User = AuthHeaders & { userId: string };
let env: TestEnv;
let officer: User;
let leader: User;
/** Ten experts of the registry, each with a reviewer account. */
const experts: { personId: string; user: User; name: string }[] = [];
let subject: string;
let dossierOrgs: string[];

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Phương',
  'Đặng Quốc Giang', 'Bùi Thị Hạnh', 'Ngô Văn Ích', 'Dương Thị Kim'];
const ROLES7: MemberRole[] = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  env.app.inject({ method, url, headers, payload });

beforeAll(async () => {
  env = await testEnv();
  // The test province is the new Tây Ninh, for the minutes' header.
  await env.h.query(`UPDATE tenants SET province_unit_id = (SELECT id FROM admin_units WHERE level = 'province'
    AND name = 'Tây Ninh' AND valid_to IS NULL) WHERE id = $1`, [env.tenantId]);
  officer = await env.as('dost_officer');
  leader = await env.as('leader');
  for (const [i, name] of NAMES.entries()) {
    const person = await call(officer, 'POST', '/api/people', buildPerson({
      fullName: name, degree: 'TS', academicTitle: i === 0 ? 'PGS' : null, isExpert: true,
    }));
    expect(person.statusCode).toBe(201);
    experts.push({ personId: person.json().id, user: await env.as('reviewer'), name });
  }
  const org = async (name: string) => (await call(officer, 'POST', '/api/organizations', buildOrganization({ name }))).json().id as string;
  subject = await org('Công ty TNHH Hồi Xanh Lạng Sơn');
  dossierOrgs = [await org('HTX Nông nghiệp Hợp Thịnh'), await org('Công ty Cổ phần Gạch không nung Na Dương')];
});
afterAll(() => env.close());

async function newCouncil(o: Record<string, unknown> = {}) {
  const res = await call(officer, 'POST', '/api/councils', {
    subjectType: 'organization', subjectId: subject, kind: 'selection',
    name: 'Hội đồng tư vấn tuyển chọn nhiệm vụ KH&CN cấp tỉnh năm 2026', decisionNo: '45/QĐ-SKHCN', decisionDate: '2026-02-20',
    meetingDate: '2026-03-05', location: 'Phòng họp Sở Khoa học và Công nghệ', ...o,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function seat(councilId: string, roles: MemberRole[] = ROLES7, from = 0) {
  const members = [];
  for (const [i, role] of roles.entries()) {
    const e = experts[from + i];
    const res = await call(officer, 'POST', `/api/councils/${councilId}/members`, { personId: e.personId, role, userId: e.user.userId });
    expect(res.statusCode).toBe(201);
    members.push({ ...res.json(), user: e.user });
  }
  return members as ({ id: string; displayName: string; role: MemberRole; user: User })[];
}

async function addDossiers(councilId: string) {
  const out = [];
  for (const id of dossierOrgs) {
    const res = await call(officer, 'POST', `/api/councils/${councilId}/dossiers`, { subjectType: 'organization', subjectId: id });
    expect(res.statusCode).toBe(201);
    out.push(res.json());
  }
  return out as { id: string; title: string; memberIds: string[] }[];
}

const version = async (id: string) => (await call(officer, 'GET', `/api/councils/${id}`)).json().version as number;
const sheetUrl = (c: string, d: string, m: string) => `/api/councils/${c}/dossiers/${d}/sheets/${m}`;
const s = (necessity: number, feasibility: number, effectiveness: number, replicability: number) =>
  ({ scores: { necessity, feasibility, effectiveness, replicability } });

describe('council rules', () => {
  it('ships the national defaults from its reference loader, valid against the registered schemas', async () => {
    const rows = await env.h.query<{ key: string; value: unknown; legal_basis: string; note: string | null; effective_from: string }>(
      `SELECT key, value, legal_basis, note, effective_from::text FROM rule_versions
       WHERE tenant_id IS NULL AND key LIKE 'council.%' AND key NOT LIKE 'council.kind.%' ORDER BY key, effective_from`);
    const keys = [RULE_KEYS.composition, RULE_KEYS.passRule, RULE_KEYS.scoringSheet];
    const old = rows.filter((r) => r.effective_from === NATIONAL_DEFAULTS.effectiveFrom);
    expect(old.map((r) => r.key)).toEqual(keys);
    const byKey = Object.fromEntries(old.map((r) => [r.key, r.value]));
    expect(CompositionRule.parse(byKey[RULE_KEYS.composition])).toEqual(CompositionRule.parse(NATIONAL_DEFAULTS.composition));
    expect(PassRule.parse(byKey[RULE_KEYS.passRule])).toEqual(PassRule.parse(NATIONAL_DEFAULTS.passRule));
    expect(ScoringSheetRule.parse(byKey[RULE_KEYS.scoringSheet])).toEqual(NATIONAL_DEFAULTS.scoringSheet);
    expect(old.every((r) => r.legal_basis.includes('08/2017/TT-BKHCN'))).toBe(true);
    // The 2025 STI-law regime from 01/10/2025: the same values, citing Law 93/2025/QH15 and Decree 267/2025/NĐ-CP and
    // saying they are illustrative.
    const from2025 = rows.filter((r) => r.effective_from === '2025-10-01');
    expect(from2025.map((r) => r.key)).toEqual(keys);
    for (const r of from2025) {
      expect(r.legal_basis).toContain('93/2025/QH15');
      expect(r.legal_basis).toContain('267/2025/NĐ-CP');
      expect(r.note).toContain('Giá trị minh họa');
      expect(r.value).toEqual(byKey[r.key]);
    }
    // The scoring pass rule cites no acceptance ratings (they are the acceptance kind's).
    for (const r of rows.filter((x) => x.key === RULE_KEYS.passRule)) expect(r.legal_basis).not.toMatch(/Xuất sắc|Không đạt/);
    const sheet = ScoringSheetRule.parse(byKey[RULE_KEYS.scoringSheet]);
    expect(sheet.criteria.reduce((a, c) => a + c.maxPoints, 0)).toBe(100);
    // The rules module lists them with their descriptions.
    const list = (await call(officer, 'GET', '/api/rules?prefix=council.&onDate=2026-03-05')).json();
    // Kinds other modules register (programme_review, …) are theirs to test; the built-in ones are listed here.
    const builtIn = (key: string) => !key.startsWith('council.kind.') || BUILT_IN_KINDS.has(key.slice('council.kind.'.length));
    expect(list.items.filter((i: { key: string }) => builtIn(i.key)).map((i: { key: string; inForce: { scope: string } }) => [i.key, i.inForce.scope])).toEqual([
      ['council.composition', 'national'],
      ['council.kind.acceptance', 'national'], ['council.kind.budget_appraisal', 'national'],
      ['council.kind.identification', 'national'], ['council.kind.selection', 'national'],
      ['council.pass_rule', 'national'], ['council.scoring_sheet', 'national'],
    ]);
  });

  it('ships each kind\'s evaluation mode as dated rule data, listed with the kinds', async () => {
    const kinds = (await call(officer, 'GET', '/api/council-kinds?subjectType=organization&onDate=2025-06-01')).json();
    expect(kinds.items.map((k: { key: string; evaluation: string }) => [k.key, k.evaluation])).toEqual(expect.arrayContaining([
      ['identification', 'scoring'], ['selection', 'scoring'], ['budget_appraisal', 'scoring'], ['acceptance', 'rating'],
    ]));
    expect(kinds.items.find((k: { key: string }) => k.key === 'acceptance')).toMatchObject({
      name: { vi: 'Hội đồng nghiệm thu', en: 'Acceptance council' }, subjectTypes: null, legalBasis: expect.stringContaining('11/2014/TT-BKHCN'),
    });
    // From 01/10/2025 each kind's rule cites the 2025 STI law.
    const later = (await call(officer, 'GET', '/api/council-kinds?subjectType=organization&onDate=2026-03-05')).json();
    expect(later.items.find((k: { key: string }) => k.key === 'acceptance')).toMatchObject({ evaluation: 'rating', legalBasis: expect.stringContaining('93/2025/QH15') });
    const created = await newCouncil({ kind: 'acceptance', name: 'Hội đồng nghiệm thu (xem cách đánh giá)' });
    expect(created).toMatchObject({ kind: 'acceptance', kindName: { vi: 'Hội đồng nghiệm thu' }, evaluation: 'rating',
      rules: { kind: { value: { evaluation: 'rating' }, legalBasis: expect.stringContaining('93/2025/QH15') } } });
    expect((await call(experts[0].user, 'GET', '/api/council-kinds')).statusCode).toBe(403);
  });

  it('freezes the rules in force on the meeting date, a province\'s own version first', async () => {
    const { id: tenantId } = await buildTenant(env.h, 'Sở KH&CN tỉnh có quy định riêng');
    const admin = await env.as('admin', { tenantId });
    const localOfficer = await env.as('dost_officer', { tenantId });
    const rule = await call(admin, 'POST', '/api/rules', {
      key: 'council.pass_rule', effectiveFrom: '2026-01-01', legalBasis: 'Quyết định 12/2025/QĐ-UBND của tỉnh',
      value: { minAverage: 80, maxZeroShare: { numerator: 1, denominator: 3 } },
    });
    expect(rule.statusCode).toBe(201);
    const org = (await call(localOfficer, 'POST', '/api/organizations', buildOrganization({ name: 'HTX Bến Bà Chi' }))).json();
    const create = async (meetingDate: string) => (await call(localOfficer, 'POST', '/api/councils', {
      subjectType: 'organization', subjectId: org.id, kind: 'identification', name: `Hội đồng xác định ${meetingDate}`, meetingDate,
    })).json();
    const before = await create('2025-06-01');
    expect(before.rules.passRule).toMatchObject({ legalBasis: expect.stringContaining('08/2017'), value: { minAverage: 70 } });
    const after = await create('2026-03-05');
    expect(after.rules.passRule).toMatchObject({ legalBasis: 'Quyết định 12/2025/QĐ-UBND của tỉnh', effectiveFrom: '2026-01-01', value: { minAverage: 80 } });
    expect(after.rules.scoringSheet.legalBasis).toContain('93/2025/QH15'); // the other keys stay national (2025 regime)
    // Moving the meeting date of a council in preparation re-reads its rules.
    const moved = await call(localOfficer, 'PUT', `/api/councils/${before.id}`, { name: before.name, meetingDate: '2026-04-01', version: before.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().rules.passRule.value.minAverage).toBe(80);
    // Our tenant is untouched.
    expect((await newCouncil()).rules.passRule.value.minAverage).toBe(70);
  });
});

describe('a selection council from set-up to minutes', () => {
  it('scores, refuses what the rules forbid, aggregates, checks quorum, closes and writes the minutes', async () => {
    const council = await newCouncil();
    expect(council).toMatchObject({ status: 'draft', version: 1, memberCount: 0, dossierCount: 0 });
    const [dA, dB] = await addDossiers(council.id);
    expect(dA.title).toBe('HTX Nông nghiệp Hợp Thịnh'); // the subject's own title by default
    const m = await seat(council.id);
    expect(m[0].displayName).toBe('PGS.TS Nguyễn Văn An');
    // By default every member evaluates every dossier; dossier B goes to the first five only.
    const assign = await call(officer, 'PUT', `/api/councils/${council.id}/dossiers/${dB.id}/assignments`, { memberIds: m.slice(0, 5).map((x) => x.id) });
    expect(assign.statusCode).toBe(200);
    const detail = (await call(officer, 'GET', `/api/councils/${council.id}`)).json();
    expect(detail.members.map((x: { role: string }) => x.role)).toEqual(ROLES7);
    expect(detail.dossiers.map((d: { memberIds: string[] }) => d.memberIds.length)).toEqual([7, 5]);

    // Not yet in session: a sheet is refused.
    const early = await call(m[0].user, 'PUT', sheetUrl(council.id, dA.id, m[0].id), s(18, 25, 25, 15));
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'council.wrong_status' });
    expect(early.json().message).toContain('hội đồng đang ở bước chuẩn bị');

    const stale = await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common.version_conflict');
    const opened = await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: council.version });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', openedAt: expect.any(String) });
    const url = (d: { id: string }, x: { id: string }) => sheetUrl(council.id, d.id, x.id);

    // m6 scores dossier A, then declares a conflict of interest: the sheet no longer counts and a new one is refused.
    expect((await call(m[6].user, 'PUT', url(dA, m[6]), s(20, 30, 30, 20))).statusCode).toBe(200);

    // Presence without the chair or vice-chair: nobody may preside.
    for (const x of m.slice(2)) {
      expect((await call(officer, 'PUT', `/api/councils/${council.id}/members/${x.id}/presence`, { present: true })).statusCode).toBe(200);
    }
    const v1 = await version(council.id);
    const noChair = await call(officer, 'POST', `/api/councils/${council.id}/close`, { version: v1 });
    expect(noChair.statusCode).toBe(409);
    expect(noChair.json()).toMatchObject({ code: 'council.no_presiding' });

    const conflict = await call(m[6].user, 'PUT', `/api/councils/${council.id}/members/${m[6].id}/conflict`, {
      declared: true, note: 'Là cổ đông của Công ty Cổ phần Gạch không nung Na Dương',
    });
    expect(conflict.statusCode).toBe(200);
    expect(conflict.json()).toMatchObject({ conflictDeclared: true, declaredAt: expect.any(String) });
    const conflicted = await call(m[6].user, 'PUT', url(dA, m[6]), s(20, 30, 30, 20));
    expect(conflicted.statusCode).toBe(409);
    expect(conflicted.json()).toMatchObject({
      code: 'council.member_conflicted',
      message: 'TS Đặng Quốc Giang đã khai báo xung đột lợi ích nên không được đánh giá hồ sơ của hội đồng này.',
    });
    // A member declares only their own conflict.
    expect((await call(m[5].user, 'PUT', `/api/councils/${council.id}/members/${m[4].id}/conflict`, { declared: true })).statusCode).toBe(403);

    // Below quorum: 5 present, one of them conflicted → 4 of the 5 needed (2/3 of 7).
    const below = await call(officer, 'POST', `/api/councils/${council.id}/close`, { version: v1 });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({
      code: 'council.below_quorum',
      message: 'Chưa thể kết thúc phiên họp vì hội đồng không đủ số thành viên tối thiểu: có 4 thành viên có mặt và không xung đột lợi ích, cần ít nhất 5 (2/3 của 7 thành viên).',
      details: { members: 7, eligiblePresent: 4, required: 5, met: false },
    });
    const belowEn = await env.app.inject({ method: 'POST', url: `/api/councils/${council.id}/close`, headers: { ...officer, 'accept-language': 'en' }, payload: { version: v1 } });
    expect(belowEn.json().message).toContain('below quorum, with 4 members present and without a conflict of interest where at least 5 are needed (2/3 of 7 members)');

    // Scores: members submit their own; the secretariat enters paper sheets for others.
    const sheetsA = [s(18, 25, 25, 15), s(16, 24, 22, 12), s(15, 20, 20, 10), s(20, 28, 27, 0), s(17, 22, 23, 0), s(19, 26, 24, 16)];
    for (const [i, sheet] of sheetsA.entries()) {
      const who = i === 2 ? officer : m[i].user;
      const res = await call(who, 'PUT', url(dA, m[i]), { ...sheet, comment: i === 3 ? 'Cần làm rõ khả năng nhân rộng.' : undefined });
      expect([i, res.statusCode]).toEqual([i, 200]);
    }
    const sheetsB = [s(15, 20, 20, 0), s(16, 22, 22, 0), s(18, 25, 25, 10), s(17, 20, 21, 12), s(12, 18, 18, 8)];
    for (const [i, sheet] of sheetsB.entries()) {
      expect((await call(m[i].user, 'PUT', url(dB, m[i]), sheet)).statusCode).toBe(200);
    }
    // A member corrects their sheet: the last one counts.
    const corrected = await call(m[4].user, 'PUT', url(dB, m[4]), s(12, 18, 18, 8));
    expect(corrected.json()).toMatchObject({ total: 56, scores: { necessity: 12 }, enteredBy: m[4].user.userId });

    // Refusals with clear messages.
    const notAssigned = await call(m[5].user, 'PUT', url(dB, m[5]), s(10, 10, 10, 10));
    expect(notAssigned.statusCode).toBe(403);
    expect(notAssigned.json()).toMatchObject({ code: 'council.not_assigned', message: 'TS Võ Thị Phương không được phân công đánh giá hồ sơ "Công ty Cổ phần Gạch không nung Na Dương".' });
    const outOfRange = await call(m[3].user, 'PUT', url(dA, m[3]), s(21, 25, 25, 10));
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json()).toMatchObject({
      code: 'council.score_out_of_range',
      message: 'Điểm tiêu chí "Tính cấp thiết" phải từ 0 đến 20; bạn nhập 21.',
      details: [{ path: 'body.scores.necessity', code: 'out_of_range', max: 20, value: 21 }],
    });
    const negativeEn = await env.app.inject({ method: 'PUT', url: url(dA, m[3]), headers: { ...m[3].user, 'accept-language': 'en' }, payload: s(10, 25, 25, -0.5) });
    expect(negativeEn.json().message).toBe('The score for "Replicability" must be between 0 and 20; you entered -0.5.');
    const decimals = await call(m[3].user, 'PUT', url(dA, m[3]), s(10, 25.125, 25, 10));
    expect(decimals.json()).toMatchObject({ code: 'council.score_precision', details: [{ path: 'body.scores.feasibility' }] });
    const missing = await call(m[3].user, 'PUT', url(dA, m[3]), { scores: { necessity: 10, feasibility: 10, effectiveness: 10, novelty: 5 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'council.score_missing', message: 'Thiếu điểm tiêu chí "Khả năng nhân rộng".',
      details: [{ path: 'body.scores.replicability', code: 'missing' }, { path: 'body.scores.novelty', code: 'unknown_criterion' }],
    });
    const rating = await call(m[3].user, 'PUT', url(dA, m[3]), { rating: 'passed' });
    expect(rating.json()).toMatchObject({ code: 'council.scores_expected' });
    const notMine = await call(m[3].user, 'PUT', url(dA, m[4]), s(10, 10, 10, 10));
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('council.not_your_sheet');
    expect((await call(leader, 'PUT', url(dA, m[0]), s(10, 10, 10, 10))).statusCode).toBe(404); // not a member, not a manager
    // None of the refused sheets changed anything.
    expect((await call(m[3].user, 'GET', `/api/councils/${council.id}`)).json().mySheets.find((x: { dossierId: string }) => x.dossierId === dA.id))
      .toMatchObject({ total: 75, comment: 'Cần làm rõ khả năng nhân rộng.' });

    // Aggregation: below quorum the tally shows, the verdict does not.
    const results = (await call(leader, 'GET', `/api/councils/${council.id}/results`)).json();
    const [rA, rB] = results.dossiers;
    expect(rA.sheets.map((x: { total: number }) => x.total)).toEqual([83, 74, 65, 75, 62, 85]);
    expect(rA).toMatchObject({
      count: 6, average: 74, passed: null, rating: null,
      excluded: [{ memberId: m[6].id, memberName: 'TS Đặng Quốc Giang' }], missing: [],
      reason: 'Chưa đủ điều kiện kết luận: có 4/7 thành viên có mặt và không xung đột lợi ích, cần ít nhất 5.',
    });
    // The secretary's paper sheet was entered by the DOST officer, and says so.
    expect(rA.sheets.map((x: { enteredAs: string }) => x.enteredAs)).toEqual(['self', 'self', 'staff', 'self', 'self', 'self']);
    expect(rA.criteria.map((c: { key: string; average: number; zeroCount: number }) => [c.key, c.average, c.zeroCount])).toEqual([
      ['necessity', 17.5, 0], ['feasibility', 24.17, 0], ['effectiveness', 23.5, 0], ['replicability', 8.83, 2],
    ]);
    expect(rB).toMatchObject({ count: 5, average: 63.8, passed: null, missing: [] });
    expect(results.quorum).toEqual({ members: 7, eligiblePresent: 4, required: 5, met: false, presidingPresent: false, presidingRequired: true, canConclude: false });
    const belowEnResults = (await env.app.inject({ method: 'GET', url: `/api/councils/${council.id}/results`, headers: { ...officer, 'accept-language': 'en' } })).json();
    expect(belowEnResults.dossiers[0].reason).toBe('Not enough members to conclude: 4/7 present without a conflict of interest, at least 5 needed.');
    expect((await call(m[0].user, 'GET', `/api/councils/${council.id}/results`)).statusCode).toBe(403);

    // The chair and vice-chair arrive: quorum reached, the verdicts show.
    for (const x of m.slice(0, 2)) await call(officer, 'PUT', `/api/councils/${council.id}/members/${x.id}/presence`, { present: true });
    const met = (await call(leader, 'GET', `/api/councils/${council.id}/results`)).json();
    expect(met.quorum).toMatchObject({ eligiblePresent: 6, met: true, presidingPresent: true, canConclude: true });
    expect(met.dossiers[0]).toMatchObject({
      count: 6, average: 74, passed: true, reason: 'Đạt: điểm trung bình 74 ≥ 70 và không tiêu chí nào bị quá 1/3 số thành viên cho 0 điểm.',
    });
    expect(met.dossiers[1]).toMatchObject({ count: 5, average: 63.8, passed: false });
    expect(met.dossiers[1].reasons.map((r: { code: string }) => r.code)).toEqual(['average_below', 'zero_scores']);
    expect(met.dossiers[1].reason).toBe('Không đạt: điểm trung bình 63,8 thấp hơn 70. Không đạt: tiêu chí "Khả năng nhân rộng" bị 2/5 thành viên cho 0 điểm (quá 1/3).');
    const en = (await env.app.inject({ method: 'GET', url: `/api/councils/${council.id}/results`, headers: { ...officer, 'accept-language': 'en' } })).json();
    expect(en.dossiers[1].reason).toBe('Failed: the average 63.8 is below 70. Failed: criterion "Replicability" was scored 0 by 2/5 members (more than 1/3).');

    // The council closes and tells the subject's module.
    const closed = await call(officer, 'POST', `/api/councils/${council.id}/close`, { version: await version(council.id) });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(closedCalls).toContainEqual({ councilId: council.id, passed: [true, false] });
    const late = await call(m[0].user, 'PUT', url(dA, m[0]), s(20, 30, 30, 20));
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('hội đồng đã kết thúc phiên họp');
    expect((await call(officer, 'PUT', `/api/councils/${council.id}/members/${m[5].id}/presence`, { present: true })).statusCode).toBe(409);

    // Every write is audited, sheets included.
    const admin = await env.as('admin');
    const audit = (await call(admin, 'GET', `/api/audit?entity=council&entityId=${council.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['close', 'open', 'create']);
    expect(audit.items[0].after.results.dossiers[0].average).toBe(74);
    const sheetAudit = (await env.h.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'council_sheet' AND after->>'councilId' = $1`, [council.id]))[0].n;
    expect(sheetAudit).toBe(1 + 6 + 5 + 1); // m6's first sheet, A, B and the correction

    // The minutes, in the Decree 30 layout.
    const minutes = await call(officer, 'GET', `/api/councils/${council.id}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(minutes.headers['content-disposition']).toContain(`filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20H%E1%BB%99i%20%C4%91%E1%BB%93ng`);
    const xml = await (await JSZip.loadAsync(minutes.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const expected of [
      'UBND TỈNH TÂY NINH', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Tây Ninh, ngày 05 tháng 3 năm 2026', 'Số:       /BB-SKHCN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BIÊN BẢN', 'Họp Hội đồng tư vấn tuyển chọn nhiệm vụ KH&CN cấp tỉnh năm 2026',
      'Căn cứ Quyết định số 45/QĐ-SKHCN ngày 20/02/2026', 'ngày 05 tháng 3 năm 2026', 'PGS.TS Nguyễn Văn An',
      'Xung đột lợi ích', 'Là cổ đông của Công ty Cổ phần Gạch không nung Na Dương', 'Tính cấp thiết (20)', 'Điểm trung bình',
      'Phiếu không tính do thành viên khai báo xung đột lợi ích: TS Đặng Quốc Giang', 'Không đạt: điểm trung bình 63,8 thấp hơn 70.',
      'Phiếu giấy do cán bộ Sở nhập thay: TS Lê Hoàng Cường.',
      'THƯ KÝ HỘI ĐỒNG', 'TM. HỘI ĐỒNG', 'CHỦ TỊCH', 'TS Lê Hoàng Cường', 'Nơi nhận:',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Dự thảo');
  });
});

describe('who sees what', () => {
  it('shows a reviewer only the councils they sit on and the dossiers assigned to them', async () => {
    const council = await newCouncil({ name: 'Hội đồng tuyển chọn chỉ để xem' });
    const [, dB] = await addDossiers(council.id);
    const m = await seat(council.id);
    await call(officer, 'PUT', `/api/councils/${council.id}/dossiers/${dB.id}/assignments`, { memberIds: [m[0].id] });
    const mine = (await call(m[5].user, 'GET', `/api/councils/${council.id}`)).json();
    expect(mine.myMemberId).toBe(m[5].id);
    expect(mine.dossiers.map((d: { title: string }) => d.title)).toEqual(['HTX Nông nghiệp Hợp Thịnh']);
    expect(mine.dossiers[0].sheetCount).toBe(0);
    const list = (await call(m[5].user, 'GET', '/api/councils?limit=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const c of list.items) {
      expect((await call(m[5].user, 'GET', `/api/councils/${c.id}`)).json().myMemberId).not.toBeNull();
    }
    // A reviewer outside the council sees nothing of it.
    const outsider = await env.as('reviewer');
    expect((await call(outsider, 'GET', '/api/councils')).json().items).toEqual([]);
    expect((await call(outsider, 'GET', `/api/councils/${council.id}`)).statusCode).toBe(404);
    expect((await call(outsider, 'GET', `/api/councils/${council.id}/minutes.docx`)).statusCode).toBe(403);
    // Leaders read everything but manage nothing; another province sees nothing.
    const all = (await call(leader, 'GET', `/api/councils/${council.id}`)).json();
    expect(all.dossiers).toHaveLength(2);
    expect((await call(leader, 'POST', '/api/councils', { subjectType: 'organization', subjectId: subject, kind: 'selection', name: 'x' })).statusCode).toBe(403);
    const { id: otherTenant } = await buildTenant(env.h, 'Sở KH&CN tỉnh khác');
    const other = await env.as('dost_officer', { tenantId: otherTenant });
    expect((await call(other, 'GET', `/api/councils/${council.id}`)).statusCode).toBe(404);
    expect((await call(other, 'POST', `/api/councils/${council.id}/members`, { personId: experts[9].personId, role: 'member' })).statusCode).toBe(404);
    expect((await call(other, 'GET', `/api/councils?subjectType=organization&subjectId=${subject}`)).json().items).toEqual([]);
    // Councils about a subject, or evaluating one of its dossiers.
    const about = (await call(officer, 'GET', `/api/councils?subjectType=organization&subjectId=${dossierOrgs[1]}&limit=200`)).json();
    expect(about.items.map((c: { id: string }) => c.id)).toContain(council.id);
    expect((await call(undefined, 'GET', '/api/councils')).statusCode).toBe(401);
  });
});

describe('setting a council up', () => {
  it('refuses unknown subjects, people outside the registry, duplicates and too many members', async () => {
    const bad = await call(officer, 'POST', '/api/councils', { subjectType: 'spaceship', subjectId: subject, kind: 'selection', name: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'council.unknown_subject_type', details: [{ path: 'body.subjectType' }] });
    const missing = await call(officer, 'POST', '/api/councils', { subjectType: 'organization', subjectId: '00000000-0000-4000-8000-000000000000', kind: 'selection', name: 'x' });
    expect(missing.json()).toMatchObject({ code: 'council.subject_not_found', message: expect.stringContaining('tổ chức') });
    const wrongKind = await call(officer, 'POST', '/api/councils', { subjectType: 'organization', subjectId: subject, kind: 'party', name: 'x' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json()).toMatchObject({ code: 'council.unknown_kind', message: 'Loại hội đồng "party" chưa được đăng ký.', details: [{ path: 'body.kind' }] });
    const badKey = await call(officer, 'POST', '/api/councils', { subjectType: 'organization', subjectId: subject, kind: 'Party!', name: 'x' });
    expect(badKey.json()).toMatchObject({ code: 'common.validation_failed', details: [{ path: 'body.kind' }] });

    const council = await newCouncil({ name: 'Hội đồng đủ chín người' });
    const nonExpert = (await call(officer, 'POST', '/api/people', buildPerson({ fullName: 'Lý Thị Mơ', isExpert: false }))).json();
    const notExpert = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: nonExpert.id, role: 'member' });
    expect(notExpert.statusCode).toBe(400);
    expect(notExpert.json().message).toBe('Lý Thị Mơ không thuộc danh sách chuyên gia nên không thể làm thành viên hội đồng.');
    const unknownPerson = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: '00000000-0000-4000-8000-000000000000', role: 'member' });
    expect(unknownPerson.json()).toMatchObject({ code: 'council.person_not_found', details: [{ path: 'body.personId' }] });
    const m = await seat(council.id);
    const again = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: experts[0].personId, role: 'member' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Nguyễn Văn An đã là thành viên của hội đồng.');
    const sameUser = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: experts[7].personId, role: 'member', userId: m[0].user.userId });
    expect(sameUser.json().code).toBe('council.user_already_member');
    const secondChair = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: experts[7].personId, role: 'chair' });
    expect(secondChair.statusCode).toBe(409);
    expect(secondChair.json().message).toContain('Hội đồng đã có đủ 1 thành viên giữ chức danh Chủ tịch');
    await seat(council.id, ['member', 'member'], 7);
    const tenth = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: nonExpert.id, role: 'member' });
    expect(tenth.json().code).toBe('council.person_not_expert');
    const tooMany = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: experts[9].personId, role: 'member' });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().message).toBe('Hội đồng đã đủ 9 thành viên, số tối đa theo Luật Khoa học, công nghệ và đổi mới sáng tạo 93/2025/QH15; Nghị định 267/2025/NĐ-CP (hội đồng tư vấn: thành phần, phiên họp).');
    // A member can be removed while the council is being prepared, and leaves no assignment behind.
    expect((await call(officer, 'DELETE', `/api/councils/${council.id}/members/${m[6].id}`)).statusCode).toBe(204);
    expect((await call(officer, 'GET', `/api/councils/${council.id}`)).json().memberCount).toBe(8);
  });

  it('opens only with a composition that meets the rule and dossiers to evaluate', async () => {
    const council = await newCouncil({ name: 'Hội đồng thiếu người' });
    await seat(council.id, ['chair', 'reviewer', 'reviewer', 'member', 'member']);
    const open = await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: council.version });
    expect(open.statusCode).toBe(409);
    expect(open.json().message).toBe('Chưa thể mở phiên họp vì thành phần hội đồng chưa đúng quy định (Luật Khoa học, công nghệ và đổi mới sáng tạo 93/2025/QH15; Nghị định 267/2025/NĐ-CP (hội đồng tư vấn: thành phần, phiên họp)): cần ít nhất 7 thành viên (hiện có 5); cần ít nhất 1 Thư ký (hiện có 0).');
    expect(open.json().details.problems).toEqual([{ kind: 'too_few', count: 5, min: 7 }, { kind: 'role_too_few', role: 'secretary', count: 0, min: 1 }]);
    await seat(council.id, ['secretary', 'member'], 5);
    const noDossier = await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: council.version });
    expect(noDossier.json().code).toBe('council.no_dossiers');
    const [dA] = await addDossiers(council.id);
    await call(officer, 'PUT', `/api/councils/${council.id}/dossiers/${dA.id}/assignments`, { memberIds: [] });
    const lonely = await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: council.version });
    expect(lonely.json().message).toBe('Chưa thể mở phiên họp: hồ sơ "HTX Nông nghiệp Hợp Thịnh" chưa được phân công cho thành viên nào.');
    const strangers = await call(officer, 'PUT', `/api/councils/${council.id}/dossiers/${dA.id}/assignments`, { memberIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(strangers.json()).toMatchObject({ code: 'council.assignee_not_member', details: [{ path: 'body.memberIds.0' }] });
    const dup = await call(officer, 'POST', `/api/councils/${council.id}/dossiers`, { subjectType: 'organization', subjectId: dossierOrgs[0] });
    expect(dup.json().code).toBe('council.dossier_exists');
    expect((await call(officer, 'DELETE', `/api/councils/${council.id}/dossiers/${dA.id}`)).statusCode).toBe(204);
    const again = await call(officer, 'POST', `/api/councils/${council.id}/dossiers`, { subjectType: 'organization', subjectId: dossierOrgs[0], title: 'Hồ sơ nộp lại' });
    expect(again.json()).toMatchObject({ title: 'Hồ sơ nộp lại', memberIds: expect.any(Array) });
    expect(again.json().memberIds).toHaveLength(7);
    expect((await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: council.version })).statusCode).toBe(200);
    // Once open, membership and dossiers are fixed and the council cannot be deleted.
    const late = await call(officer, 'POST', `/api/councils/${council.id}/members`, { personId: experts[9].personId, role: 'member' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('Không thể thay đổi thành viên hội đồng: hội đồng đang trong phiên họp. Thao tác này chỉ làm được khi hội đồng đang ở bước chuẩn bị.');
    expect((await call(officer, 'DELETE', `/api/councils/${council.id}?version=${await version(council.id)}`)).statusCode).toBe(409);
    const draft = await newCouncil({ name: 'Hội đồng bỏ' });
    expect((await call(officer, 'DELETE', `/api/councils/${draft.id}?version=1`)).statusCode).toBe(204);
    expect((await call(officer, 'GET', `/api/councils/${draft.id}`)).statusCode).toBe(404);
  });
});

describe('an acceptance council', () => {
  it('rates Xuất sắc / Đạt / Không đạt and takes the rating most members give (a tie goes lower)', async () => {
    const council = await newCouncil({ kind: 'acceptance', name: 'Hội đồng nghiệm thu đề tài máy sấy bơm nhiệt hoa hồi' });
    const [dA] = await addDossiers(council.id);
    const m = await seat(council.id);
    for (const x of m) await call(officer, 'PUT', `/api/councils/${council.id}/members/${x.id}/presence`, { present: true });
    expect((await call(officer, 'POST', `/api/councils/${council.id}/open`, { version: 1 })).statusCode).toBe(200);
    const scores = await call(m[0].user, 'PUT', sheetUrl(council.id, dA.id, m[0].id), s(10, 10, 10, 10));
    expect(scores.statusCode).toBe(400);
    expect(scores.json().message).toBe('Hội đồng này đánh giá bằng xếp loại Xuất sắc / Đạt / Không đạt, không chấm điểm.');
    const ratings = ['excellent', 'excellent', 'excellent', 'passed', 'passed', 'passed', 'failed'];
    for (const [i, rating] of ratings.entries()) {
      expect((await call(m[i].user, 'PUT', sheetUrl(council.id, dA.id, m[i].id), { rating })).statusCode).toBe(200);
    }
    const r = (await call(officer, 'GET', `/api/councils/${council.id}/results`)).json().dossiers[0];
    expect(r).toMatchObject({
      count: 7, ratings: { excellent: 3, passed: 3, failed: 1 }, rating: 'passed', passed: true, average: null,
      reason: 'Xếp loại Đạt: 3/7 thành viên.',
    });
    await call(m[6].user, 'PUT', sheetUrl(council.id, dA.id, m[6].id), { rating: 'excellent' });
    const r2 = (await call(officer, 'GET', `/api/councils/${council.id}/results`)).json().dossiers[0];
    expect(r2).toMatchObject({ rating: 'excellent', reason: 'Xếp loại Xuất sắc: 4/7 thành viên.' });
    // The draft minutes say so.
    const xml = await (await JSZip.loadAsync((await call(officer, 'GET', `/api/councils/${council.id}/minutes.docx`)).rawPayload))
      .file('word/document.xml')!.async('string');
    expect(xml).toContain('Dự thảo: hội đồng chưa kết thúc phiên họp');
    expect(xml).toContain('Xuất sắc 4, Đạt 3, Không đạt 0');
  });
});
