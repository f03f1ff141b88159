/**
 * Keeping a plan through the API on a real database (the routes the browser's plan editor uses): plans, groups
 * (rename, reorder, delete an empty one), items with the indicators they serve (one transaction with the indicators
 * module), deleting an item, and the handover of an item whose unit ended. Bad input is a 400 naming the field, a
 * unit officer gets 403 (404 for what is not in the province), a stale version 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
let officer: AuthHeaders;
let unit: AuthHeaders;
let agencyId: string;
let n = 0;
const MISSING = '00000000-0000-4000-8000-000000000001';

type Res = Awaited<ReturnType<TestEnv['app']['inject']>>;
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: AuthHeaders, payload?: unknown): Promise<Res> =>
  env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
async function ok(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = officer) {
  const res = await call(method, url, headers, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
}
const paths = (res: Res) => (res.json().details as { path: string }[]).map((d) => d.path);

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  const admin = await env.as('admin');
  const a = await call('POST', '/api/agencies', admin, { kind: 'department', name: 'Sở Nông nghiệp thử nghiệm', validFrom: '2020-01-01' });
  expect(a.statusCode, a.body).toBe(201);
  agencyId = a.json().id;
  const u = await buildUser(env.h, { tenantId: env.tenantId, role: 'unit_officer' });
  await env.h.query('UPDATE users SET agency_id = $1 WHERE id = $2', [agencyId, u.id]);
  unit = await login(env.app, u.username);
});
afterAll(() => env.close());

const planBody = (o: Record<string, unknown> = {}) => ({
  title: `Kế hoạch ứng dụng KH&CN ${n++}`, periodFrom: '2024-01-01', periodTo: '2026-12-31', schedule: { kind: 'quarterly' }, ...o,
});
async function planWithGroup() {
  const plan = await ok('POST', '/api/plans', planBody());
  const group = await ok('POST', `/api/plans/${plan.id}/groups`, { title: 'Nhóm I', code: 'I' });
  return { plan, group };
}
const itemBody = (groupId: string, o: Record<string, unknown> = {}) => ({
  groupId, code: `1.${n++}`, title: 'Xây dựng mô hình tưới tiết kiệm nước', responsible: { agencyId }, deadline: '2026-06-30', ...o,
});

describe('plans in the editor', () => {
  it('creates a plan on dates and edits it; a stale version gets 409 and nothing changes', async () => {
    const plan = await ok('POST', '/api/plans', planBody({ schedule: { kind: 'dates', dates: ['2024-06-15', '2024-12-15'] }, note: 'Ghi chú' }));
    expect(plan.schedule).toEqual({ kind: 'dates', dates: ['2024-06-15', '2024-12-15'] });
    const detail = await ok('GET', `/api/plans/${plan.id}`);
    expect(detail.mayEdit).toBe(true);
    expect(detail.periods.map((p: { key: string }) => p.key)).toEqual(['2024-06-15', '2024-12-15']);
    const edited = await ok('PUT', `/api/plans/${plan.id}`, { ...planBody({ title: 'Kế hoạch đã sửa' }), version: plan.version });
    expect(edited).toMatchObject({ title: 'Kế hoạch đã sửa', version: plan.version + 1, schedule: { kind: 'quarterly' } });
    const stale = await call('PUT', `/api/plans/${plan.id}`, officer, { ...planBody({ title: 'Ghi đè' }), version: plan.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('common.version_conflict');
    expect((await ok('GET', `/api/plans/${plan.id}`)).title).toBe('Kế hoạch đã sửa');
  });

  it('answers bad plan input with 400 naming the fields, never 500', async () => {
    const wrong = await call('POST', '/api/plans', officer, { title: '', periodFrom: '2026-13-01', periodTo: 5, schedule: { kind: 'weekly' }, legalDocumentId: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(paths(wrong)).toEqual(expect.arrayContaining(['body.title', 'body.periodFrom', 'body.periodTo', 'body.legalDocumentId']));
    const order = await call('POST', '/api/plans', officer, planBody({ periodFrom: '2026-01-01', periodTo: '2025-01-01' }));
    expect(order.statusCode).toBe(400);
    expect(paths(order)).toContain('body.periodTo');
    const dates = await call('POST', '/api/plans', officer, planBody({ schedule: { kind: 'dates', dates: ['2024-12-15', '2024-06-15'] } }));
    expect(dates.statusCode).toBe(400);
    expect(paths(dates)).toContain('body.schedule.dates');
    const unknownDoc = await call('POST', '/api/plans', officer, planBody({ legalDocumentId: MISSING }));
    expect(unknownDoc.statusCode).toBe(400);
    expect(paths(unknownDoc)).toEqual(['body.legalDocumentId']);
    for (const body of [[], { title: { a: 1 } }, { ...planBody(), schedule: null }, { ...planBody(), note: 12 }]) expect((await call('POST', '/api/plans', officer, body)).statusCode).toBe(400);
  });

  it('refuses a unit officer every write with 403, and an unknown plan with 404', async () => {
    const { plan, group } = await planWithGroup();
    const item = await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id));
    expect((await call('POST', '/api/plans', unit, planBody())).statusCode).toBe(403);
    expect((await call('PUT', `/api/plans/${plan.id}`, unit, { ...planBody(), version: plan.version })).statusCode).toBe(403);
    expect((await call('POST', `/api/plans/${plan.id}/groups`, unit, { title: 'Nhóm' })).statusCode).toBe(403);
    expect((await call('PUT', `/api/plan-groups/${group.id}`, unit, { title: 'Nhóm', version: group.version })).statusCode).toBe(403);
    expect((await call('POST', `/api/plan-groups/${group.id}/move`, unit, { direction: 'down', version: group.version })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/plan-groups/${group.id}?version=${group.version}`, unit)).statusCode).toBe(403);
    expect((await call('POST', `/api/plans/${plan.id}/items`, unit, itemBody(group.id))).statusCode).toBe(403);
    expect((await call('PUT', `/api/plan-items/${item.id}`, unit, { ...itemBody(group.id), version: item.version })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/plan-items/${item.id}?version=${item.version}`, unit)).statusCode).toBe(403);
    expect((await call('PUT', `/api/plan-items/${item.id}/handover`, unit, { unit: null, version: item.version })).statusCode).toBe(403);
    // The unit officer still reads and reports on its own item, and is told it may not edit it.
    const own = await ok('GET', `/api/plan-items/${item.id}`, undefined, unit);
    expect(own).toMatchObject({ mayEdit: false, mayReport: true });
    expect((await ok('GET', `/api/plans/${plan.id}`, undefined, unit)).mayEdit).toBe(false);
    expect((await call('PUT', `/api/plans/${MISSING}`, officer, { ...planBody(), version: 1 })).statusCode).toBe(404);
    expect((await call('POST', `/api/plans/${MISSING}/groups`, officer, { title: 'Nhóm' })).statusCode).toBe(404);
    expect((await call('POST', `/api/plans/${MISSING}/items`, officer, itemBody(group.id))).statusCode).toBe(404);
    expect((await call('PUT', `/api/plan-items/${MISSING}`, officer, { ...itemBody(group.id), version: 1 })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/plan-items/${MISSING}?version=1`, officer)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/plan-groups/${MISSING}?version=1`, officer)).statusCode).toBe(404);
    expect((await call('POST', `/api/plan-groups/${MISSING}/move`, officer, { direction: 'up', version: 1 })).statusCode).toBe(404);
  });
});

describe('groups', () => {
  it('renames a group, with 409 on a stale version', async () => {
    const { group } = await planWithGroup();
    const renamed = await ok('PUT', `/api/plan-groups/${group.id}`, { title: 'Phát triển tiềm lực KH&CN', code: 'II', version: group.version });
    expect(renamed).toMatchObject({ title: 'Phát triển tiềm lực KH&CN', code: 'II', position: group.position });
    expect((await call('PUT', `/api/plan-groups/${group.id}`, officer, { title: 'Cũ', version: group.version })).statusCode).toBe(409);
    expect(paths(await call('PUT', `/api/plan-groups/${group.id}`, officer, { title: '', version: renamed.version }))).toEqual(['body.title']);
  });

  it('moves a group up and down, numbering the groups again, with 409 on a stale version and 400 at the edge', async () => {
    const { plan, group: a } = await planWithGroup();
    const b = await ok('POST', `/api/plans/${plan.id}/groups`, { title: 'Nhóm II' });
    const c = await ok('POST', `/api/plans/${plan.id}/groups`, { title: 'Nhóm III' });
    const moved = await ok('POST', `/api/plan-groups/${c.id}/move`, { direction: 'up', version: c.version });
    expect(moved.items.map((g: { id: string }) => g.id)).toEqual([a.id, c.id, b.id]);
    expect(moved.items.map((g: { position: number }) => g.position)).toEqual([0, 1, 2]);
    expect((await ok('GET', `/api/plans/${plan.id}`)).groups.map((g: { id: string }) => g.id)).toEqual([a.id, c.id, b.id]);
    const stale = await call('POST', `/api/plan-groups/${c.id}/move`, officer, { direction: 'up', version: c.version });
    expect(stale.statusCode).toBe(409);
    const first = await call('POST', `/api/plan-groups/${a.id}/move`, officer, { direction: 'up', version: a.version });
    expect(first.statusCode).toBe(400);
    expect(paths(first)).toEqual(['body.direction']);
    const bad = await call('POST', `/api/plan-groups/${a.id}/move`, officer, { direction: 'left', version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['body.direction', 'body.version']));
    const [{ count }] = await env.h.query<{ count: number }>("SELECT count(*)::int AS count FROM audit_log WHERE entity = 'plan_group' AND action = 'update' AND entity_id IN ($1, $2)", [b.id, c.id]);
    expect(count).toBe(2);
  });

  it('deletes an empty group only, with 409 on a stale version', async () => {
    const { plan, group } = await planWithGroup();
    await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id));
    const full = await call('DELETE', `/api/plan-groups/${group.id}?version=${group.version}`, officer);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'plans.group_not_empty', details: { items: 1 } });
    const empty = await ok('POST', `/api/plans/${plan.id}/groups`, { title: 'Nhóm trống' });
    expect((await call('DELETE', `/api/plan-groups/${empty.id}?version=${empty.version + 1}`, officer)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/plan-groups/${empty.id}?version=abc`, officer)).statusCode).toBe(400);
    await ok('DELETE', `/api/plan-groups/${empty.id}?version=${empty.version}`);
    expect((await ok('GET', `/api/plans/${plan.id}`)).groups.map((g: { id: string }) => g.id)).toEqual([group.id]);
  });
});

describe('items', () => {
  it('writes an item with its co-operating units and the indicators it serves in one request', async () => {
    const { plan, group } = await planWithGroup();
    const ind = await ok('POST', '/api/indicators', { code: `KH${n++}`, name: { vi: 'Số mô hình được nhân rộng', en: 'Models replicated' }, unit: 'mô hình', direction: 'increase' });
    const [commune] = await env.h.query<{ id: string }>("SELECT id FROM admin_units WHERE level = 'commune' AND valid_to IS NULL LIMIT 1");
    const created = await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id, {
      partners: [{ adminUnitId: commune.id }], indicatorIds: [ind.id], expectedOutput: '05 mô hình', note: 'Ưu tiên vùng khô hạn', startsOn: '2025-08-01',
    }));
    expect(created).toMatchObject({ expectedOutput: '05 mô hình', note: 'Ưu tiên vùng khô hạn', startsOn: '2025-08-01', partners: [{ adminUnitId: commune.id }] });
    expect((await ok('GET', `/api/plan-items/${created.id}/indicators`)).items.map((i: { id: string }) => i.id)).toEqual([ind.id]);

    const edited = await ok('PUT', `/api/plan-items/${created.id}`, { ...itemBody(group.id, { title: 'Nhân rộng mô hình tưới', partners: [] }), version: created.version });
    expect(edited).toMatchObject({ title: 'Nhân rộng mô hình tưới', partners: [] });
    // indicatorIds not sent: the links stay.
    expect((await ok('GET', `/api/plan-items/${created.id}/indicators`)).items).toHaveLength(1);
    const cleared = await ok('PUT', `/api/plan-items/${created.id}`, { ...itemBody(group.id, { indicatorIds: [] }), version: edited.version });
    expect((await ok('GET', `/api/plan-items/${created.id}/indicators`)).items).toEqual([]);
    const stale = await call('PUT', `/api/plan-items/${created.id}`, officer, { ...itemBody(group.id), version: edited.version });
    expect(stale.statusCode).toBe(409);
    expect((await ok('GET', `/api/plan-items/${created.id}`)).version).toBe(cleared.version);
  });

  it('writes nothing when an indicator or a unit is unknown, and names the field', async () => {
    const { plan, group } = await planWithGroup();
    const before = (await ok('GET', `/api/plans/${plan.id}`)).items.length;
    const unknownIndicator = await call('POST', `/api/plans/${plan.id}/items`, officer, itemBody(group.id, { indicatorIds: [MISSING] }));
    expect(unknownIndicator.statusCode).toBe(400);
    expect(paths(unknownIndicator)).toEqual(['body.indicatorIds.0']);
    const unknownUnit = await call('POST', `/api/plans/${plan.id}/items`, officer, itemBody(group.id, { responsible: { agencyId: MISSING } }));
    expect(unknownUnit.statusCode).toBe(400);
    expect(paths(unknownUnit)[0]).toMatch(/^body\.responsible/);
    const both = await call('POST', `/api/plans/${plan.id}/items`, officer, itemBody(group.id, { responsible: { agencyId, adminUnitId: MISSING } }));
    expect(both.statusCode).toBe(400);
    const other = await planWithGroup();
    const wrongGroup = await call('POST', `/api/plans/${plan.id}/items`, officer, itemBody(other.group.id));
    expect(wrongGroup.statusCode).toBe(400);
    expect(paths(wrongGroup)).toEqual(['body.groupId']);
    const dates = await call('POST', `/api/plans/${plan.id}/items`, officer, itemBody(group.id, { startsOn: '2026-01-01', deadline: '2025-01-01' }));
    expect(paths(dates)).toContain('body.deadline');
    const garbage = await call('POST', `/api/plans/${plan.id}/items`, officer, { groupId: 7, title: ['x'], responsible: 'Sở', partners: {}, indicatorIds: 'x' });
    expect(garbage.statusCode).toBe(400);
    expect((await ok('GET', `/api/plans/${plan.id}`)).items.length).toBe(before);
  });

  it('deletes an item nobody reported on; one with progress keeps its history (409); a stale version gets 409', async () => {
    const { plan, group } = await planWithGroup();
    const spare = await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id));
    const reported = await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id));
    await ok('POST', `/api/plan-items/${reported.id}/progress`, { periodKey: '2024-Q2', status: 'in_progress', percent: 30 }, unit);
    const refused = await call('DELETE', `/api/plan-items/${reported.id}?version=${reported.version}`, officer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'plans.item_has_reports', details: { reports: 1, files: 0 } });
    expect((await call('DELETE', `/api/plan-items/${spare.id}?version=${spare.version + 1}`, officer)).statusCode).toBe(409);
    await ok('DELETE', `/api/plan-items/${spare.id}?version=${spare.version}`);
    expect((await call('GET', `/api/plan-items/${spare.id}`, officer)).statusCode).toBe(404);
    const [{ count }] = await env.h.query<{ count: number }>("SELECT count(*)::int AS count FROM audit_log WHERE entity = 'plan_item' AND action = 'delete' AND entity_id = $1", [spare.id]);
    expect(count).toBe(1);
  });
});

describe('handover of an item whose unit ended', () => {
  it("lists the ended district's successors, hands the item to one, and the successor's officer finds it in its items", async () => {
    const [district] = await env.h.query<{ id: string }>(`
      SELECT d.id FROM admin_units d WHERE d.level = 'district' AND d.valid_to = '2025-06-30'
        AND EXISTS (SELECT 1 FROM admin_units c JOIN admin_unit_successions s ON s.predecessor_id = c.id WHERE c.parent_id = d.id)
        AND NOT EXISTS (SELECT 1 FROM admin_unit_successions s WHERE s.predecessor_id = d.id) LIMIT 1`);
    const { plan, group } = await planWithGroup();
    const item = await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id, { responsible: { adminUnitId: district.id }, startsOn: '2024-03-01' }));
    const detail = await ok('GET', `/api/plan-items/${item.id}`);
    expect(detail.was).toMatchObject({ adminUnitId: district.id });
    expect(detail.successors.length).toBeGreaterThan(1);
    expect(detail.successors.every((s: { validTo: string | null }) => s.validTo === null)).toBe(true);
    const chosen = detail.successors[1].adminUnitId as string;

    const stale = await call('PUT', `/api/plan-items/${item.id}/handover`, officer, { unit: { adminUnitId: chosen }, version: item.version + 1 });
    expect(stale.statusCode).toBe(409);
    const ended = await call('PUT', `/api/plan-items/${item.id}/handover`, officer, { unit: { adminUnitId: district.id }, version: item.version });
    expect(ended.statusCode).toBe(400);
    expect(paths(ended)).toEqual(['body.unit.adminUnitId']);
    const handed = await ok('PUT', `/api/plan-items/${item.id}/handover`, { unit: { adminUnitId: chosen }, version: item.version });
    expect(handed.owners.map((o: { adminUnitId: string }) => o.adminUnitId)).toEqual([chosen]);
    // After the handover the picker still offers every successor.
    expect((await ok('GET', `/api/plan-items/${item.id}`)).successors.map((s: { adminUnitId: string }) => s.adminUnitId)).toEqual(detail.successors.map((s: { adminUnitId: string }) => s.adminUnitId));

    const successor = await buildUser(env.h, { tenantId: env.tenantId, role: 'unit_officer' });
    await env.h.query('UPDATE users SET admin_unit_id = $1 WHERE id = $2', [chosen, successor.id]);
    const mine = await ok('GET', '/api/plan-items/mine', undefined, await login(env.app, successor.username));
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const passedOver = await buildUser(env.h, { tenantId: env.tenantId, role: 'unit_officer' });
    await env.h.query('UPDATE users SET admin_unit_id = $1 WHERE id = $2', [detail.successors[0].adminUnitId, passedOver.id]);
    expect((await ok('GET', '/api/plan-items/mine', undefined, await login(env.app, passedOver.username))).items.map((i: { id: string }) => i.id)).not.toContain(item.id);
  });

  it('has no successors for an item whose unit is in force', async () => {
    const { plan, group } = await planWithGroup();
    const item = await ok('POST', `/api/plans/${plan.id}/items`, itemBody(group.id));
    expect((await ok('GET', `/api/plan-items/${item.id}`)).successors).toEqual([]);
  });
});
