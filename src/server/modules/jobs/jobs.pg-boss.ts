/**
 * The PostgreSQL job worker: pg-boss 10 in the schema `pgboss` (its own tables, outside `public`: backups and the
 * manifest's table owners do not see them). pg-boss opens its own small pool from the connection string; the
 * handlers work through the app's database. Each job is a queue with a cron schedule (Vietnam time); pg-boss's
 * timekeeper sends one job per slot across all workers, and each job goes to one worker. A job whose data carries
 * `now` (an ISO instant) runs to that clock: tests send such jobs.
 */
import PgBoss from 'pg-boss';
import type { Db, DbHandle } from '../../db/client.ts';
import { cronOf, type JobDefinition, type JobResult, type JobWorker, type WorkerLiveness, type WorkerOptions } from './jobs.types.ts';
import { runJob } from './jobs.run.ts';

export const PGBOSS_SCHEMA = 'pgboss';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface PgBossWorker extends JobWorker {
  /** Puts a job on the queue for any worker to take; returns its id. */
  send(name: string, data?: { now?: string }): Promise<string>;
  /** The job's state: created, retry, active, completed, cancelled, failed (null when unknown). */
  stateOf(name: string, id: string): Promise<string | null>;
}

export function pgBossWorker(db: Db, jobs: readonly JobDefinition[], o: WorkerOptions & { databaseUrl: string }): PgBossWorker {
  const log = o.log ?? (() => undefined);
  const boss = new PgBoss({
    connectionString: o.databaseUrl, schema: PGBOSS_SCHEMA, max: 3, application_name: 'khcn-worker',
    schedule: o.schedule !== false,
  });
  boss.on('error', (err: Error) => log(`jobs: pg-boss error: ${err.message}`));
  let started = false;
  let startedAt: Date | null = null;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const inHand = new Map<string, number>();

  const handle = (job: JobDefinition) => async (batch: PgBoss.Job<{ now?: string }>[]) => {
    inHand.set(job.name, (inHand.get(job.name) ?? 0) + batch.length);
    try {
      for (const j of batch) await runJob(db, job, { engine: 'postgres', now: j.data?.now ? new Date(j.data.now) : undefined, log });
    } finally {
      inHand.set(job.name, (inHand.get(job.name) ?? batch.length) - batch.length);
    }
  };

  return {
    kind: 'pg-boss',
    async start() {
      if (started) return;
      await boss.start();
      started = true;
      startedAt = new Date();
      const taken = jobs.filter((j) => j.enabled?.() ?? true);
      for (const job of taken) {
        // Retried twice a minute apart; a run longer than its timeout (default 15 minutes) is presumed dead and retried.
        await boss.createQueue(job.name, {
          name: job.name, retryLimit: 2, retryDelay: 60, expireInSeconds: (job.timeoutMinutes ?? 15) * 60,
        });
        if (o.schedule !== false) await boss.schedule(job.name, cronOf(job.everyMinutes), {}, { tz: TIME_ZONE });
        await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 }, handle(job));
      }
      log(`jobs: pg-boss worker started (${taken.map((j) => j.name).join(', ') || 'no jobs'})`);
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
    async runNow(name, opts = {}): Promise<JobResult> {
      const job = byName.get(name);
      if (!job) throw new Error(`no job named ${name}`);
      return runJob(db, job, { engine: 'postgres', now: opts.now, log });
    },
    liveness(): WorkerLiveness {
      const lastTickAt = startedAt?.toISOString() ?? null;
      if (started) return { kind: 'pg-boss', alive: true, lastTickAt };
      return { kind: 'pg-boss', alive: false, lastTickAt, reason: startedAt ? 'stopped' : 'not_started' };
    },
    pendingRuns() {
      return Object.fromEntries(jobs.map((j) => [j.name, inHand.get(j.name) ?? 0]));
    },
    async send(name, data = {}) {
      if (!byName.has(name)) throw new Error(`no job named ${name}`);
      const id = await boss.send(name, data);
      if (!id) throw new Error(`pg-boss did not accept a job for ${name}`);
      return id;
    },
    async stateOf(name, id) {
      const job = await boss.getJobById(name, id);
      return job?.state ?? null;
    },
  };
}

/**
 * Jobs waiting in pg-boss's queues (created or retrying, not yet taken), per job name: pg-boss's `getQueueSize`,
 * through the app's own connections (a pg-boss instance that is never started opens no pool). Any process can ask,
 * `khcn serve --no-worker` included, since the queue is the database's. Before any worker has created the pgboss
 * schema, every queue is empty.
 */
const monitors = new WeakMap<DbHandle, PgBoss>();

export async function pgBossQueueSizes(h: DbHandle, names: readonly string[]): Promise<Record<string, number>> {
  const [schema] = await h.query<{ job: string | null }>(`SELECT to_regclass('${PGBOSS_SCHEMA}.job')::text AS job`);
  if (!schema?.job) return Object.fromEntries(names.map((n) => [n, 0]));
  let boss = monitors.get(h);
  if (!boss) {
    boss = new PgBoss({
      schema: PGBOSS_SCHEMA,
      db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await h.query(text, values ?? []) }) },
    });
    monitors.set(h, boss);
  }
  const out: Record<string, number> = {};
  for (const n of names) out[n] = (await boss.getQueueSize(n)) ?? 0;
  return out;
}
