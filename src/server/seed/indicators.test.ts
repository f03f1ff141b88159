/**
 * The demo indicators of QĐ 9737/QĐ-UBND: seeded through the service, they read on the dashboard with Long An's
 * pre-merger values summed into Tây Ninh on the new boundaries, the plan's targets, and the TFP series.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../testing/harness.ts';
import { seedDemoIndicators } from './indicators.ts';
import { DEMO_INDICATORS, DEMO_TARGETS, DEMO_VALUES } from './indicators-data.ts';

let env: TestEnv;
let leader: AuthHeaders;
beforeAll(async () => {
  env = await testEnv();
  const [tn] = await env.h.query<{ id: string }>(`SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to IS NULL`);
  await env.h.query('UPDATE tenants SET province_unit_id = $1 WHERE id = $2', [tn.id, env.tenantId]);
  leader = await env.as('leader');
});
afterAll(() => env.close());

const sum = (code: string, period: string) => DEMO_VALUES.filter((v) => v.code === code && v.period === period).reduce((s, v) => s + v.value, 0);

describe('demo indicators', () => {
  it('seeds once, and the dashboard sums Long An into Tây Ninh after the merger', async () => {
    const tenantIds = new Map([['tay-ninh', env.tenantId]]);
    const first = await env.h.db.transaction((tx) => seedDemoIndicators({ db: tx, tenantIds }));
    expect(first).toMatchObject({ indicators: DEMO_INDICATORS.length, targets: DEMO_TARGETS.length, values: DEMO_VALUES.length, planId: null });
    expect((await env.h.db.transaction((tx) => seedDemoIndicators({ db: tx, tenantIds }))).indicators).toBe(0);

    const res = await env.app.inject({ method: 'GET', url: '/api/indicators/dashboard?year=2024&asOf=2026-01-01', headers: leader });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { code: string; actual: number | null; target: unknown; status: string }[];
    const row = (code: string) => rows.find((r) => r.code === code)!;
    expect(row('POPULATION').actual).toBe(sum('POPULATION', '2024'));
    expect(row('RD_PER_10K').actual).toBeCloseTo((sum('RD_FTE', '2024') / sum('POPULATION', '2024')) * 10_000, 9);
    expect(row('ST_INVESTMENT_GRDP').target).toEqual({ kind: 'range', min: 1.2, max: 1.5 });
    expect(row('TFP_SHARE').actual).not.toBeNull();

    const asReported = await env.app.inject({ method: 'GET', url: '/api/indicators/dashboard?year=2024&asOf=2026-01-01&view=as_reported', headers: leader });
    expect((asReported.json().rows as { code: string; actual: number | null }[]).find((r) => r.code === 'POPULATION')!.actual).toBeNull();
  });
});
