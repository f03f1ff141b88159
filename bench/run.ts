/**
 * Benchmarks of the organisation registry on 100,000 organisations, on PostgreSQL (when reachable) and on PGlite
 * on disk. Prints one JSON line per figure on stdout — {bench, engine, value, unit, baseline, ratio} — and
 * progress and a summary against the targets on stderr. See bench/README.md for what each baseline is.
 *
 *   npm run bench
 *   DATABASE_URL=postgres://… npm run bench            (server to create the scratch database khcn_bench on)
 *   BENCH_ORGS=5000 BENCH_SECONDS=3 npm run bench      (a quick dry run)
 *   BENCH_ENGINES=pglite npm run bench                 (one engine only: postgres, pglite)
 *   BENCH_KEEP=1 npm run bench                         (keep the seeded databases and reuse them next run)
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import pg from 'pg';
import { openDb, type DbHandle, type Engine } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/modules/index.ts';
import { buildApp } from '../src/server/http/app.ts';
import { hashPassword } from '../src/server/modules/auth/auth.service.ts';
import { listOrganizations } from '../src/server/modules/organizations/organizations.service.ts';
import { OrganizationListQuery } from '../src/shared/schemas/organizations.ts';
import { tsQueryText } from '../src/server/db/search.ts';
import type { Ctx } from '../src/server/context.ts';
import { QUERY_SHAPES, generateQueries, loadOrganizations } from './organizations.data.ts';
import { evaluateDuplicates } from './duplicates.ts';
import { startupFigures } from './startup.ts';

const ORGS = Number(process.env.BENCH_ORGS ?? 100_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.max(1, Math.round(SECONDS / 3));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim()) as Engine[];
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Keep the seeded database (PostgreSQL `BENCH_DB`, PGlite in `BENCH_PGLITE_DIR`) and reuse it when it holds the same rows. */
const KEEP = process.env.BENCH_KEEP === '1';
const BENCH_DB = process.env.BENCH_DB ?? (KEEP ? `khcn_bench_${ORGS}` : 'khcn_bench');
const PGLITE_DIR = process.env.BENCH_PGLITE_DIR ?? path.join(tmpdir(), `khcn-bench-pglite-${ORGS}`);
const USERNAME = 'bench.officer';
const PASSWORD = 'bench-password-2026';

const info = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

interface Figure { bench: string; engine: Engine; value: number; unit: string; baseline: number; ratio: number }
const figures: Figure[] = [];

function emit(f: Omit<Figure, 'ratio'>) {
  const round = (x: number, d: number) => Number(x.toFixed(d));
  const figure = { ...f, value: round(f.value, 2), baseline: round(f.baseline, 2), ratio: round(f.value / f.baseline, 3) };
  figures.push(figure);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

function percentile(sorted: number[], p: number) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function timeEach<T>(inputs: T[], fn: (x: T) => Promise<unknown>) {
  const ms: number[] = [];
  for (const x of inputs) {
    const t = performance.now();
    await fn(x);
    ms.push(performance.now() - t);
  }
  return { ...percentiles(ms), each: ms };
}

/**
 * A database on the engine; `drop` removes it. Null when PostgreSQL is not reachable. With BENCH_KEEP=1 the
 * database is kept (`drop` does nothing) and an existing one is opened again, so a seeded million rows are reused.
 */
async function openScratch(engine: Engine): Promise<{ h: DbHandle; drop(): Promise<void> } | null> {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (e) {
      info(`PostgreSQL not reachable at ${PG_URL} (${(e as Error).message}): skipped`);
      return null;
    }
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB])).rowCount === 1;
    if (!KEEP || !exists) {
      await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    }
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${BENCH_DB}`;
    const h = await openDb({ databaseUrl: u.toString() });
    return {
      h,
      async drop() {
        if (KEEP) return;
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = KEEP ? PGLITE_DIR : await mkdtemp(path.join(tmpdir(), 'khcn-bench-'));
  if (KEEP) await mkdir(dir, { recursive: true });
  const h = await openDb({ dataDir: dir });
  return { h, drop: () => (KEEP ? Promise.resolve() : rm(dir, { recursive: true, force: true })) };
}

/** The bench tenant and officer: created and loaded with ORGS organisations, or found again in a kept database. */
async function seedBench(h: DbHandle, engine: Engine, migrated: string[]) {
  const [kept] = await h.query<{ tenant: string; user: string; n: number }>(`
    SELECT t.id AS tenant, u.id AS "user", (SELECT count(*)::int FROM organizations o WHERE o.tenant_id = t.id) AS n
    FROM tenants t JOIN users u ON u.tenant_id = t.id AND u.username = $1 WHERE t.slug = 'bench'`, [USERNAME]);
  if (kept) {
    if (kept.n !== ORGS) throw new Error(`the kept database ${engine === 'postgres' ? BENCH_DB : PGLITE_DIR} holds ${kept.n} organisations, not ${ORGS}: drop it or name another (BENCH_DB, BENCH_PGLITE_DIR)`);
    // Indexes a new migration built on the loaded rows need their statistics.
    if (migrated.length) await h.exec('VACUUM ANALYZE organizations');
    info(`${engine}: reusing ${ORGS.toLocaleString('en')} organisations already loaded${migrated.length ? ` (migrated: ${migrated.join(', ')})` : ''}`);
    return { tenantId: kept.tenant, userId: kept.user };
  }
  const [tenant] = await h.query<{ id: string }>(
    `INSERT INTO tenants (slug, name) VALUES ('bench', 'Sở KH&CN tỉnh Thử nghiệm') RETURNING id`);
  const [user] = await h.query<{ id: string }>(
    `INSERT INTO users (tenant_id, username, display_name, password_hash, role) VALUES ($1, $2, $3, $4, 'dost_officer') RETURNING id`,
    [tenant.id, USERNAME, 'Cán bộ đo hiệu năng', await hashPassword(PASSWORD)]);
  const t = performance.now();
  await loadOrganizations(h, { tenantId: tenant.id, count: ORGS });
  info(`${engine}: ${ORGS.toLocaleString('en')} organisations loaded and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { tenantId: tenant.id, userId: user.id };
}

function load(o: { url: string; paths: string[]; headers?: Record<string, string> }) {
  return new Promise<{ rps: number; total: number; non2xx: number; errors: number; timeouts: number; latencyP50: number; latencyP99: number }>(
    (resolve, reject) => {
      const worker = new Worker(new URL('./load.worker.mjs', import.meta.url), {
        workerData: { ...o, headers: o.headers ?? {}, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
    });
}

/** A bare Fastify route answering a constant, measured the same way as the API. */
async function bareRps() {
  const bare = Fastify({ logger: false });
  bare.get('/bare/:id', async () => ({ ok: true }));
  const url = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const r = await load({ url, paths: ['/bare/1'] });
    return r;
  } finally {
    await bare.close();
  }
}

/**
 * A bare Fastify route doing the API's primary-key SELECT through the same database handle (pool), with no
 * authentication, validation or serialisation schema: what the database path alone allows on this machine.
 */
async function pkRouteRps(h: DbHandle, ids: string[]) {
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>('/pk/:id', async (req) => (await h.query('SELECT * FROM organizations WHERE id = $1', [req.params.id]))[0] ?? null);
  const url = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load({ url, paths: ids.map((id) => `/pk/${id}`) });
  } finally {
    await bare.close();
  }
}

async function benchEngine(engine: Engine) {
  const scratch = await openScratch(engine);
  if (!scratch) return;
  const { h } = scratch;
  try {
    const t = performance.now();
    const migrated = await prepareDatabase(h);
    info(`${engine}: migrated and reference data loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const { tenantId, userId } = await seedBench(h, engine, migrated);

    // Search through the real service (repo query, LIMIT 20, name order) versus a raw primary-key SELECT.
    const ctx: Ctx = {
      db: h.db,
      actor: { userId, username: USERNAME, displayName: 'bench', role: 'dost_officer', tenantId, organizationId: null, agencyId: null, adminUnitId: null, unitName: null },
    };
    const queries = generateQueries(SEARCHES);
    const ids = (await h.query<{ id: string }>('SELECT id FROM organizations ORDER BY random() LIMIT 1000')).map((r) => r.id);
    const search = (q: string) => listOrganizations(ctx, OrganizationListQuery.parse({ q, limit: 20 }));
    const pk = (id: string) => h.query('SELECT * FROM organizations WHERE id = $1', [id]);
    let hits = 0;
    for (const q of queries.slice(0, 20)) hits += (await search(q)).items.length;
    for (const id of ids.slice(0, 20)) await pk(id);
    const s = await timeEach(queries, search);
    const b = await timeEach(Array.from({ length: SEARCHES }, (_, i) => ids[i % ids.length]), pk);
    info(`${engine}: warm-up searches returned ${hits} rows for 20 queries (e.g. "${queries[0]}")`);
    emit({ bench: 'org_search_p50', engine, value: s.p50, unit: 'ms', baseline: b.p50 });
    emit({ bench: 'org_search_p95', engine, value: s.p95, unit: 'ms', baseline: b.p95 });
    QUERY_SHAPES.forEach((shape, k) => {
      const p = percentiles(s.each.filter((_, i) => i % QUERY_SHAPES.length === k));
      emit({ bench: `org_search_${shape}_p50`, engine, value: p.p50, unit: 'ms', baseline: b.p50 });
      emit({ bench: `org_search_${shape}_p95`, engine, value: p.p95, unit: 'ms', baseline: b.p95 });
    });
    // The answers themselves (names in order, first page of every distinct query): the same hash on both engines.
    const answers = createHash('sha256');
    let rows = 0;
    for (const q of [...new Set(queries)]) {
      const { items } = await search(q);
      rows += items.length;
      answers.update(`${q}\u0000${items.map((o) => o.name).join('\u0001')}\n`);
    }
    process.stdout.write(`${JSON.stringify({ bench: 'org_search_answers', engine, queries: new Set(queries).size, rows, sha256: answers.digest('hex').slice(0, 16) })}\n`);

    // The first page as the web list asks for it, with how many rows match (exact up to COUNT_CAP, else estimated),
    // and how far the estimates are from the exact counts.
    const searchWithTotal = (q: string) => listOrganizations(ctx, OrganizationListQuery.parse({ q, limit: 20, total: 'true' }));
    for (const q of queries.slice(0, 20)) await searchWithTotal(q);
    const st = await timeEach(queries, searchWithTotal);
    emit({ bench: 'org_search_with_total_p50', engine, value: st.p50, unit: 'ms', baseline: b.p50 });
    emit({ bench: 'org_search_with_total_p95', engine, value: st.p95, unit: 'ms', baseline: b.p95 });
    const errors: number[] = [];
    let exactTotals = 0;
    for (const q of [...new Set(queries)]) {
      const { total, totalIsEstimate } = await searchWithTotal(q);
      const [{ n }] = await h.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM organizations WHERE tenant_id = $1 AND to_tsvector('simple', search_text) @@ to_tsquery('simple', $2)`,
        [tenantId, tsQueryText(q)]);
      if (!totalIsEstimate) {
        if (total !== n) throw new Error(`"${q}": total ${total} is not the exact count ${n}`);
        exactTotals++;
      } else {
        errors.push(Math.abs((total ?? 0) - n) / n);
      }
    }
    errors.sort((x, y) => x - y);
    process.stdout.write(`${JSON.stringify({
      bench: 'org_search_total_estimates', engine, queries: new Set(queries).size, exact: exactTotals, estimated: errors.length,
      meanRelativeError: Number((errors.reduce((x, y) => x + y, 0) / Math.max(1, errors.length)).toFixed(4)),
      maxRelativeError: Number((errors[errors.length - 1] ?? 0).toFixed(4)),
    })}\n`);

    // Read by id through the real API with a real session cookie, versus a bare Fastify route.
    const app = await buildApp({ dbHandle: h, webDir: null, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const probe = await fetch(`${url}/api/organizations/${ids[0]}`, { headers: { cookie } });
      if (probe.status !== 200) throw new Error(`read-by-id probe failed: ${probe.status} ${await probe.text()}`);
      const bare = await bareRps();
      const pkRoute = await pkRouteRps(h, ids);
      const api = await load({ url, paths: ids.map((id) => `/api/organizations/${id}`), headers: { cookie } });
      info(`${engine}: bare ${Math.round(bare.rps)} req/s (p50 ${bare.latencyP50} ms); API ${Math.round(api.rps)} req/s ` +
        `(p50 ${api.latencyP50} ms, p99 ${api.latencyP99} ms, non-2xx ${api.non2xx}, errors ${api.errors}, timeouts ${api.timeouts})`);
      if (api.non2xx > 0 || api.errors > 0) throw new Error(`read-by-id answered ${api.non2xx} non-2xx responses and ${api.errors} errors`);
      info(`${engine}: primary-key route ${Math.round(pkRoute.rps)} req/s (p50 ${pkRoute.latencyP50} ms)`);
      emit({ bench: 'org_read_by_id_rps', engine, value: api.rps, unit: 'req/s', baseline: bare.rps });
      emit({ bench: 'org_read_by_id_vs_pk_route', engine, value: api.rps, unit: 'req/s', baseline: pkRoute.rps });
    } finally {
      await app.close();
    }
  } finally {
    await h.close();
    await scratch.drop();
  }
}

async function main() {
  info(`${ORGS.toLocaleString('en')} organisations, ${SEARCHES} searches, ${SECONDS} s load runs with ${CONNECTIONS} connections`);
  for (const engine of ENGINES) {
    const t = performance.now();
    await benchEngine(engine);
    info(`${engine}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // The first start of a fresh clone (bench/startup.ts): spawn to first answer, and to the demo data ready.
  if (process.env.BENCH_STARTUP !== '0') for (const f of await startupFigures(info)) emit(f);
  // The indicator dashboard at three provinces' communes (bench/indicators.ts, PostgreSQL only).
  if (process.env.BENCH_INDICATORS !== '0') for (const f of await (await import('./indicators.ts')).indicatorFigures(info)) emit(f);
  // A plan's periodic report with 200 items, DOCX + XLSX (bench/plans.ts; BENCH_PLANS=0 skips it).
  if (process.env.BENCH_PLANS !== '0') for (const f of await (await import('./plans.ts')).planReportFigures(info)) emit(f);
  // The duplicate detector on its evaluation set (engine-independent: the scoring is pure TypeScript).
  const dup = evaluateDuplicates();
  for (const [bench, value] of [['duplicates_precision_at_5', dup.precision], ['duplicates_recall_at_5', dup.recall]] as const) {
    process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(3)), unit: 'ratio', cases: dup.cases })}\n`);
  }
  const get = (bench: string, engine: Engine) => figures.find((f) => f.bench === bench && f.engine === engine);
  const p95 = get('org_search_p95', 'postgres');
  const rps = get('org_read_by_id_rps', 'postgres') ?? get('org_read_by_id_rps', 'pglite');
  info('targets (printed, not asserted):');
  info(`  search p95 on PostgreSQL <= 20 ms: ${p95 ? `${p95.value} ms (${p95.value <= 20 ? 'met' : 'NOT met'})` : 'not measured'}`);
  const p95lite = get('org_search_p95', 'pglite');
  info(`  search p95 on PGlite <= 20 ms: ${p95lite ? `${p95lite.value} ms (${p95lite.value <= 20 ? 'met' : 'NOT met'})` : 'not measured'}`);
  for (const f of figures.filter((x) => x.bench === 'org_read_by_id_vs_pk_route')) {
    info(`  read-by-id >= 0.7 of the primary-key route on ${f.engine}: ${f.ratio} (${f.ratio >= 0.7 ? 'met' : 'NOT met'})`);
  }
  info(`  duplicates: precision@5 ${dup.precision.toFixed(3)}, recall@5 ${dup.recall.toFixed(3)} on ${dup.cases} proposals`);
  info(`  read-by-id >= 0.35 of the bare route: ${rps ? `${rps.ratio} on ${rps.engine} (${rps.ratio >= 0.35 ? 'met' : 'NOT met'})` : 'not measured'}`);
  for (const f of figures.filter((x) => x.bench === 'org_read_by_id_rps' && x !== rps)) {
    info(`  read-by-id on ${f.engine}: ${f.ratio} of the bare route`);
  }
}

main().catch((e) => {
  process.stderr.write(`[bench] failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
