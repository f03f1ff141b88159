/**
 * The programmes part of the demo seed (programmes.ts) on a real database with just what it builds on (a province,
 * the policy documents it cites): the 107 replicated models of NQ 164/2014/NQ-HĐND, the 2023 startup call with ten
 * selected projects and their services, read back through the API; and a second run writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../context.ts';
import { testEnv, type AuthHeaders, type TestEnv } from '../testing/harness.ts';
import { createLegalDocument } from '../modules/legal-documents/legal-documents.service.ts';
import { systemActor } from './actors.ts';
import { seedDemoProgrammes } from './programmes.ts';
import { GENERATED_NOTE, REPLICATION_TOTAL, STARTUP_PROJECTS } from './programmes-data.ts';

let env: TestEnv;
let officer: AuthHeaders;
let first: Awaited<ReturnType<typeof seedDemoProgrammes>>;
let policyId: string;

beforeAll(async () => {
  env = await testEnv();
  officer = await env.as('dost_officer');
  const ctx: Ctx = { db: env.h.db, actor: systemActor(env.tenantId) };
  policyId = (await createLegalDocument(ctx, { number: '164/2014/NQ-HĐND', docType: 'resolution', national: false, issuer: 'HĐND tỉnh Long An', issuedOn: '2014-12-10', title: 'Chính sách hỗ trợ chuyển giao kết quả nghiên cứu khoa học và ứng dụng tiến bộ công nghệ' })).id;
  await createLegalDocument(ctx, { number: '393/KH-UBND', docType: 'plan', national: false, issuer: 'UBND tỉnh Long An', issuedOn: '2023-02-17', title: 'Kế hoạch thực hiện Đề án hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo' });
  first = await env.h.db.transaction((tx) => seedDemoProgrammes({ db: tx, tenantIds: new Map([['tay-ninh', env.tenantId]]) }));
}, 120_000);
afterAll(() => env.close());

describe('the programmes part of the demo', () => {
  it('reports the 107 models of NQ 164/2014/NQ-HĐND, named ones as the article names them, the rest marked generated', async () => {
    expect(first.models).toBe(REPLICATION_TOTAL);
    const res = (await env.app.inject({ method: 'GET', url: `/api/replications?legalDocumentId=${policyId}&limit=200`, headers: officer })).json();
    expect(res.total).toBe(107);
    expect(res.byYear.every((y: { year: number }) => y.year >= 2015 && y.year <= 2020)).toBe(true);
    const names = res.items.map((m: { name: string }) => m.name);
    expect(names).toContain('Mô hình san phẳng đồng ruộng bằng laser');
    expect(names).toContain('Ứng dụng phân hữu cơ vi sinh');
    expect(res.items.filter((m: { note: string }) => m.note === GENERATED_NOTE)).toHaveLength(107 - 9);
    expect(res.items.every((m: { adminUnitId: string | null }) => m.adminUnitId !== null)).toBe(true);
  });

  it('writes the 2023 startup call with ten selected projects and their incubation services', async () => {
    expect(first.applications).toBe(STARTUP_PROJECTS.length);
    const calls = (await env.app.inject({ method: 'GET', url: '/api/incubation/calls', headers: officer })).json().items;
    expect(calls).toEqual([expect.objectContaining({ code: 'KN-2023', selectTop: 10, selected: 10, applications: STARTUP_PROJECTS.length })]);
    const list = (await env.app.inject({ method: 'GET', url: `/api/incubation/calls/${calls[0].id}/startups`, headers: officer })).json();
    const selected = list.items.filter((s: { selected: boolean }) => s.selected);
    expect(selected).toHaveLength(10);
    expect(selected.every((s: { services: number }) => s.services >= 3)).toBe(true);
    expect(first.services).toBe(selected.reduce((n: number, s: { services: number }) => n + s.services, 0));
  });

  it('gives each application its workflow history up to the decision', async () => {
    const rows = await env.h.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stage_events WHERE tenant_id = $1 AND subject_type = 'programme_application'`, [env.tenantId]);
    expect(rows[0].n).toBe(STARTUP_PROJECTS.length * 4);
  });

  it('writes nothing the second time', async () => {
    const again = await env.h.db.transaction((tx) => seedDemoProgrammes({ db: tx, tenantIds: new Map([['tay-ninh', env.tenantId]]) }));
    expect(again).toMatchObject({ models: 0, applications: 0, services: 0 });
  });
});
