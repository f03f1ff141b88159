/**
 * Startup incubation through the API on a real database: the service kinds as rule data, the startup calls and their
 * selected projects, services logged only for selected startups of a startup programme (kind from the list in force,
 * hours or cost), versions, the outcome record, roles; the report section and the indicator source it registers.
 *
 * The programme, call and applications are written as rows: the programmes module (issue #13, P1) owns their API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import { buildOrganization } from '../../testing/factories.ts';
import { systemActor } from '../../context.ts';
import { incubationSection } from './incubation.service.ts';
import { indicatorSource } from '../indicators/indicators.sources.ts';

let env: TestEnv;
let officer: AuthHeaders;
let callId: string;
const apps: Record<'selected' | 'other' | 'productivity', string> = { selected: '', other: '', productivity: '' };

const call = (headers: AuthHeaders | undefined, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function programme(kind: string, code: string): Promise<string> {
  const [p] = await env.h.query<{ id: string }>(
    `INSERT INTO programmes (tenant_id, code, kind, name, search_text, sort_key) VALUES ($1, $2, $3, $4, $4, $4) RETURNING id`,
    [env.tenantId, code, kind, `Chương trình ${code}`]);
  const [c] = await env.h.query<{ id: string }>(
    `INSERT INTO programme_calls (tenant_id, programme_id, code, title, year, opens_on, closes_on, form_schema, select_top, status, search_text)
     VALUES ($1, $2, $3, $4, 2023, '2023-04-26', '2023-06-30', '{"type":"object"}', 10, 'closed', $4) RETURNING id`,
    [env.tenantId, p.id, `${code}-2023`, `Tuyển chọn ${code} năm 2023`]);
  return c.id;
}

async function application(cid: string, title: string, stage: string, n: number): Promise<string> {
  const org = (await call(officer, 'POST', '/api/organizations', buildOrganization({ name: `Công ty TNHH ${title}` }))).json().id;
  const [a] = await env.h.query<{ id: string }>(
    `INSERT INTO programme_applications (tenant_id, call_id, organization_id, code, title, stage, submitted_at, search_text)
     VALUES ($1, $2, $3, $4, $5, $6, '2023-05-10T09:00:00+07:00', $5) RETURNING id`,
    [env.tenantId, cid, org, `KN-2023-${String(n).padStart(3, '0')}`, title, stage]);
  return a.id;
}

const service = (o: Record<string, unknown> = {}) => ({
  kind: 'mentoring', providedOn: '2023-07-15', provider: 'Không gian Khởi nghiệp đổi mới sáng tạo tỉnh Long An', hours: 8, ...o,
});

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  callId = await programme('startup', 'KNDMST');
  apps.selected = await application(callId, 'Trà mãng cầu sấy lạnh', 'supported', 1);
  apps.other = await application(callId, 'Ứng dụng đặt rau sạch', 'not_supported', 2);
  apps.productivity = await application(await programme('productivity_quality', 'NSCL'), 'Áp dụng ISO 22000', 'supported', 3);
});
afterAll(() => env.close());

describe('the incubation service kinds', () => {
  it('are rule data in force with a legal basis marked illustrative', async () => {
    const res = await call(officer, 'GET', '/api/incubation/kinds?on=2023-07-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((k: { key: string }) => k.key)).toEqual(['coworking', 'training', 'mentoring', 'packaging_labels', 'media', 'other']);
    expect(res.json().legalBasis).toMatch(/^Minh họa \(illustrative\).*522\/KH-SKHCN/);
  });
});

describe('startup calls and their projects', () => {
  it('lists the startup programmes\' calls only, with applications and selected projects counted', async () => {
    const items = (await call(officer, 'GET', '/api/incubation/calls')).json().items;
    expect(items).toEqual([expect.objectContaining({ id: callId, code: 'KNDMST-2023', applications: 2, selected: 1, selectTop: 10 })]);
  });

  it('lists a call\'s projects, the selected first', async () => {
    const list = (await call(officer, 'GET', `/api/incubation/calls/${callId}/startups`)).json();
    expect(list.items.map((s: { title: string; selected: boolean }) => [s.title, s.selected])).toEqual([['Trà mãng cầu sấy lạnh', true], ['Ứng dụng đặt rau sạch', false]]);
    expect((await call(officer, 'GET', `/api/incubation/calls/${crypto.randomUUID()}/startups`)).statusCode).toBe(404);
  });
});

describe('logging services for a startup', () => {
  it('logs a service for a selected startup and totals them by kind', async () => {
    const a = await call(officer, 'POST', `/api/incubation/startups/${apps.selected}/services`, service());
    expect(a.statusCode, a.body).toBe(201);
    const b = await call(officer, 'POST', `/api/incubation/startups/${apps.selected}/services`, service({ kind: 'packaging_labels', hours: null, amount: 12_000_000, provider: 'Công ty in bao bì Tân An' }));
    expect(b.statusCode, b.body).toBe(201);
    const s = b.json();
    expect(s).toMatchObject({ selected: true, totals: { hours: 8, amount: 12_000_000 } });
    expect(s.services.map((x: { kindLabel: { vi: string } }) => x.kindLabel.vi)).toEqual(['Tư vấn, cố vấn (mentoring)', 'Hoàn thiện bao bì, nhãn hàng sản phẩm']);
    expect(s.totals.byKind).toHaveLength(2);
  });

  it('refuses a project not selected, or not of a startup programme (409 naming it)', async () => {
    const notSelected = await call(officer, 'POST', `/api/incubation/startups/${apps.other}/services`, service());
    expect(notSelected.statusCode).toBe(409);
    expect(notSelected.json()).toMatchObject({ code: 'incubation.not_selected' });
    expect(notSelected.json().message).toContain('Ứng dụng đặt rau sạch');
    const productivity = await call(officer, 'POST', `/api/incubation/startups/${apps.productivity}/services`, service());
    expect(productivity.statusCode).toBe(409);
    expect(productivity.json().code).toBe('incubation.not_startup');
    expect((await call(officer, 'POST', `/api/incubation/startups/${crypto.randomUUID()}/services`, service())).statusCode).toBe(404);
  });

  it('refuses a kind not in the list in force, and a service with neither hours nor cost', async () => {
    const kind = await call(officer, 'POST', `/api/incubation/startups/${apps.selected}/services`, service({ kind: 'karaoke' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().details[0]).toMatchObject({ path: 'body.kind' });
    expect(kind.json().details[0].message).toContain('karaoke');
    const none = await call(officer, 'POST', `/api/incubation/startups/${apps.selected}/services`, service({ hours: null }));
    expect(none.statusCode).toBe(400);
    expect(none.json().details.map((d: { path: string }) => d.path)).toContain('body.hours');
  });

  it('changes a service at the version read, refuses a stale one, deletes it', async () => {
    const created = (await call(officer, 'POST', `/api/incubation/startups/${apps.selected}/services`, service({ kind: 'training', hours: 16 }))).json();
    const s = created.services.find((x: { kind: string }) => x.kind === 'training');
    const upd = await call(officer, 'PUT', `/api/incubation/services/${s.id}`, service({ kind: 'training', hours: 24, version: 1 }));
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().services.find((x: { id: string }) => x.id === s.id)).toMatchObject({ hours: 24, version: 2 });
    expect((await call(officer, 'PUT', `/api/incubation/services/${s.id}`, service({ kind: 'training', hours: 30, version: 1 }))).statusCode).toBe(409);
    const del = await call(officer, 'DELETE', `/api/incubation/services/${s.id}?version=2`);
    expect(del.statusCode).toBe(200);
    expect(del.json().services.some((x: { id: string }) => x.id === s.id)).toBe(false);
  });

  it('is read by leaders, written by the department only, and not read by an enterprise', async () => {
    const leader = await env.as('leader');
    expect((await call(leader, 'GET', `/api/incubation/startups/${apps.selected}`)).statusCode).toBe(200);
    expect((await call(leader, 'POST', `/api/incubation/startups/${apps.selected}/services`, service())).statusCode).toBe(403);
    expect((await call(await env.as('applicant'), 'GET', '/api/incubation/calls')).statusCode).toBe(403);
  });
});

describe('the outcome of a startup', () => {
  it('is recorded once, then updated at its version; a stale or missing version gets 409', async () => {
    const first = await call(officer, 'PUT', `/api/incubation/startups/${apps.selected}/outcome`, { products: 'Trà mãng cầu túi lọc', jobs: 6, revenue: 450_000_000 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().outcome).toMatchObject({ products: 'Trà mãng cầu túi lọc', jobs: 6, revenue: 450_000_000, version: 1 });
    expect((await call(officer, 'PUT', `/api/incubation/startups/${apps.selected}/outcome`, { jobs: 7 })).statusCode).toBe(409);
    const second = await call(officer, 'PUT', `/api/incubation/startups/${apps.selected}/outcome`, { products: 'Trà mãng cầu túi lọc', jobs: 8, ipFiled: 'Nhãn hiệu "Mãng cầu Tân An" (đã nộp đơn)', version: 1 });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().outcome).toMatchObject({ jobs: 8, revenue: null, version: 2 });
    expect((await call(officer, 'PUT', `/api/incubation/startups/${apps.other}/outcome`, { jobs: 1 })).statusCode).toBe(409);
  });
});

describe('what incubation adds to the report and the indicators', () => {
  it('adds a section with the services of the report\'s year by kind', async () => {
    const ctx = { db: env.h.db, actor: systemActor(env.tenantId) };
    const scope = { planId: crypto.randomUUID(), periodKey: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', year: 2023, asOf: '2024-01-15', planFrom: '2023-01-01', planTo: '2025-12-31' };
    const text = JSON.stringify(await incubationSection(ctx, scope));
    expect(text).toContain('Hoàn thiện bao bì, nhãn hàng sản phẩm');
    expect(text).toContain('12.000.000');
    expect(await incubationSection(ctx, { ...scope, year: 2019, asOf: '2020-01-15' })).toEqual([]);
  });

  it('registers the indicator source replication.models: models of the year, in the units given or the whole province', async () => {
    const officerCtx = { db: env.h.db, actor: systemActor(env.tenantId) };
    const [commune] = await env.h.query<{ id: string; parent_id: string }>(`SELECT id, parent_id FROM admin_units WHERE name = 'Xã Đức Huệ' AND valid_to IS NULL`);
    for (const [year, adminUnitId] of [[2026, commune.id], [2026, null], [2024, null]] as const) {
      const res = await call(officer, 'POST', '/api/replications', {
        sourceKind: 'national_programme', sourceDescription: 'Chương trình Nông thôn miền núi', place: 'Đức Huệ', scale: '5 ha', year, adminUnitId,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const source = indicatorSource('replication.models')!;
    const q = (year: number, wholeProvince: boolean, adminUnitIds: string[]) => ({
      period: String(year), year, adminUnitIds, asOf: '2026-12-01', view: 'current' as const, params: {}, wholeProvince,
      indicator: async () => null, indicatorAt: async () => null,
    });
    expect(await source.compute(officerCtx, q(2026, true, []))).toBe(2);
    expect(await source.compute(officerCtx, q(2026, false, [commune.parent_id]))).toBe(1);
    expect(await source.compute(officerCtx, q(2024, true, []))).toBe(1);
  });
});
