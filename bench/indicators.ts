/**
 * The indicator dashboard at a province's scale, on PostgreSQL: 60 indicators (56 entered, 4 ratios of them), 10
 * years (2016–2025) of values for every commune of three provinces — Long An's and old Tây Ninh's communes for
 * 2016–2024, the new Tây Ninh's for 2025 — and a plan of 200 items serving them, with targets. Measures
 *   - indicator_dashboard_p95: GET /api/indicators/dashboard?planId&year&asOf&view through the real app (session
 *     cookie, validation, serialisation), sequential requests alternating year, view and the date around the merger;
 *   - against a bare Fastify route running a comparable raw SQL read through the same pool (the same rows, the same
 *     years, summed per indicator and period: the scan of every value the dashboard did before migration 0059,
 *     without its roll-up, targets or statuses), measured the same way.
 * The values go in with one bulk `INSERT … SELECT`; the database's triggers group them into `indicator_sums` in the
 * same statement (migration 0059), as they do for every write, so the seed's time includes that.
 * Run alone with `npx tsx bench/indicators.ts`; `npm run bench` includes it (BENCH_INDICATORS=0 skips it).
 */
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { openDb, type DbHandle } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/modules/index.ts';
import { buildApp } from '../src/server/http/app.ts';
import { hashPassword } from '../src/server/modules/auth/auth.service.ts';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = process.env.BENCH_INDICATORS_DB ?? 'khcn_bench_indicators';
const REQUESTS = Number(process.env.BENCH_INDICATOR_REQUESTS ?? 120);
const USERNAME = 'bench.indicators';
const PASSWORD = 'bench-password-2026';
/** BENCH_INDICATORS_KEEP=1: keep the seeded database (created once, reused). */
const KEEP = process.env.BENCH_INDICATORS_KEEP === '1';

export interface IndicatorFigure { bench: string; engine: 'postgres'; value: number; unit: string; baseline: number }

const p95 = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const p50 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];

async function timed(urls: string[], headers: Record<string, string>) {
  const ms: number[] = [];
  for (const u of urls) {
    const t = performance.now();
    const res = await fetch(u, { headers });
    if (res.status !== 200) throw new Error(`${u}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    ms.push(performance.now() - t);
  }
  return ms;
}

export async function indicatorFigures(info: (msg: string) => void): Promise<IndicatorFigure[]> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    info(`indicators: PostgreSQL not reachable at ${PG_URL} (${(e as Error).message}): skipped`);
    return [];
  }
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount === 1;
  if (!KEEP || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
  }
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${DB}`;
  const h = await openDb({ databaseUrl: u.toString() });
  try {
    const t = performance.now();
    await prepareDatabase(h);
    info(`indicators: migrated and reference data loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const [kept] = await h.query<{ id: string; plan: string }>(`SELECT t.id, p.id AS plan FROM tenants t JOIN plans p ON p.tenant_id = t.id WHERE t.slug = 'bench-ind'`);
    const seeded = kept ? { tenantId: kept.id, plan: kept.plan } : await seed(h, info);
    return await benchDashboard(h, seeded, info);
  } finally {
    await h.close();
    if (!KEEP) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await c.end();
    }
  }
}

async function seed(h: DbHandle, info: (msg: string) => void): Promise<{ tenantId: string; plan: string }> {
  const t = performance.now();
  const one = async (q: string, p: unknown[] = []) => (await h.query<{ id: string }>(q, p))[0].id;
  const tayNinh = await one(`SELECT id FROM admin_units WHERE level = 'province' AND code = '80' AND valid_to IS NULL`);
  const [tenant] = await h.query<{ id: string }>(`INSERT INTO tenants (slug, name, province_unit_id) VALUES ('bench-ind', 'Sở KH&CN (đo hiệu năng)', $1) RETURNING id`, [tayNinh]);
  await h.query(`INSERT INTO users (tenant_id, username, display_name, password_hash, role) VALUES ($1, $2, 'bench', $3, 'dost_officer')`,
    [tenant.id, USERNAME, await hashPassword(PASSWORD)]);
  // 56 entered indicators (every eighth an average), and 4 ratios of pairs of them.
  await h.query(`INSERT INTO indicators (tenant_id, code, name_vi, name_en, unit, direction, period_type, aggregation)
    SELECT $1, 'B' || lpad(n::text, 2, '0'), 'Chỉ số đo ' || n, 'Bench indicator ' || n, 'đơn vị', 'increase', 'year',
      CASE WHEN n % 8 = 0 THEN 'average' ELSE 'sum' END FROM generate_series(1, 56) n`, [tenant.id]);
  await h.query(`INSERT INTO indicators (tenant_id, code, name_vi, name_en, unit, direction, period_type, aggregation, formula)
    SELECT $1, 'R' || n, 'Tỷ số đo ' || n, 'Bench ratio ' || n, '%', 'increase', 'year', 'none',
      jsonb_build_object('source', 'indicators.ratio', 'params', jsonb_build_object('numerator', 'B0' || n, 'denominator', 'B1' || n, 'scale', 100))
    FROM generate_series(1, 4) n`, [tenant.id]);
  // Every commune of Long An and old Tây Ninh (closed on 30/06/2025) for 2016–2024, of the new Tây Ninh for 2025.
  const values = await h.query<{ n: number }>(`WITH oldc AS (
      SELECT c.id FROM admin_units c JOIN admin_units d ON d.id = c.parent_id JOIN admin_units p ON p.id = d.parent_id
      WHERE c.level = 'commune' AND p.level = 'province' AND p.code IN ('80', '72') AND p.valid_to = '2025-06-30'),
    newc AS (SELECT id FROM admin_units WHERE parent_id = $2 AND level = 'commune'),
    ins AS (
      INSERT INTO indicator_values (tenant_id, indicator_id, period, period_year, admin_unit_id, value, source)
      SELECT $1, i.id, y::text, y, c.id, 100 + (abs(hashtext(i.code || c.id::text || y)) % 900), 'bench'
      FROM indicators i CROSS JOIN generate_series(2016, 2024) y CROSS JOIN oldc c WHERE i.tenant_id = $1 AND i.formula IS NULL
      UNION ALL
      SELECT $1, i.id, '2025', 2025, c.id, 100 + (abs(hashtext(i.code || c.id::text)) % 900), 'bench'
      FROM indicators i CROSS JOIN newc c WHERE i.tenant_id = $1 AND i.formula IS NULL
      RETURNING 1)
    SELECT count(*)::int AS n FROM ins`, [tenant.id, tayNinh]);
  const plan = await one(`INSERT INTO plans (tenant_id, title, period_from, period_to, schedule, search_text, sort_key)
    VALUES ($1, 'Kế hoạch đo hiệu năng', '2023-01-01', '2030-12-31', '{"kind":"quarterly"}', 'ke hoach', 'k') RETURNING id`, [tenant.id]);
  const group = await one(`INSERT INTO plan_groups (tenant_id, plan_id, position, title) VALUES ($1, $2, 0, 'Nhóm') RETURNING id`, [tenant.id, plan]);
  await h.query(`INSERT INTO plan_items (tenant_id, plan_id, group_id, position, title, responsible_admin_unit_id, search_text)
    SELECT $1, $2, $3, n, 'Mục ' || n, $4, 'muc' FROM generate_series(1, 200) n`, [tenant.id, plan, group, tayNinh]);
  await h.query(`INSERT INTO plan_item_indicators (tenant_id, item_id, indicator_id)
    SELECT DISTINCT $1, it.id, i.id FROM plan_items it JOIN indicators i ON i.tenant_id = $1
      AND (abs(hashtext(it.id::text || i.code)) % 20) = 0 WHERE it.plan_id = $2`, [tenant.id, plan]);
  await h.query(`INSERT INTO indicator_targets (tenant_id, indicator_id, plan_id, year, kind, min_value)
    SELECT $1, i.id, $2, y, 'at_least', 50000 FROM indicators i CROSS JOIN (VALUES (2025), (2030)) v(y) WHERE i.tenant_id = $1`, [tenant.id, plan]);
  await h.exec('ANALYZE');
  info(`indicators: 60 indicators, ${values[0].n.toLocaleString('en')} values, 200 plan items seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  return { tenantId: tenant.id, plan };
}

async function benchDashboard(h: DbHandle, o: { tenantId: string; plan: string }, info: (msg: string) => void): Promise<IndicatorFigure[]> {
  const { plan } = o;
  const tenant = { id: o.tenantId };
  const app = await buildApp({ dbHandle: h, webDir: null, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: { from: string; to: string } }>('/raw', async (req) => h.query(
    `SELECT indicator_id, period, sum(value) AS value, count(*) AS n FROM indicator_values
     WHERE tenant_id = $1 AND period_year BETWEEN $2 AND $3 GROUP BY 1, 2`, [tenant.id, Number(req.query.from), Number(req.query.to)]));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const shapes = [
      { year: 2025, asOf: '2026-01-01', view: 'current' }, { year: 2024, asOf: '2026-01-01', view: 'current' },
      { year: 2024, asOf: '2024-12-31', view: 'current' }, { year: 2024, asOf: '2026-01-01', view: 'as_reported' },
    ];
    const api = shapes.map((s) => `${url}/api/indicators/dashboard?planId=${plan}&year=${s.year}&asOf=${s.asOf}&view=${s.view}`);
    const raw = shapes.map((s) => `${bareUrl}/raw?from=${s.year - 7}&to=${Math.max(s.year, 2030)}`);
    const urls = (xs: string[]) => Array.from({ length: REQUESTS }, (_, i) => xs[i % xs.length]);
    await timed(urls(api).slice(0, 8), { cookie });
    await timed(urls(raw).slice(0, 8), {});
    const a = await timed(urls(api), { cookie });
    const b = await timed(urls(raw), {});
    info(`indicators: dashboard p50 ${p50(a).toFixed(1)} ms, p95 ${p95(a).toFixed(1)} ms; raw SQL route p50 ${p50(b).toFixed(1)} ms, p95 ${p95(b).toFixed(1)} ms`);
    return [
      { bench: 'indicator_dashboard_p50', engine: 'postgres', value: p50(a), unit: 'ms', baseline: p50(b) },
      { bench: 'indicator_dashboard_p95', engine: 'postgres', value: p95(a), unit: 'ms', baseline: p95(b) },
    ];
  } finally {
    await app.close();
    await bare.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const info = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
  indicatorFigures(info).then((fs) => {
    for (const f of fs) process.stdout.write(`${JSON.stringify({ ...f, ratio: Number((f.value / f.baseline).toFixed(3)) })}\n`);
  }, (e: unknown) => { console.error(e); process.exit(1); });
}
