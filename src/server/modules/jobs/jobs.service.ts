/**
 * Runs the modules' scheduled jobs (their manifests' `jobs`), on either engine:
 *  - PostgreSQL: pg-boss 10 in its own schema `pgboss`. Each interval becomes a cron schedule; pg-boss sends one job
 *    per slot however many workers run, and each job is fetched by one worker (SKIP LOCKED). `khcn serve` runs a
 *    worker in-process by default and `khcn worker` runs one on its own, so any number of processes share the queue.
 *  - PGlite: its data directory belongs to the one process that opened it, so the same handlers run inside the
 *    server on a timer (jobs.in-process.ts). No pgboss schema, no polling on the single connection.
 * Either way a handler gets `{ db, now, log }` and must be idempotent (jobs.types.ts); nothing here prevents a
 * second run, the job's own unique keys make it harmless.
 */
import type { DbHandle } from '../../db/client.ts';
import type { JobDefinition, JobWorker, WorkerOptions } from './jobs.types.ts';
import { inProcessWorker } from './jobs.in-process.ts';
import { pgBossQueueSizes, pgBossWorker } from './jobs.pg-boss.ts';

export { runJob } from './jobs.run.ts';
export {
  cronOf, defineJob, type JobContext, type JobDefinition, type JobResult, type JobWorker, type WorkerLiveness, type WorkerOptions,
} from './jobs.types.ts';

/** The worker for this database: pg-boss on PostgreSQL (needs `databaseUrl`), the in-process timer on PGlite. */
export function createWorker(h: DbHandle, jobs: readonly JobDefinition[], o: WorkerOptions = {}): JobWorker {
  const names = new Set<string>();
  for (const j of jobs) {
    if (names.has(j.name)) throw new Error(`job ${j.name} is declared twice`);
    names.add(j.name);
  }
  if (h.engine === 'pglite') return inProcessWorker(h.db, jobs, o);
  if (!o.databaseUrl) throw new Error('the pg-boss worker needs the PostgreSQL connection string (DATABASE_URL)');
  return pgBossWorker(h.db, jobs, { ...o, databaseUrl: o.databaseUrl });
}

/**
 * How many runs of each job wait, for the metrics: on PostgreSQL pg-boss's queue sizes (the queue is the database's,
 * so any process sees every worker's backlog); on PGlite the runs under way or waiting in this process's scheduler.
 */
export async function queueDepths(h: DbHandle, jobs: readonly JobDefinition[], worker: JobWorker | null): Promise<Record<string, number>> {
  if (h.engine === 'postgres') return pgBossQueueSizes(h, jobs.map((j) => j.name));
  const pending = worker?.pendingRuns() ?? {};
  return Object.fromEntries(jobs.map((j) => [j.name, pending[j.name] ?? 0]));
}
