/** The demo seed on a real migrated database, checked through the API the way a user sees it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { buildApp, type App } from '../http/app.ts';
import { login, openTestDb, type AuthHeaders } from '../testing/harness.ts';
import JSZip from 'jszip';
import { isValidTaxCode } from '../../lib/vi/tax-code.ts';
import { DEMO_PASSWORD, seedDemo, type DemoSeedResult } from './seed.ts';
import { GENERATED_CODE_PREFIX, GENERATED_NOTE, GENERATED_TITLE_PREFIX } from './history-data.ts';
import { isWorkingDay } from '../../lib/vi/working-days.ts';
import { vietnamDate } from '../../lib/vi/dates.ts';
import { workingCalendar } from '../modules/workflow/workflow.calendar.ts';

let h: DbHandle;
let app: App;
let seeded: DemoSeedResult;
let canbo: AuthHeaders;

beforeAll(async () => {
  h = await openTestDb();
  app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
  seeded = await seedDemo(h);
  canbo = await login(app, 'canbo', DEMO_PASSWORD);
}, 300_000); // the whole demo through the services: ~15 s alone, minutes on a busy shared box
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const get = async (headers: AuthHeaders, url: string) => {
  const res = await app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

describe('demo seed', () => {
  it('creates one login per role in Tây Ninh and a DOST officer in Lạng Sơn and An Giang, all signing in', async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.logins.map((l) => `${l.tenant}/${l.username}/${l.role}`)).toEqual([
      'tay-ninh/admin/admin', 'tay-ninh/canbo/dost_officer', 'tay-ninh/donvi/unit_officer', 'tay-ninh/hoidong/reviewer',
      'tay-ninh/lanhdao/leader', 'tay-ninh/doanhnghiep/applicant', 'lang-son/canbo.langson/dost_officer',
      'an-giang/canbo.angiang/dost_officer',
    ]);
    for (const l of seeded.logins) {
      expect(l.password).toBe('khcn-demo-2026');
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: l.username, password: l.password } });
      expect(res.statusCode, l.username).toBe(200);
      expect(res.json().user).toMatchObject({ role: l.role, tenant: { slug: l.tenant } });
    }
  });

  it('links each tenant to the province in force today (codes 80, 20, 91 after the 2025 reform)', async () => {
    const rows = await h.query<{ slug: string; code: string; name: string; valid_to: string | null }>(
      `SELECT t.slug, u.code, u.name, u.valid_to::text FROM tenants t JOIN admin_units u ON u.id = t.province_unit_id ORDER BY t.slug`);
    expect(rows).toEqual([
      { slug: 'an-giang', code: '91', name: 'An Giang', valid_to: null },
      { slug: 'lang-son', code: '20', name: 'Lạng Sơn', valid_to: null },
      { slug: 'tay-ninh', code: '80', name: 'Tây Ninh', valid_to: null },
    ]);
  });

  it('registers the organisations the articles name, searchable without diacritics, with valid (fictitious) tax codes', async () => {
    const all = (await get(canbo, '/api/organizations?limit=100')).items as { name: string; taxCode: string | null; kind: string }[];
    expect(all.map((o) => o.name)).toEqual(expect.arrayContaining([
      'Công ty Cổ phần Nghiên cứu Bảo Tồn và Phát triển Dược liệu Đồng Tháp Mười', 'Công ty Cổ phần Cơ Khí chế tạo máy Long An',
      'Công ty TNHH MTV Sản xuất Rượu Thanh long', 'Công ty Cổ phần Cơ khí Xây dựng Long An',
      'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung', 'Công ty Cổ phần dược liệu Mecola',
    ]));
    for (const o of all) if (o.taxCode) expect(isValidTaxCode(o.taxCode), o.taxCode).toBe(true);
    const found = (await get(canbo, '/api/organizations?q=co%20khi%20long%20an')).items.map((o: { name: string }) => o.name);
    expect(new Set(found)).toEqual(new Set(['Công ty Cổ phần Cơ khí Xây dựng Long An', 'Công ty Cổ phần Cơ Khí chế tạo máy Long An']));
    // Another province's records stay in that province.
    expect(all.map((o) => o.name)).not.toContain('Hợp tác xã Bến Bà Chi');
  });

  it('places organisations in the commune that succeeded the one the article names', async () => {
    const ag = await login(app, 'canbo.angiang', DEMO_PASSWORD);
    const [benBaChi] = (await get(ag, '/api/organizations?q=ben%20ba%20chi')).items;
    expect(benBaChi).toMatchObject({ kind: 'cooperative', adminUnitName: 'Xã Ba Chúc' }); // formerly xã Lê Trì, huyện Tri Tôn
    const [nhonThanhTrung] = (await get(canbo, '/api/organizations?q=nhon%20thanh%20trung')).items;
    expect(nhonThanhTrung.adminUnitName).toBe('Phường Tân An');
  });

  it('registers people and experts, and the applicant account acts for its own enterprise', async () => {
    const people = (await get(canbo, '/api/people?limit=100')).items as { fullName: string; organizationName: string | null }[];
    expect(people.find((p) => p.fullName === 'Nguyễn Thị Bích Thảo')?.organizationName).toBe('Sở Khoa học và Công nghệ tỉnh Tây Ninh');
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    expect((await get(ls, '/api/people?q=hoang%20minh%20luy')).items.map((p: { fullName: string }) => p.fullName)).toEqual(['Hoàng Minh Luỹ']);
    const dn = await login(app, 'doanhnghiep', DEMO_PASSWORD);
    const me = await get(dn, '/api/auth/session');
    const own = await get(dn, `/api/organizations/${me.user.organizationId}`);
    expect(own.name).toBe('Công ty Cổ phần Cơ Khí chế tạo máy Long An');
  });

  it('audits every organisation and person it created', async () => {
    const admin = await login(app, 'admin', DEMO_PASSWORD);
    // Per entity: the demo tasks and councils write many more entries than the newest 200.
    const audit = async (entity: string) => (await get(admin, `/api/audit?entity=${entity}&limit=200`)).items as { action: string; entity: string }[];
    const orgs = (await get(admin, '/api/organizations?limit=100')).items.length;
    const people = (await get(admin, '/api/people?limit=100')).items.length;
    expect((await audit('organization')).filter((a) => a.action === 'create')).toHaveLength(orgs);
    expect((await audit('person')).filter((a) => a.action === 'create')).toHaveLength(people);
    expect((await audit('tenant')).some((a) => a.action === 'create')).toBe(true);
  });

  it('does nothing the second time, and still reports the demo logins', async () => {
    const count = async () => (await h.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM organizations) + (SELECT count(*) FROM people) + (SELECT count(*) FROM users) AS n'))[0].n;
    const before = await count();
    const again = await seedDemo(h);
    expect(again.created).toBe(false);
    expect(again.logins).toEqual(seeded.logins);
    expect(await count()).toEqual(before);
  });
});

type TaskItem = {
  id: string; title: string; type: string; stage: string; proposalYear: number; acceptanceRating: string | null; counterpartShare: number | null;
};

describe('demo tasks', () => {
  const STAGE_FAMILIES: Record<string, string[]> = {
    'proposal and identification': ['proposal', 'identification'],
    'list, call, selection, appraisal, approval, contract': ['approved_list', 'call_or_order', 'application', 'selection', 'budget_appraisal', 'approval', 'contract'],
    implementation: ['implementation'],
    acceptance: ['acceptance'],
    'result registration and replication': ['result_registration', 'replication'],
    'not approved': ['not_approved'],
  };
  const tasksOf = async (headers: AuthHeaders, query = '') => (await get(headers, `/api/tasks?limit=200${query}`)).items as TaskItem[];

  it('puts tasks of the three provinces at every family of stages, pilot production co-funded ≥ 70 % by enterprises', async () => {
    const all: TaskItem[] = [];
    for (const user of ['canbo', 'canbo.langson', 'canbo.angiang']) all.push(...await tasksOf(await login(app, user, DEMO_PASSWORD)));
    const stages = new Set(all.map((t) => t.stage));
    for (const [family, members] of Object.entries(STAGE_FAMILIES)) {
      expect(members.some((s) => stages.has(s)), family).toBe(true);
    }
    const pilots = all.filter((t) => t.type === 'pilot_production_project');
    expect(pilots.length).toBeGreaterThan(0);
    for (const t of pilots) expect(t.counterpartShare, t.title).toBeGreaterThanOrEqual(70);
  });

  it('keeps the lineage of the Óc Eo proposal: not approved in 2019, proposed again later', async () => {
    const ag = await login(app, 'canbo.angiang', DEMO_PASSWORD);
    const found = await tasksOf(ag, '&q=oc%20eo');
    expect(found).toHaveLength(2);
    const first = found.find((t) => t.proposalYear === 2019)!;
    const again = found.find((t) => t.proposalYear > 2019)!;
    expect(first.stage).toBe('not_approved');
    expect(['proposal', 'identification']).toContain(again.stage);
    const detail = await get(ag, `/api/tasks/${again.id}`);
    expect(detail.previousTaskId).toBe(first.id);
    expect(detail.regimeDate >= '2025-10-01').toBe(true); // proposed again under the 2025 law
    expect((await get(ag, `/api/tasks/${first.id}`)).lineage.map((l: { id: string }) => l.id)).toEqual([again.id]);
    const history = await get(ag, `/api/tasks/${first.id}/history`);
    expect(history.map((e: { toStage: string }) => e.toStage)).toEqual(['proposal', 'identification', 'not_approved']);
    expect(history[2].at.slice(0, 4)).toBe('2019');
  });

  it('leaves the e2e task in the proposal stage with its proposal form, ready to go to the identification council', async () => {
    const [task] = await tasksOf(canbo, '&q=iot%20giam%20sat%20ca%20tre%20vang');
    const detail = await get(canbo, `/api/tasks/${task.id}`);
    expect(detail).toMatchObject({
      title: 'Ứng dụng công nghệ IoT giám sát chất lượng nước nuôi cá trê vàng tại Đức Huệ', stage: 'proposal',
      regimeDate: '2026-11-01', proposalYear: 2026,
    });
    expect(detail.scienceField).toBeTruthy();
    expect(detail.hostOrganizationId).toBeTruthy();
    expect(detail.principalInvestigatorId).toBeTruthy();
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(['proposal_form']);
    const actions = await get(canbo, `/api/tasks/${task.id}/actions`);
    expect(actions.actions.find((a: { action: string }) => a.action === 'submit_for_identification')).toMatchObject({ ready: true });
  });

  it('shows real medians per stage and year on the Tây Ninh dashboard', async () => {
    const dashboard = await get(canbo, '/api/tasks/dashboard');
    expect(dashboard.durations.length).toBeGreaterThan(0);
    for (const d of dashboard.durations) expect(d.medianDays).toBeGreaterThan(0);
    expect(new Set(dashboard.durations.map((d: { year: number }) => d.year)).size).toBeGreaterThanOrEqual(3);
    const implementation = dashboard.durations.filter((d: { stage: string }) => d.stage === 'implementation');
    expect(implementation.length).toBeGreaterThan(0);
    for (const d of implementation) expect(d.medianDays).toBeGreaterThan(365);
    // The smart-irrigation project is past its implementation target.
    expect(dashboard.overdue.map((t: { stage: string }) => t.stage)).toContain('implementation');
  });

  it('publishes accepted tasks with their products and replication records', async () => {
    for (const province of ['tay-ninh', 'lang-son']) {
      const res = await app.inject({ method: 'GET', url: `/api/public/tasks?province=${province}&limit=50` });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { acceptanceRating: string; products: unknown[]; replications: unknown[] }[];
      expect(items.length, province).toBeGreaterThan(0);
      for (const t of items) {
        expect(['passed', 'excellent']).toContain(t.acceptanceRating);
        expect(t.products.length).toBeGreaterThan(0);
      }
      expect(items.some((t) => t.replications.length >= 3), province).toBe(true);
    }
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    expect((await tasksOf(ls, '&q=mau%20son')).map((t) => t.acceptanceRating)).toEqual(['excellent']);
  });

  it('holds each council a task passed, seven members scoring with their own accounts', async () => {
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    const [dryer] = await tasksOf(ls, '&q=may%20say%20hoi');
    const councils = (await get(ls, `/api/councils?subjectType=task&subjectId=${dryer.id}&limit=10`)).items as { id: string; kind: string; status: string; meetingDate: string }[];
    expect(councils.map((c) => `${c.kind}/${c.status}`).sort()).toEqual(['acceptance/closed', 'identification/closed', 'selection/closed']);
    for (const c of councils) {
      const detail = await get(ls, `/api/councils/${c.id}`);
      expect(detail.members).toHaveLength(7);
      const [result] = (await get(ls, `/api/councils/${c.id}/results`)).dossiers;
      expect(result).toMatchObject({ subjectId: dryer.id, passed: true });
      expect(result.count).toBeGreaterThanOrEqual(5);
    }
    // A member signs in with their reviewer account and sees the councils they sat on.
    const seat = (await get(ls, `/api/councils/${councils[0].id}`)).members[0] as { userId: string };
    const [account] = await h.query<{ username: string }>('SELECT username FROM users WHERE id = $1', [seat.userId]);
    expect(account.username).toMatch(/^hd\./);
    const member = await login(app, account.username, DEMO_PASSWORD);
    expect((await get(member, '/api/councils?limit=50')).items.map((c: { id: string }) => c.id)).toContain(councils[0].id);
  });

  it('seats no expert from a task\'s host organisation, and cites each task\'s regime: the 2025 STI law for Na Dương\'s councils', async () => {
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    const [ashes] = await tasksOf(ls, '&q=na%20duong');
    const [dryer] = await tasksOf(ls, '&q=may%20say%20hoi');
    const councilsOf = async (id: string) => (await get(ls, `/api/councils?subjectType=task&subjectId=${id}&limit=10`)).items as
      { id: string; rules: { dateOf: string; passRule: { legalBasis: string }; kind: { legalBasis: string } } }[];
    const regime2025 = await councilsOf(ashes.id);
    expect(regime2025.length).toBeGreaterThan(0);
    for (const c of regime2025) {
      expect(c.rules.dateOf).toBe('subject_regime');
      expect(c.rules.passRule.legalBasis).toContain('93/2025/QH15');
      expect(c.rules.kind.legalBasis).toContain('267/2025/NĐ-CP');
    }
    for (const c of await councilsOf(dryer.id)) expect(`${c.rules.passRule.legalBasis} ${c.rules.kind.legalBasis}`).not.toContain('93/2025');
    for (const c of [...regime2025, ...await councilsOf(dryer.id)]) {
      const { members } = await get(ls, `/api/councils/${c.id}`);
      expect(members.flatMap((m: { likelyConflicts: unknown[] }) => m.likelyConflicts)).toEqual([]);
      // Most members' organisation fills "Đơn vị công tác" in the minutes.
      expect(members.filter((m: { organizationName: string | null }) => m.organizationName).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('records the Bến Bà Chi model at the commune in force today, keeping the old address in the text', async () => {
    const ag = await login(app, 'canbo.angiang', DEMO_PASSWORD);
    const [solar] = await tasksOf(ag, '&q=nang%20luong%20mat%20troi');
    const { replications } = await get(ag, `/api/tasks/${solar.id}`);
    expect(replications.map((r: { year: number; adminUnitName: string | null }) => [r.year, r.adminUnitName])).toEqual([[2024, 'Xã Lê Trì'], [2026, 'Xã Ba Chúc']]);
    expect(replications[1].place).toContain('xã Lê Trì, huyện Tri Tôn');
  });

  it('gives the demo company a draft proposal only it sees, and a second account awaiting the DOST', async () => {
    const company = await login(app, 'doanhnghiep', DEMO_PASSWORD);
    const own = (await get(company, '/api/tasks?limit=100')).items as { title: string; stage: string; submittedAt: string | null }[];
    const draft = own.find((t) => t.stage === 'draft');
    expect(draft).toMatchObject({ title: 'Cải tiến máy sấy lúa tiết kiệm năng lượng cho hợp tác xã', submittedAt: null });
    const staff = (await get(canbo, '/api/tasks?limit=100&q=may%20say%20lua')).items as { title: string }[];
    expect(staff.map((t) => t.title)).not.toContain(draft!.title);
    const requests = (await get(canbo, '/api/account-requests?status=pending')).items as { user: { username: string } }[];
    expect(requests.map((r) => r.user.username)).toEqual(['binh.kythuat']);
    const refused = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'binh.kythuat', password: 'mot cau mat khau that dai 2026' } });
    expect(refused.json().code).toBe('account_request.awaiting_confirmation');
  });

  it('links Trần Văn Hội to the reviewer account hoidong, among at least eight Tây Ninh experts', async () => {
    const experts = (await get(canbo, '/api/people?isExpert=true&limit=100')).items as { fullName: string; academicTitle: string; degree: string }[];
    expect(experts.length).toBeGreaterThanOrEqual(8);
    expect(experts.find((p) => p.fullName === 'Trần Văn Hội')).toMatchObject({ academicTitle: 'PGS', degree: 'TS' });
    const hoidong = await login(app, 'hoidong', DEMO_PASSWORD);
    expect((await get(hoidong, '/api/auth/session')).user.displayName).toContain('Trần Văn Hội');
  });

  it('disburses funding as each task\'s history implies, never more than planned, and lists the organisations taking part', async () => {
    const paid = ['implementation', 'acceptance', 'result_registration', 'replication', 'not_accepted'];
    const all: TaskItem[] = [];
    for (const user of ['canbo', 'canbo.langson', 'canbo.angiang']) all.push(...await tasksOf(await login(app, user, DEMO_PASSWORD)));
    for (const t of all) {
      const { stateBudgetDisbursed: sb, counterpartDisbursed: cp, stateBudgetTotal, counterpartTotal } = t as TaskItem & Record<string, number>;
      if (!paid.includes(t.stage)) {
        expect(sb + cp, `${t.title}: nothing before the contract`).toBe(0);
        continue;
      }
      expect(sb, `${t.title}: state budget disbursed`).toBeGreaterThan(0);
      expect(sb, t.title).toBeLessThanOrEqual(stateBudgetTotal + 1e-6);
      expect(cp, t.title).toBeLessThanOrEqual(counterpartTotal + 1e-6);
      // Accepted and registered: everything paid, the last year's remainder after the acceptance council.
      if (t.stage === 'replication') expect([sb, cp], t.title).toEqual([stateBudgetTotal, counterpartTotal]);
    }
    const irrigation = all.find((t) => t.title.startsWith('Ứng dụng hệ thống tưới tiêu thông minh'))!;
    const detail = await get(canbo, `/api/tasks/${irrigation.id}`);
    expect(detail.disbursements.length).toBeGreaterThan(3);
    const signed = ((await get(canbo, `/api/tasks/${irrigation.id}/history`)) as { toStage: string; at: string }[]).find((e) => e.toStage === 'implementation')!;
    for (const d of detail.disbursements) expect(d.disbursedOn > signed.at.slice(0, 10), 'paid after the contract').toBe(true);
    expect(detail.disbursements.filter((d: { source: string; decisionNo: string | null }) => d.source === 'state_budget' && !d.decisionNo)).toEqual([]);
    expect(detail.participants.map((p: { organizationName: string; role: string }) => `${p.organizationName}/${p.role}`)).toEqual([
      'Hợp tác xã Nông nghiệp Nhơn Thạnh Trung/beneficiary', 'Công ty Cổ phần Cơ Khí chế tạo máy Long An/cooperating_enterprise',
    ]);
    // The enterprise's account reads the task it takes part in, as well as the one it hosts.
    const doanhnghiep = await login(app, 'doanhnghiep', DEMO_PASSWORD);
    expect((await get(doanhnghiep, `/api/tasks/${irrigation.id}`)).title).toBe(irrigation.title);
  });

  it('rests every stage median of each province on at least two tasks', async () => {
    for (const user of ['canbo', 'canbo.langson', 'canbo.angiang']) {
      const headers = await login(app, user, DEMO_PASSWORD);
      const { items } = await get(headers, '/api/stage-timing/durations?subjectType=task') as { items: { year: number; stage: string; count: number }[] };
      // Every stage a task passes through on its way to replication, in several years.
      for (const stage of ['proposal', 'identification', 'selection', 'implementation', 'acceptance', 'result_registration']) {
        expect(items.filter((d) => d.stage === stage).length, `${user}: years of ${stage}`).toBeGreaterThanOrEqual(3);
      }
      expect(items.filter((d) => d.count < 2).map((d) => `${d.year} ${d.stage}: ${d.count}`), user).toEqual([]);
      const { durations } = await get(headers, '/api/tasks/dashboard') as { durations: { year: number; stage: string; count?: number }[] };
      expect(durations.filter((d) => d.count !== undefined && d.count < 2), user).toEqual([]);
    }
  });

  it('marks the generated historical tasks as generated in the list, on the task and on the public portal', async () => {
    const all: (TaskItem & { code: string | null })[] = [];
    for (const user of ['canbo', 'canbo.langson', 'canbo.angiang']) all.push(...await tasksOf(await login(app, user, DEMO_PASSWORD)) as (TaskItem & { code: string | null })[]);
    const generated = all.filter((t) => t.title.startsWith(GENERATED_TITLE_PREFIX));
    expect(generated.length).toBeGreaterThanOrEqual(40);
    expect(generated.length).toBeLessThanOrEqual(100);
    for (const t of generated) expect(t.code, t.title).toMatch(new RegExp(`^${GENERATED_CODE_PREFIX.replace('.', '\\.')}(TN|LS|AG)\\.\\d{4}\\.\\d{2}$`));
    // Only generated tasks carry the mark.
    expect(all.filter((t) => t.code?.startsWith(GENERATED_CODE_PREFIX) && !t.title.startsWith(GENERATED_TITLE_PREFIX))).toEqual([]);
    const stages = new Set(generated.map((t) => t.stage));
    for (const s of ['replication', 'not_approved', 'not_accepted']) expect(stages.has(s), s).toBe(true);
    expect(generated.filter((t) => t.stage === 'not_accepted').every((t) => t.acceptanceRating === 'failed')).toBe(true);

    const [one] = generated.filter((t) => t.stage === 'replication');
    const detail = await get(canbo, `/api/tasks/${one.id}`);
    expect(detail.summary).toContain(GENERATED_NOTE);
    const history = await get(canbo, `/api/tasks/${one.id}/history`) as { toStage: string }[];
    expect(history.map((e) => e.toStage)).toEqual([
      'proposal', 'identification', 'approved_list', 'call_or_order', 'application', 'selection', 'budget_appraisal', 'approval', 'contract',
      'implementation', 'acceptance', 'result_registration', 'replication',
    ]);

    const res = await app.inject({ method: 'GET', url: '/api/public/tasks?province=tay-ninh&limit=100' });
    const published = (res.json().items as { title: string; code: string | null; summary: string | null }[]).filter((t) => t.title.startsWith(GENERATED_TITLE_PREFIX));
    expect(published.length).toBeGreaterThan(0);
    for (const t of published) {
      expect(t.code?.startsWith(GENERATED_CODE_PREFIX), t.title).toBe(true);
      expect(t.summary, t.title).toContain(GENERATED_NOTE);
    }
  });

  it('dates every generated transition on a working day of its province', async () => {
    const rows = await h.query<{ tenant_id: string; at: Date }>(`
      SELECT e.tenant_id, e.at FROM stage_events e JOIN tasks t ON t.id = e.subject_id
      WHERE t.code LIKE 'SINH.%' AND e.from_stage IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(300);
    const calendars = new Map<string, Awaited<ReturnType<typeof workingCalendar>>>();
    for (const r of rows) {
      if (!calendars.has(r.tenant_id)) calendars.set(r.tenant_id, await workingCalendar(h.db, { tenantId: r.tenant_id, onDate: '2026-06-30' }));
      const day = vietnamDate(new Date(r.at));
      expect(isWorkingDay(day, calendars.get(r.tenant_id)!), day).toBe(true);
    }
  });

  it('seats hoidong on an identification council in session, the others\' sheets in and his still to fill', async () => {
    const hoidong = await login(app, 'hoidong', DEMO_PASSWORD);
    const mine = (await get(hoidong, '/api/councils?limit=50')).items as { id: string; status: string; subjectType: string; subjectId: string }[];
    const open = mine.filter((c) => c.status === 'open');
    expect(open).toHaveLength(1);
    const council = await get(hoidong, `/api/councils/${open[0].id}`);
    expect(council.myMemberId).toBeTruthy();
    expect(council.mySheets).toEqual([]);
    expect(council.members.find((m: { id: string }) => m.id === council.myMemberId)).toMatchObject({ role: 'reviewer' });
    const [result] = (await get(canbo, `/api/councils/${council.id}/results`)).dossiers;
    expect(result.count).toBe(council.members.length - 1);
    // The council's task is one the reviewer may read (the council page links it).
    expect((await get(hoidong, `/api/tasks/${open[0].subjectId}`)).stage).toBe('identification');
  });

  it('dates every stage event in the past and in order, within each task', async () => {
    const rows = await h.query<{ subject_id: string; at: Date; id: string }>('SELECT subject_id, at, id FROM stage_events ORDER BY subject_id, id');
    expect(rows.length).toBeGreaterThan(100);
    const now = Date.now();
    for (const [i, r] of rows.entries()) {
      expect(new Date(r.at).getTime()).toBeLessThanOrEqual(now);
      if (i > 0 && rows[i - 1].subject_id === r.subject_id) expect(new Date(r.at).getTime()).toBeGreaterThanOrEqual(new Date(rows[i - 1].at).getTime());
    }
  });
});

describe('demo documents, headed by the DOST in force on their date', () => {
  interface Listed { id: string; name: string; meetingDate: string | null }
  const councilsIn = async (headers: AuthHeaders, year: string) =>
    ((await get(headers, '/api/councils?limit=100')).items as Listed[]).filter((c) => c.meetingDate?.startsWith(year));
  async function minutes(headers: AuthHeaders, id: string) {
    const res = await app.inject({ method: 'GET', url: `/api/councils/${id}/minutes.docx`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const filename = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'] as string)![1]);
    return { text: xml.replace(/<[^>]+>/g, ''), filename };
  }

  it("heads the minutes of the 2023 Long An councils with Long An's People's Committee and DOST, dated at Long An", async () => {
    const councils = await councilsIn(canbo, '2023');
    expect(councils.length).toBeGreaterThanOrEqual(3);
    for (const c of councils) {
      const { text } = await minutes(canbo, c.id);
      expect(text).toContain('UBND TỈNH LONG AN');
      expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
      expect(text).toMatch(/Long An, ngày \d{2} tháng \d{1,2} năm 2023/);
      expect(text).toContain('/BB-SKHCN');
      expect(text).not.toContain('TỈNH TÂY NINH');
      expect(text).not.toContain('Tây Ninh, ngày');
    }
  });

  it("heads those of a 2026 council with the new Tây Ninh's, dated at Tây Ninh", async () => {
    const [c] = await councilsIn(canbo, '2026');
    const { text } = await minutes(canbo, c.id);
    expect(text).toContain('UBND TỈNH TÂY NINH');
    expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text).toMatch(/Tây Ninh, ngày \d{2} tháng \d{1,2} năm 2026/);
    expect(text).not.toContain('LONG AN');
  });

  it("keeps An Giang's former DOST for 2023, and Lạng Sơn's own before and after it took in the Sở TT&TT", async () => {
    const ag = await login(app, 'canbo.angiang', DEMO_PASSWORD);
    const [agCouncil] = await councilsIn(ag, '2023');
    expect((await minutes(ag, agCouncil.id)).text).toMatch(/UBND TỈNH AN GIANG.*An Giang, ngày \d{2} tháng \d{1,2} năm 2023/s);
    const ls = await login(app, 'canbo.langson', DEMO_PASSWORD);
    for (const year of ['2023', '2026']) {
      const [c] = await councilsIn(ls, year);
      expect((await minutes(ls, c.id)).text).toMatch(new RegExp(`UBND TỈNH LẠNG SƠN.*Lạng Sơn, ngày \\d{2} tháng \\d{1,2} năm ${year}`, 's'));
    }
    const admin = await login(app, 'admin', DEMO_PASSWORD);
    const issuers = ((await get(admin, '/api/agencies?limit=200')).items as { name: string; issuesDocuments: boolean; validTo: string | null; parentName: string | null }[])
      .filter((a) => a.issuesDocuments);
    expect(issuers.map((a) => [a.name, a.parentName, a.validTo])).toEqual(expect.arrayContaining([
      ['Sở Khoa học và Công nghệ tỉnh Long An', 'UBND tỉnh Long An', '2025-06-30'],
      ['Sở Khoa học và Công nghệ tỉnh Tây Ninh', 'UBND tỉnh Tây Ninh', null],
    ]));
    expect(issuers).toHaveLength(2);
  });

  it('names each 2023 minutes file after its council, cut only between words', async () => {
    for (const c of await councilsIn(canbo, '2023')) {
      const { filename } = await minutes(canbo, c.id);
      expect(Buffer.byteLength(filename)).toBeLessThanOrEqual(200);
      const full = `Biên bản ${c.name.replace(/\s*:\s*/g, ' - ')}`;
      const stem = filename.replace(/\.docx$/, '');
      expect(full.startsWith(stem), filename).toBe(true);
      expect([undefined, ' ', ','], filename).toContain(full[stem.length]);
    }
  });
});

describe('demo plans (src/server/seed/plans.ts)', () => {
  // The demo plans load on the demo seed: the plans of 9737/QĐ-UBND and 54-CTr/TU in Tây Ninh with items of the demo
  // unit officer `donvi` (who sees them), and An Giang's coordination programme whose district items pass to the
  // communes that succeeded them.
  it('shows donvi its own items of the Tây Ninh plans, and only those', async () => {
    const donvi = await login(app, 'donvi', DEMO_PASSWORD);
    const mine = (await app.inject({ method: 'GET', url: '/api/plan-items/mine', headers: donvi })).json().items as { planTitle: string; owners: { name: string }[] }[];
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.every((i) => i.owners.some((o) => o.name.startsWith('Sở Nông nghiệp và Môi trường')))).toBe(true);
    expect(new Set(mine.map((i) => i.planTitle)).size).toBe(2);
  });

  it('links the plan to its decision and passes An Giang\'s district items to their successor communes', async () => {
    const canbo = await login(app, 'canbo', DEMO_PASSWORD);
    const plans = (await app.inject({ method: 'GET', url: '/api/plans', headers: canbo })).json().items as { document: { number: string } | null }[];
    expect(plans.map((p) => p.document?.number)).toEqual(expect.arrayContaining(['9737/QĐ-UBND', '54-CTr/TU']));
    const ag = await login(app, 'canbo.angiang', DEMO_PASSWORD);
    const [plan] = (await app.inject({ method: 'GET', url: '/api/plans', headers: ag })).json().items as { id: string; groups: unknown }[];
    const detail = (await app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: ag })).json();
    expect(detail.groups).toHaveLength(5);
    const triTon = detail.items.find((i: { code: string }) => i.code === '1.1');
    expect(triTon.was.name).toContain('Tri Tôn');
    expect(triTon.owners.length).toBeGreaterThan(0);
    expect(triTon.owners.every((o: { validTo: string | null }) => o.validTo === null)).toBe(true);
  });
});
