/**
 * The demo plans load on the demo seed: the plans of 9737/QĐ-UBND and 54-CTr/TU in Tây Ninh with items of the
 * demo unit officer `donvi` (who sees them), and An Giang's coordination programme whose district items pass to the
 * communes that succeeded them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/app.ts';
import { login, openTestDb, type ScratchDb } from '../testing/harness.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_TENANTS } from './demo-data.ts';
import { seedDemo } from './seed.ts';
import { seedDemoPlans } from './plans.ts';

let h: ScratchDb;
let app: App;

beforeAll(async () => {
  h = await openTestDb();
  await seedDemo(h);
  const tenantIds = new Map((await h.query<{ id: string; slug: string }>('SELECT id, slug FROM tenants')).map((t) => [t.slug, t.id]));
  const agencyIds = new Map<string, string>();
  for (const t of DEMO_TENANTS) {
    for (const a of DEMO_AGENCIES) {
      const name = a.parent ? a.name : `${a.name} tỉnh ${t.province}`;
      const [row] = await h.query<{ id: string }>('SELECT id FROM agencies WHERE tenant_id = $1 AND name = $2 ORDER BY valid_from DESC LIMIT 1', [tenantIds.get(t.slug), name]);
      if (row) agencyIds.set(`${t.slug}/${a.key}`, row.id);
    }
  }
  // seedDemo may already carry the plans (once seed.ts calls seedDemoPlans); load them here only when it does not.
  const [{ n }] = await h.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
  if (n === 0) await h.db.transaction((tx) => seedDemoPlans({ db: tx, tenantIds, agencyIds }));
  app = await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 });
}, 120_000);
afterAll(async () => { await app.close(); await h.close(); });

describe('demo plans', () => {
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
