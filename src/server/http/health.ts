/**
 * Health checks for a load balancer, an orchestrator or a monitor; no sign-in, no rate limit, nothing audited, not in
 * the OpenAPI document (they are not part of the API):
 *  - GET /healthz — the process is up and answering: always 200 `{ status: 'ok' }`.
 *  - GET /readyz  — this process can serve: 200 `{ status: 'ready', checks }`, else 503 `{ status: 'unready',
 *    failed: [...], checks }`. The checks:
 *      database    a query answers within `timeoutMs` (default 2 s)
 *      migrations  the database has exactly the code's migrations (`migrationFiles()`, read once at start): one
 *                  pending means `khcn db migrate` has not run; an unknown one, that a newer khcn migrated it
 *      worker      the job worker of this process is alive (modules/jobs: the in-process scheduler's heartbeat, or
 *                  pg-boss started and not stopped); `not_required` when the process runs none (`--no-worker`)
 * A failure is named by a short reason (`unreachable`, `timeout`, `pending`…); the database's own error goes to the
 * log, not to an unauthenticated caller.
 */
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../db/client.ts';
import { migrationFiles } from '../db/migrate.ts';
import type { JobWorker } from '../modules/jobs/jobs.service.ts';

export interface HealthOptions {
  dbHandle: DbHandle;
  /** The job worker this process runs; null: none (not required). */
  worker: JobWorker | null;
  /** How long the database may take to answer the readiness query. */
  timeoutMs?: number;
}

type Check = { status: 'ok' | 'fail' | 'not_required' | 'unknown'; reason?: string } & Record<string, unknown>;

class Timeout extends Error {}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Timeout()), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export const OPS_ROUTES = ['/healthz', '/readyz'] as const;

export function installHealth(app: FastifyInstance, o: HealthOptions) {
  const timeoutMs = o.timeoutMs ?? 2_000;
  let codeMigrations: Promise<string[]> | null = null;

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    const checks: Record<'database' | 'migrations' | 'worker', Check> = {
      database: { status: 'unknown' }, migrations: { status: 'unknown' }, worker: { status: 'unknown' },
    };
    let applied: string[] | null = null;
    try {
      const rows = await within(o.dbHandle.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name'), timeoutMs);
      applied = rows.map((r) => r.name);
      checks.database = { status: 'ok' };
    } catch (err) {
      const reason = err instanceof Timeout ? 'timeout' : 'unreachable';
      req.log.warn({ err: err instanceof Timeout ? undefined : err }, `readyz: database ${reason}`);
      checks.database = { status: 'fail', reason };
    }
    if (applied) {
      const code = await (codeMigrations ??= migrationFiles());
      const pending = code.filter((m) => !applied.includes(m));
      const unknown = applied.filter((m) => !code.includes(m));
      checks.migrations = pending.length || unknown.length
        ? { status: 'fail', reason: pending.length ? 'pending' : 'unknown_migrations', pending, unknown }
        : { status: 'ok', level: code.at(-1) ?? null };
    }
    if (!o.worker) {
      checks.worker = { status: 'not_required' };
    } else {
      const l = o.worker.liveness();
      checks.worker = l.alive
        ? { status: 'ok', kind: l.kind, lastTickAt: l.lastTickAt }
        : { status: 'fail', reason: l.reason, kind: l.kind, lastTickAt: l.lastTickAt };
    }
    // A check that could not run (the migrations, without a database) is not named: the one it depends on is.
    const failed = Object.entries(checks).filter(([, c]) => c.status === 'fail').map(([k]) => k);
    // A proxy or probe must never serve a cached answer.
    reply.header('cache-control', 'no-store');
    if (failed.length) return reply.status(503).send({ status: 'unready', failed, checks });
    return { status: 'ready', checks };
  });
}
