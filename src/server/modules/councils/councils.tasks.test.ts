/**
 * Councils about S&T tasks, through the tasks module's council-subject registration: each regime's rules by the
 * task's regime date, likely conflicts of interest from its host organisation and its principal investigator's
 * organisation, the three conflict answers, paper sheets entered by the secretary, no verdict without quorum, and the
 * members' organisations in the minutes.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization, buildPerson } from '../../testing/factories.ts';
import type { MemberRole } from '../../../shared/schemas/councils.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';

type User = AuthHeaders & { userId: string };
let env: TestEnv;
let officer: User;
const org = { host: '', pi: '', other: '' };
let piId: string;
/** Seven experts working elsewhere, each with a reviewer account. */
const experts: { personId: string; user: User; name: string }[] = [];
/** An expert working at the host organisation, and one where the principal investigator works. */
let fromHost: string;
let fromPiOrg: string;

const ROLES7: MemberRole[] = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Phương', 'Đặng Quốc Giang'];

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers, payload });
const ok = async (p: ReturnType<typeof call>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  const newOrg = async (name: string) => (await ok(call(officer, 'POST', '/api/organizations', buildOrganization({ name })), 201)).id as string;
  org.host = await newOrg('Trung tâm Ứng dụng tiến bộ khoa học và công nghệ (thử nghiệm)');
  org.pi = await newOrg('Viện Cơ điện nông nghiệp và Công nghệ sau thu hoạch (thử nghiệm)');
  org.other = await newOrg('Trường Đại học Nông Lâm (thử nghiệm)');
  const person = async (fullName: string, organizationId: string, isExpert = true) =>
    (await ok(call(officer, 'POST', '/api/people', buildPerson({ fullName, degree: 'TS', isExpert, organizationId })), 201)).id as string;
  piId = await person('Hồ Văn Chủ', org.pi, false);
  for (const name of NAMES) experts.push({ personId: await person(name, org.other), user: await env.as('reviewer'), name });
  fromHost = await person('Lý Thị Chủ Trì', org.host);
  fromPiOrg = await person('Mạc Văn Cùng Viện', org.pi);
});
afterAll(() => env.close());

async function task(proposedOn: string, title = `Nhiệm vụ thử nghiệm đề xuất ngày ${proposedOn}`) {
  const input: TaskCreate = {
    title, type: 'research_topic', level: 'provincial', scienceField: '2', proposalYear: Number(proposedOn.slice(0, 4)), proposedOn,
    hostOrganizationId: org.host, principalInvestigatorId: piId, members: [], funding: [], products: [],
  };
  return (await ok(call(officer, 'POST', '/api/tasks', input), 201)).id as string;
}

/** A council about the task, with the task as its dossier. */
async function council(taskId: string, kind = 'identification', meetingDate = '2026-03-05') {
  const c = await ok(call(officer, 'POST', '/api/councils', { subjectType: 'task', subjectId: taskId, kind, name: `Hội đồng ${kind} ${taskId}`, meetingDate }), 201);
  const dossier = await ok(call(officer, 'POST', `/api/councils/${c.id}/dossiers`, { subjectType: 'task', subjectId: taskId }), 201);
  return { id: c.id as string, dossierId: dossier.id as string, rules: c.rules };
}

async function seat(councilId: string, people: { personId: string; role: MemberRole; userId?: string }[]) {
  const out = [];
  for (const p of people) out.push(await ok(call(officer, 'POST', `/api/councils/${councilId}/members`, p), 201));
  return out as { id: string; displayName: string; likelyConflicts: { relation: string }[]; conflictStatus: string }[];
}

const seven = () => ROLES7.map((role, i) => ({ personId: experts[i].personId, role, userId: experts[i].user.userId }));
const present = async (councilId: string, members: { id: string }[]) => {
  for (const m of members) await ok(call(officer, 'PUT', `/api/councils/${councilId}/members/${m.id}/presence`, { present: true }));
};
const open = async (councilId: string) => ok(call(officer, 'POST', `/api/councils/${councilId}/open`, {
  version: (await ok(call(officer, 'GET', `/api/councils/${councilId}`))).version,
}));
const sheet = (c: { id: string; dossierId: string }, memberId: string) => `/api/councils/${c.id}/dossiers/${c.dossierId}/sheets/${memberId}`;
const SCORES = { scores: { necessity: 18, feasibility: 25, effectiveness: 25, replicability: 15 } };

async function minutesText(councilId: string) {
  const res = await call(officer, 'GET', `/api/councils/${councilId}/minutes.docx`);
  expect(res.statusCode).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('the rules of a council about a task', () => {
  it('cites the 2025 STI law for a task proposed under it, whatever the meeting date', async () => {
    const c = await council(await task('2026-01-15'));
    expect(c.rules).toMatchObject({ onDate: '2026-01-15', dateOf: 'subject_regime' });
    for (const key of ['scoringSheet', 'composition', 'passRule', 'kind'] as const) {
      expect(c.rules[key].legalBasis, key).toContain('93/2025/QH15');
      expect(c.rules[key].legalBasis, key).toContain('267/2025/NĐ-CP');
    }
  });

  it('keeps the 2013-law regime (Thông tư 07/2014, 08/2017) for a task proposed before 01/10/2025, even meeting in 2026', async () => {
    const c = await council(await task('2024-05-10'), 'identification', '2026-03-05');
    expect(c.rules).toMatchObject({ onDate: '2024-05-10', dateOf: 'subject_regime' });
    expect(c.rules.scoringSheet.legalBasis).toContain('08/2017/TT-BKHCN');
    expect(c.rules.passRule.legalBasis).toContain('08/2017/TT-BKHCN');
    expect(c.rules.kind.legalBasis).toContain('07/2014/TT-BKHCN');
    // Opening resolves them again on the same regime date.
    await seat(c.id, seven());
    expect((await open(c.id)).rules.passRule.legalBasis).toContain('08/2017/TT-BKHCN');
  });

  it('ends the pass-rule citation of identification and selection councils without the acceptance ratings', async () => {
    for (const proposedOn of ['2024-05-10', '2026-01-15']) {
      const t = await task(proposedOn, `Nhiệm vụ kiểm tra căn cứ ${proposedOn}`);
      for (const kind of ['identification', 'selection']) {
        const c = await council(t, kind);
        expect(c.rules.passRule.legalBasis, `${kind} ${proposedOn}`).not.toMatch(/Xuất sắc|Không đạt/);
        const results = await ok(call(officer, 'GET', `/api/councils/${c.id}/results`));
        expect(results.passRule.legalBasis).not.toMatch(/Xuất sắc|Không đạt/);
      }
      // The acceptance council cites its ratings through its kind's rule.
      const acceptance = await ok(call(officer, 'GET', `/api/councils/${(await council(t, 'acceptance')).id}/results`));
      expect(acceptance.passRule.legalBasis).toContain('Xuất sắc / Đạt / Không đạt');
    }
  });
});

describe('likely conflicts of interest', () => {
  it('flags, when added, a member from the host organisation or from the principal investigator\'s organisation', async () => {
    const c = await council(await task('2026-02-01'));
    const [host, sameAsPi, other] = await seat(c.id, [
      { personId: fromHost, role: 'member' }, { personId: fromPiOrg, role: 'member' }, { personId: experts[0].personId, role: 'chair' },
    ]);
    expect(host).toMatchObject({
      conflictStatus: 'unanswered',
      likelyConflicts: [{ relation: 'organization', role: { vi: 'tổ chức chủ trì' }, partyName: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ (thử nghiệm)' }],
    });
    expect(sameAsPi.likelyConflicts).toEqual([expect.objectContaining({
      relation: 'person_organization', role: { vi: 'chủ nhiệm nhiệm vụ', en: 'principal investigator' }, partyName: 'Hồ Văn Chủ',
      organizationName: 'Viện Cơ điện nông nghiệp và Công nghệ sau thu hoạch (thử nghiệm)',
    })]);
    expect(other.likelyConflicts).toEqual([]);
    // The council shows the same flags on every read.
    const detail = await ok(call(officer, 'GET', `/api/councils/${c.id}`));
    expect(detail.members.map((m: { likelyConflicts: unknown[] }) => m.likelyConflicts.length).sort()).toEqual([0, 1, 1]);
  });

  it('makes a flagged member answer before scoring, and records "no conflict" apart from "not answered"', async () => {
    const c = await council(await task('2026-02-02'));
    const members = await seat(c.id, [...seven().slice(0, 6), { personId: fromHost, role: 'member', userId: experts[6].user.userId }]);
    const flagged = members[6];
    await present(c.id, members);
    await open(c.id);
    const refused = await call(experts[6].user, 'PUT', sheet(c, flagged.id), SCORES);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'council.conflict_unanswered',
      message: 'TS Lý Thị Chủ Trì có thể có xung đột lợi ích (công tác tại tổ chức chủ trì (Trung tâm Ứng dụng tiến bộ khoa học và công nghệ (thử nghiệm))): cần xác nhận không có xung đột hoặc khai báo xung đột trước khi nộp phiếu đánh giá.',
    });
    // An unflagged member who has not answered scores as before.
    expect((await call(experts[1].user, 'PUT', sheet(c, members[1].id), SCORES)).statusCode).toBe(200);
    const none = await ok(call(experts[6].user, 'PUT', `/api/councils/${c.id}/members/${flagged.id}/conflict`, { declared: false }));
    expect(none).toMatchObject({ conflictStatus: 'none', conflictDeclared: false, declaredAt: expect.any(String) });
    expect((await call(experts[6].user, 'PUT', sheet(c, flagged.id), SCORES)).statusCode).toBe(200);
    const declared = await ok(call(officer, 'PUT', `/api/councils/${c.id}/members/${members[5].id}/conflict`, { declared: true, note: 'Đồng tác giả' }));
    expect(declared).toMatchObject({ conflictStatus: 'declared', conflictDeclared: true });
    const detail = await ok(call(officer, 'GET', `/api/councils/${c.id}`));
    expect(detail.members.map((m: { conflictStatus: string }) => m.conflictStatus)).toEqual(['unanswered', 'unanswered', 'unanswered', 'unanswered', 'unanswered', 'declared', 'none']);
    // The minutes say who was flagged and how they answered.
    expect(await minutesText(c.id)).toContain('TS Lý Thị Chủ Trì công tác tại tổ chức chủ trì (Trung tâm Ứng dụng tiến bộ khoa học và công nghệ (thử nghiệm)): đã xác nhận không có xung đột lợi ích.');
    const audit = await env.h.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'council_member' AND entity_id = $1 ORDER BY id`, [flagged.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'presence', 'declare_no_conflict']);
  });
});

describe('sheets', () => {
  it('lets the secretary enter a paper sheet for a member, recorded in the sheet, the audit and the minutes', async () => {
    const c = await council(await task('2026-02-03'));
    const m = await seat(c.id, seven());
    await present(c.id, m);
    await open(c.id);
    const secretary = experts[2].user;
    const paper = await ok(call(secretary, 'PUT', sheet(c, m[5].id), SCORES));
    expect(paper).toMatchObject({ memberId: m[5].id, enteredBy: secretary.userId, enteredAs: 'secretary', total: 83 });
    const own = await ok(call(experts[4].user, 'PUT', sheet(c, m[4].id), SCORES));
    expect(own.enteredAs).toBe('self');
    // An ordinary member enters only their own.
    expect((await call(experts[6].user, 'PUT', sheet(c, m[5].id), SCORES)).json()).toMatchObject({ code: 'council.not_your_sheet' });
    const [entry] = await env.h.query<{ after: { enteredAs: string; onBehalfOf: { memberId: string } } }>(
      `SELECT after FROM audit_log WHERE entity = 'council_sheet' AND entity_id = $1`, [paper.id]);
    expect(entry.after).toMatchObject({ enteredAs: 'secretary', onBehalfOf: { memberId: m[5].id } });
    const results = await ok(call(officer, 'GET', `/api/councils/${c.id}/results`));
    expect(results.dossiers[0].sheets.map((s: { enteredAs: string }) => s.enteredAs).sort()).toEqual(['secretary', 'self']);
    expect(await minutesText(c.id)).toContain(`Phiếu giấy do thư ký nhập thay: ${m[5].displayName}.`);
  });

  it('names the offending criterion in the details of a refused sheet, each at its field', async () => {
    const c = await council(await task('2026-02-04'));
    const m = await seat(c.id, seven());
    await present(c.id, m);
    await open(c.id);
    const res = await call(experts[0].user, 'PUT', sheet(c, m[0].id), { scores: { necessity: 25, feasibility: 25, effectiveness: 25 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'council.score_out_of_range', message: 'Điểm tiêu chí "Tính cấp thiết" phải từ 0 đến 20; bạn nhập 25.',
      details: [
        { path: 'body.scores.necessity', key: 'necessity', code: 'out_of_range', message: 'Điểm tiêu chí "Tính cấp thiết" phải từ 0 đến 20; bạn nhập 25.' },
        { path: 'body.scores.replicability', key: 'replicability', code: 'missing', message: 'Thiếu điểm tiêu chí "Khả năng nhân rộng".' },
      ],
    });
  });
});

describe('quorum before conclusion', () => {
  it('gives no verdict for a council without members, and says it has none', async () => {
    const c = await council(await task('2026-02-05'));
    const results = await ok(call(officer, 'GET', `/api/councils/${c.id}/results`));
    expect(results.quorum).toMatchObject({ members: 0, met: false, canConclude: false });
    expect(results.dossiers[0]).toMatchObject({ passed: null, rating: null, reason: 'Chưa đủ điều kiện kết luận: hội đồng chưa có thành viên.' });
  });

  it('gives no verdict below quorum though every sheet is in, and one once the quorum is present', async () => {
    const c = await council(await task('2026-02-06'));
    const m = await seat(c.id, seven());
    await present(c.id, m.slice(0, 2));
    await open(c.id);
    for (const i of [0, 1]) await ok(call(experts[i].user, 'PUT', sheet(c, m[i].id), SCORES));
    const below = await ok(call(officer, 'GET', `/api/councils/${c.id}/results`));
    expect(below.dossiers[0]).toMatchObject({
      count: 2, average: 83, passed: null, reason: 'Chưa đủ điều kiện kết luận: có 2/7 thành viên có mặt và không xung đột lợi ích, cần ít nhất 5.',
    });
    expect(await minutesText(c.id)).toContain('Chưa đủ điều kiện kết luận');
    await present(c.id, m.slice(2, 5));
    expect((await ok(call(officer, 'GET', `/api/councils/${c.id}/results`))).dossiers[0]).toMatchObject({ passed: true });
  });
});

describe('the minutes', () => {
  it('fill "Đơn vị công tác" from each expert\'s organisation in the registry', async () => {
    const c = await council(await task('2026-02-07'));
    await seat(c.id, seven());
    const text = await minutesText(c.id);
    const table = text.slice(text.indexOf('Đơn vị công tác'), text.indexOf('II. NỘI DUNG'));
    expect(table.split('Trường Đại học Nông Lâm (thử nghiệm)').length - 1).toBe(7);
  });
});
