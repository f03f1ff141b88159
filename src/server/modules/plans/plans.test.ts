/**
 * Plans through the API on a real database: a unit officer reports on its own items only, urging lands in the unit's
 * inbox, an item of a unit that ended passes to its successor, the daily reminder is sent once per period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import type { Role } from '../../../shared/roles.ts';
import { noticesAbout } from '../inbox/inbox.service.ts';
import { remindFlaggedItems } from './plans.reminders.ts';

let env: TestEnv;
let officer: AuthHeaders;
let n = 0;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
});
afterAll(() => env.close());

async function account(role: Role, o: { agencyId?: string; adminUnitId?: string } = {}) {
  const u = await buildUser(env.h, { tenantId: env.tenantId, role });
  await env.h.query('UPDATE users SET agency_id = $1, admin_unit_id = $2 WHERE id = $3', [o.agencyId ?? null, o.adminUnitId ?? null, u.id]);
  return { ...(await login(env.app, u.username)), userId: u.id };
}

async function agency(name = `Sở thử nghiệm ${n++}`) {
  const admin = await env.as('admin');
  const res = await env.app.inject({ method: 'POST', url: '/api/agencies', headers: admin, payload: { kind: 'department', name, validFrom: '2020-01-01' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const post = (url: string, headers: AuthHeaders, payload: unknown) => env.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers: AuthHeaders) => env.app.inject({ method: 'GET', url, headers });

async function plan(o: { periodFrom?: string; periodTo?: string } = {}) {
  const res = await post('/api/plans', officer, {
    title: `Kế hoạch phát triển KH&CN thử nghiệm ${n++}`, periodFrom: o.periodFrom ?? '2025-07-01', periodTo: o.periodTo ?? '2026-12-31',
    schedule: { kind: 'quarterly' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const planId = res.json().id as string;
  const g = await post(`/api/plans/${planId}/groups`, officer, { title: 'Nhóm nhiệm vụ 1', code: 'I' });
  expect(g.statusCode, g.body).toBe(201);
  return { planId, groupId: g.json().id as string };
}

async function item(p: { planId: string; groupId: string }, responsible: { agencyId?: string; adminUnitId?: string }, o: { deadline?: string; startsOn?: string } = {}) {
  const res = await post(`/api/plans/${p.planId}/items`, officer, {
    groupId: p.groupId, code: `1.${n++}`, title: `Nhiệm vụ thử nghiệm ${n}`, responsible, deadline: o.deadline ?? '2026-12-31', startsOn: o.startsOn ?? null,
    expectedOutput: 'Báo cáo kết quả',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; was: unknown; owners: { name: string; adminUnitId: string | null }[] };
}

describe('plans and their items', () => {
  it('lets a unit officer see and report on its own items only', async () => {
    const [x, y] = [await agency(), await agency()];
    const p = await plan();
    const [mine, theirs] = [await item(p, { agencyId: x }), await item(p, { agencyId: y })];
    const unit = await account('unit_officer', { agencyId: x });

    const detail = await get(`/api/plans/${p.planId}`, unit);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect((await get(`/api/plan-items/${theirs.id}`, unit)).statusCode).toBe(403);

    const ok = await post(`/api/plan-items/${mine.id}/progress`, unit, { periodKey: '2026-Q3', status: 'in_progress', percent: 40, narrative: 'Đã khảo sát 5 huyện' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().state).toMatchObject({ status: 'in_progress', percent: 40, lastPeriod: '2026-Q3' });
    expect(ok.json().progress[0]).toMatchObject({ narrative: 'Đã khảo sát 5 huyện', source: 'web' });

    const refused = await post(`/api/plan-items/${theirs.id}/progress`, unit, { periodKey: '2026-Q3', status: 'done', percent: 100 });
    expect(refused.statusCode).toBe(403);
    const mineList = await get('/api/plan-items/mine', unit);
    expect(mineList.json().items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const [{ count }] = await env.h.query<{ count: number }>('SELECT count(*)::int AS count FROM plan_progress WHERE item_id = $1', [theirs.id]);
    expect(count).toBe(0);
  });

  it('refuses a period the plan does not have, a done item under 100 % and a stale version', async () => {
    const x = await agency();
    const p = await plan();
    const it1 = await item(p, { agencyId: x });
    const bad = await post(`/api/plan-items/${it1.id}/progress`, officer, { periodKey: '2030-Q1', status: 'in_progress', percent: 10 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'body.periodKey', code: 'unknown_period' });
    const notDone = await post(`/api/plan-items/${it1.id}/progress`, officer, { periodKey: '2026-Q3', status: 'done', percent: 90 });
    expect(notDone.statusCode).toBe(400);
    const garbage = await post(`/api/plan-items/${it1.id}/progress`, officer, { periodKey: '2026-Q5', status: 'maybe', percent: 'x' });
    expect(garbage.statusCode).toBe(400);
    const planRow = (await get(`/api/plans/${p.planId}`, officer)).json();
    const put = (version: number) => env.app.inject({
      method: 'PUT', url: `/api/plans/${p.planId}`, headers: officer,
      payload: { title: planRow.title, periodFrom: planRow.periodFrom, periodTo: planRow.periodTo, schedule: planRow.schedule, version },
    });
    expect((await put(planRow.version)).statusCode).toBe(200);
    expect((await put(planRow.version)).statusCode).toBe(409);
  });

  it('flags an item past its deadline and one whose last period report is missing', async () => {
    const x = await agency();
    const p = await plan();
    const late = await item(p, { agencyId: x }, { deadline: '2025-09-30' });
    const onTime = await item(p, { agencyId: x });
    const items = (await get(`/api/plans/${p.planId}`, officer)).json().items as { id: string; state: { overdue: string[] } }[];
    expect(items.find((i) => i.id === late.id)!.state.overdue).toContain('deadline_passed');
    // Today (the test's clock) is past the due day of at least one quarter of the plan: its report is missing.
    expect(items.find((i) => i.id === onTime.id)!.state.overdue).toEqual(['report_missing']);
    const flagged = await get(`/api/plans/${p.planId}?overdue=false`, officer);
    expect(flagged.json().items).toEqual([]);
  });

  it('puts an urge in the unit\'s inbox and on the item, and audits it', async () => {
    const x = await agency();
    const p = await plan();
    const it1 = await item(p, { agencyId: x });
    const unit = await account('unit_officer', { agencyId: x });
    const res = await post(`/api/plan-items/${it1.id}/urge`, officer, { message: 'Đề nghị báo cáo trước ngày 15' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().urges[0]).toMatchObject({ message: 'Đề nghị báo cáo trước ngày 15' });
    const inbox = (await get('/api/inbox', unit)).json().items as { kind: string; subjectId: string; body: string }[];
    expect(inbox.find((i) => i.kind === 'plan.urged' && i.subjectId === it1.id)?.body).toContain('Đề nghị báo cáo trước ngày 15');
    expect((await post(`/api/plan-items/${it1.id}/urge`, unit, {})).statusCode).toBe(403);
    const [{ count }] = await env.h.query<{ count: number }>("SELECT count(*)::int AS count FROM audit_log WHERE entity = 'plan_item' AND entity_id = $1 AND action = 'urge'", [it1.id]);
    expect(count).toBe(1);
  });

  it('reminds the responsible unit once per period', async () => {
    const x = await agency();
    const p = await plan();
    await item(p, { agencyId: x }, { deadline: '2025-09-30' });
    const sentFor = async () => (await noticesAbout(env.h.db, { tenantId: env.tenantId, subjectType: 'plan', subjectId: p.planId })).length;
    await remindFlaggedItems({ db: env.h.db, now: new Date('2026-01-15T03:00:00Z') });
    expect(await sentFor()).toBe(1);
    await remindFlaggedItems({ db: env.h.db, now: new Date('2026-01-20T03:00:00Z') });
    expect(await sentFor()).toBe(1);
    await remindFlaggedItems({ db: env.h.db, now: new Date('2026-04-15T03:00:00Z') });
    expect(await sentFor()).toBe(2);
    const unit = await account('unit_officer', { agencyId: x });
    const inbox = (await get('/api/inbox', unit)).json().items as { kind: string; subjectId: string }[];
    expect(inbox.filter((i) => i.kind === 'plan.items_flagged' && i.subjectId === p.planId)).toHaveLength(2);
  });

  it('passes an item of a commune that ended on 01/07/2025 to its successor, showing the unit it was', async () => {
    const [pair] = await env.h.query<{ old: string; next: string; other: string }>(`
      SELECT s.predecessor_id AS old, min(s.successor_id::text)::uuid AS next,
             (SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL AND id <> min(s.successor_id::text)::uuid LIMIT 1) AS other
      FROM admin_unit_successions s JOIN admin_units u ON u.id = s.predecessor_id
      WHERE u.level = 'commune' AND u.valid_to = '2025-06-30'
      GROUP BY s.predecessor_id HAVING count(*) = 1 LIMIT 1`);
    const p = await plan({ periodFrom: '2024-01-01' });
    const it1 = await item(p, { adminUnitId: pair.old }, { startsOn: '2024-03-01' });
    expect(it1.was).toMatchObject({ adminUnitId: pair.old });
    expect(it1.owners.map((o) => o.adminUnitId)).toEqual([pair.next]);

    const successor = await account('unit_officer', { adminUnitId: pair.next });
    expect((await get('/api/plan-items/mine', successor)).json().items.map((i: { id: string }) => i.id)).toContain(it1.id);
    expect((await post(`/api/plan-items/${it1.id}/progress`, successor, { periodKey: '2026-Q3', status: 'in_progress', percent: 20 })).statusCode).toBe(201);
    const stranger = await account('unit_officer', { adminUnitId: pair.other });
    expect((await post(`/api/plan-items/${it1.id}/progress`, stranger, { periodKey: '2026-Q3', status: 'in_progress', percent: 20 })).statusCode).toBe(403);
    // The urge goes to the successor's officers.
    await post(`/api/plan-items/${it1.id}/urge`, officer, {});
    const inbox = (await get('/api/inbox', successor)).json().items as { kind: string; subjectId: string }[];
    expect(inbox.some((i) => i.kind === 'plan.urged' && i.subjectId === it1.id)).toBe(true);
    // A new item may not name a unit that is no longer in force on its start.
    const refused = await post(`/api/plans/${p.planId}/items`, officer, {
      groupId: (await get(`/api/plans/${p.planId}`, officer)).json().groups[0].id, title: 'Sau sáp nhập', responsible: { adminUnitId: pair.old }, startsOn: '2025-08-01',
    });
    expect(refused.statusCode).toBe(400);
  });

  it('passes an item of a district to the communes that took over its communes, until the department names one', async () => {
    const [district] = await env.h.query<{ id: string }>(`
      SELECT d.id FROM admin_units d WHERE d.level = 'district' AND d.valid_to = '2025-06-30'
        AND EXISTS (SELECT 1 FROM admin_units c JOIN admin_unit_successions s ON s.predecessor_id = c.id WHERE c.parent_id = d.id)
        AND NOT EXISTS (SELECT 1 FROM admin_unit_successions s WHERE s.predecessor_id = d.id) LIMIT 1`);
    const p = await plan({ periodFrom: '2024-01-01' });
    const it1 = await item(p, { adminUnitId: district.id }, { startsOn: '2024-03-01' });
    expect(it1.owners.length).toBeGreaterThan(0);
    expect(it1.owners.every((o) => o.adminUnitId !== district.id)).toBe(true);
    const chosen = it1.owners[0].adminUnitId!;
    const res = await env.app.inject({ method: 'PUT', url: `/api/plan-items/${it1.id}/handover`, headers: officer, payload: { unit: { adminUnitId: chosen }, version: it1.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().owners.map((o: { adminUnitId: string }) => o.adminUnitId)).toEqual([chosen]);
    expect(res.json().was).toMatchObject({ adminUnitId: district.id });
  });

  it('hangs the plan and its items under the decision in the policy chain', async () => {
    const doc = await post('/api/legal-documents', officer, {
      number: `${9000 + n++}/QĐ-UBND`, docType: 'decision', title: 'Ban hành Kế hoạch phát triển KH&CN', national: false, issuedOn: '2023-10-19',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const x = await agency();
    const res = await post('/api/plans', officer, { title: 'Kế hoạch có quyết định', legalDocumentId: doc.json().id, periodFrom: '2025-07-01', periodTo: '2026-12-31', schedule: { kind: 'yearly' } });
    expect(res.statusCode, res.body).toBe(201);
    const g = (await post(`/api/plans/${res.json().id}/groups`, officer, { title: 'Nhóm 1' })).json();
    const it1 = await item({ planId: res.json().id, groupId: g.id }, { agencyId: x });
    const chain = (await get(`/api/legal-documents/${doc.json().id}/chain`, officer)).json();
    expect(chain.servedBy.map((s: { type: string; id: string }) => `${s.type}:${s.id}`)).toEqual(expect.arrayContaining([`plan:${res.json().id}`, `plan_item:${it1.id}`]));
  });
});
