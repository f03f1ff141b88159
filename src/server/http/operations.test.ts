/**
 * /healthz, /readyz and /metrics through the real app on a real database (either engine); the database going away
 * and coming back is in readiness.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../testing/harness.ts';
import { databaseUrlOf } from '../testing/concurrency.ts';
import { buildApp } from './app.ts';
import { metricsAllowList } from './metrics.ts';
import { sendNotice } from '../modules/inbox/inbox.service.ts';
import { createWorker, defineJob, queueDepths } from '../modules/jobs/jobs.service.ts';
import type { PgBossWorker } from '../modules/jobs/jobs.pg-boss.ts';
import { moduleJobs } from '../modules/index.ts';

let env: TestEnv;

beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

/** The value of one sample of the exposition text, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/healthz', () => {
  it('answers 200 { status: ok } without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('/readyz', () => {
  it('is ready with the database answering at the code\'s migration level, and no worker required', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ready', checks: { database: { status: 'ok' }, migrations: { status: 'ok' }, worker: { status: 'not_required' } },
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is unready naming the migrations while one is pending, and while the database has one the code lacks', async () => {
    const [last] = await env.h.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1');
    await env.h.query('DELETE FROM schema_migrations WHERE name = $1', [last.name]);
    try {
      const res = await env.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unready', failed: ['migrations'], checks: { migrations: { reason: 'pending', pending: [last.name] } } });
    } finally {
      await env.h.query('INSERT INTO schema_migrations (name) VALUES ($1)', [last.name]);
    }
    await env.h.query(`INSERT INTO schema_migrations (name) VALUES ('9999_from_a_newer_khcn.sql')`);
    try {
      const res = await env.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ failed: ['migrations'], checks: { migrations: { reason: 'unknown_migrations', unknown: ['9999_from_a_newer_khcn.sql'] } } });
    } finally {
      await env.h.query(`DELETE FROM schema_migrations WHERE name = '9999_from_a_newer_khcn.sql'`);
    }
  });

  it("follows the process's job worker: ready while it runs, unready naming the worker once it has stopped", async () => {
    const databaseUrl = env.h.engine === 'postgres' ? await databaseUrlOf(env.h) : undefined;
    const worker = createWorker(env.h, [], { databaseUrl, schedule: false });
    const app = await buildApp({ dbHandle: env.h, webDir: null, operations: { worker } });
    try {
      const before = await app.inject({ method: 'GET', url: '/readyz' });
      expect(before.statusCode).toBe(503);
      expect(before.json()).toMatchObject({ failed: ['worker'], checks: { worker: { status: 'fail', reason: 'not_started' } } });
      await worker.start();
      const running = await app.inject({ method: 'GET', url: '/readyz' });
      expect(running.statusCode, running.body).toBe(200);
      expect(running.json().checks.worker).toMatchObject({ status: 'ok', kind: env.h.engine === 'postgres' ? 'pg-boss' : 'in-process' });
      await worker.stop();
      const stopped = await app.inject({ method: 'GET', url: '/readyz' });
      expect(stopped.statusCode).toBe(503);
      expect(stopped.json()).toMatchObject({ failed: ['worker'], checks: { worker: { status: 'fail', reason: 'stopped' } } });
    } finally {
      await worker.stop();
      await app.close();
    }
  });
});

describe('/metrics', () => {
  const metrics = (o: { remoteAddress?: string; headers?: Record<string, string> } = {}, app = env.app) =>
    app.inject({ method: 'GET', url: '/metrics', remoteAddress: o.remoteAddress, headers: o.headers });

  it('counts requests by route pattern and status, with their latency', async () => {
    const id = randomUUID();
    await env.app.inject({ method: 'GET', url: `/api/tasks/${id}` });
    await env.app.inject({ method: 'GET', url: `/api/tasks/${randomUUID()}` });
    await env.app.inject({ method: 'GET', url: '/no/such/page' });
    const res = await metrics();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(res.body, 'khcn_http_requests_total{method="GET",route="/api/tasks/:id",status_code="401"}')).toBe(2);
    expect(res.body).not.toContain(id);
    expect(sample(res.body, 'khcn_http_requests_total{method="GET",route="unmatched",status_code="404"}')).toBe(1);
    expect(sample(res.body, 'khcn_http_request_duration_seconds_count{method="GET",route="/api/tasks/:id"}')).toBe(2);
    expect(res.body).toContain('process_cpu_user_seconds_total');
    // The probes and the metrics themselves are not counted.
    expect(res.body).not.toMatch(/route="\/(healthz|readyz|metrics)"/);
  });

  it('counts refused sign-ins by reason', async () => {
    const before = sample((await metrics()).body, 'khcn_sign_ins_refused_total{reason="invalid_credentials"}');
    expect(before).toBe(0);
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-ai', password: 'sai-mat-khau-1' } });
    expect(res.statusCode).toBe(401);
    expect(sample((await metrics()).body, 'khcn_sign_ins_refused_total{reason="invalid_credentials"}')).toBe(1);
    expect(sample((await metrics()).body, 'khcn_sign_ins_refused_total{reason="throttled"}')).toBe(0);
  });

  it('shows the depth of every job queue and the reminders sent, counted in the database', async () => {
    for (const period of [0, 1]) {
      await sendNotice(env.h.db, {
        tenantId: env.tenantId, kind: 'task.stage_overdue', subject: { type: 'task', id: randomUUID() }, periodKey: `proposal#${period}`,
        title: 'task.reminder.stage_overdue', params: { title: 'x', stage: 'y', days: 1 }, to: [{ role: 'dost_officer' }], email: false,
      });
    }
    const body = (await metrics()).body;
    for (const job of moduleJobs()) expect(sample(body, `khcn_job_queue_depth{job="${job.name}"}`)).toBe(0);
    expect(sample(body, 'khcn_reminders_sent{kind="task.stage_overdue"}')).toBe(2);
  });

  it('answers 404 to an address neither loopback nor allowed, and to a request forwarded by a proxy it does not trust', async () => {
    const far = await metrics({ remoteAddress: '203.0.113.9' });
    expect(far.statusCode).toBe(404);
    expect(far.json().code).toBe('common.route_not_found');
    expect((await metrics({ remoteAddress: '::1' })).statusCode).toBe(200);
    expect((await metrics({ remoteAddress: '::ffff:127.0.0.1' })).statusCode).toBe(200);
    expect((await metrics({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404);
  });

  it('answers the addresses and ranges of KHCN_METRICS_ALLOW, and the client a trusted proxy names', async () => {
    const app = await buildApp({ dbHandle: env.h, webDir: null, trustedProxies: ['127.0.0.1'], operations: { metricsAllow: ['203.0.113.0/24', '2001:db8::7'] } });
    try {
      expect((await metrics({ remoteAddress: '203.0.113.9' }, app)).statusCode).toBe(200);
      expect((await metrics({ remoteAddress: '2001:db8::7' }, app)).statusCode).toBe(200);
      expect((await metrics({ remoteAddress: '198.51.100.1' }, app)).statusCode).toBe(404);
      expect((await metrics({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.50' } }, app)).statusCode).toBe(200);
      expect((await metrics({ remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1' } }, app)).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('refuses a malformed KHCN_METRICS_ALLOW entry at start rather than opening or ignoring it', () => {
    expect(() => metricsAllowList(['10.0.0.0/33'])).toThrow(/KHCN_METRICS_ALLOW: "10.0.0.0\/33"/);
    expect(() => metricsAllowList(['prometheus.local'])).toThrow(/not an IP address/);
    expect(metricsAllowList(['10.1.2.0/24']).check('10.1.2.200', 'ipv4')).toBe(true);
  });
});

describe('job queue depth', () => {
  it('counts the runs waiting that no worker has taken', async () => {
    let release = () => {};
    const job = defineJob({
      name: 'ops_test.slow', description: 'waits for the test', everyMinutes: 60,
      run: () => new Promise<void>((resolve) => { release = resolve; }),
    });
    const app = await buildApp({ dbHandle: env.h, webDir: null });
    const depth = async () => sample((await app.inject({ method: 'GET', url: '/metrics' })).body, 'khcn_job_queue_depth{job="tasks.stage_reminders"}');
    try {
      expect(await depth()).toBe(0);
      if (env.h.engine === 'pglite') {
        // PGlite: the runs under way or waiting in this process's scheduler.
        const worker = createWorker(env.h, [job], { schedule: false });
        const run = worker.runNow(job.name);
        expect(await queueDepths(env.h, [job], worker)).toEqual({ [job.name]: 1 });
        release();
        await run;
        expect(await queueDepths(env.h, [job], worker)).toEqual({ [job.name]: 0 });
        return;
      }
      // PostgreSQL: a worker creates the queue and leaves; one that does not take the job puts a run on it.
      const databaseUrl = await databaseUrlOf(env.h);
      const reminders = moduleJobs().find((j) => j.name === 'tasks.stage_reminders')!;
      const first = createWorker(env.h, [reminders], { databaseUrl, schedule: false });
      await first.start();
      await first.stop();
      const sender = createWorker(env.h, [{ ...reminders, enabled: () => false }], { databaseUrl, schedule: false }) as PgBossWorker;
      await sender.start();
      try {
        await sender.send(reminders.name);
        expect(await depth()).toBe(1);
      } finally {
        await sender.stop();
      }
    } finally {
      await app.close();
    }
  });
});
