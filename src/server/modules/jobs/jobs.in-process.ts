/**
 * The PGlite adapter of the job worker: each job runs in this process every `everyMinutes`, one run of a job at a
 * time (a run still going when the next is due is not doubled). This is the "same jobs through an adapter" of the
 * embedded engine. pg-boss could be made to run on PGlite itself (stack-notes.md: route parameterless SQL to
 * `exec()`), but its polling, maintenance and cron monitor would all queue on PGlite's single connection in the
 * server's main thread, for a queue that only ever has this one process to share with. The handlers, and the
 * idempotency they carry, are the same on both engines.
 */
import type { Db } from '../../db/client.ts';
import type { JobDefinition, JobResult, JobWorker, WorkerLiveness, WorkerOptions } from './jobs.types.ts';
import { runJob } from './jobs.run.ts';

export function inProcessWorker(db: Db, jobs: readonly JobDefinition[], o: WorkerOptions): JobWorker {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<JobResult>>();
  /** Runs under way or waiting for the previous one, per job. */
  const pending = new Map<string, number>();
  const log = o.log ?? (() => undefined);
  const heartbeatMs = o.heartbeatMs ?? 15_000;
  let heartbeat: NodeJS.Timeout | null = null;
  let lastTick: number | null = null;
  let stopped = true;

  /** Runs after the job's previous run (if any) has finished. */
  const execute = (job: JobDefinition, now?: Date): Promise<JobResult> => {
    const previous = running.get(job.name);
    pending.set(job.name, (pending.get(job.name) ?? 0) + 1);
    const run = (previous ? previous.catch(() => ({})) : Promise.resolve({}))
      .then(() => runJob(db, job, { engine: 'pglite', now, log }))
      .finally(() => { pending.set(job.name, (pending.get(job.name) ?? 1) - 1); });
    running.set(job.name, run);
    void run.catch(() => undefined).finally(() => { if (running.get(job.name) === run) running.delete(job.name); });
    return run;
  };

  const plan = (job: JobDefinition, delayMs: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      if (running.has(job.name)) return plan(job, job.everyMinutes * 60_000);
      void execute(job).catch(() => undefined).finally(() => plan(job, job.everyMinutes * 60_000));
    }, delayMs);
    timer.unref();
    timers.set(job.name, timer);
  };

  return {
    kind: 'in-process',
    async start() {
      if (!stopped) return;
      stopped = false;
      lastTick = Date.now();
      heartbeat = setInterval(() => { lastTick = Date.now(); }, heartbeatMs);
      heartbeat.unref();
      const taken = jobs.filter((j) => j.enabled?.() ?? true);
      if (o.schedule !== false) for (const job of taken) plan(job, o.firstRunAfterMs ?? 30_000);
      log(`jobs: in-process scheduler started (${taken.map((j) => j.name).join(', ') || 'no jobs'})`);
    },
    async stop() {
      stopped = true;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
    runNow(name, opts = {}) {
      const job = jobs.find((j) => j.name === name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return execute(job, opts.now);
    },
    liveness(now = new Date()): WorkerLiveness {
      const lastTickAt = lastTick === null ? null : new Date(lastTick).toISOString();
      if (lastTick === null) return { kind: 'in-process', alive: false, lastTickAt, reason: 'not_started' };
      if (stopped) return { kind: 'in-process', alive: false, lastTickAt, reason: 'stopped' };
      if (now.getTime() - lastTick > 3 * heartbeatMs) return { kind: 'in-process', alive: false, lastTickAt, reason: 'stalled' };
      return { kind: 'in-process', alive: true, lastTickAt };
    },
    pendingRuns() {
      return Object.fromEntries(jobs.map((j) => [j.name, pending.get(j.name) ?? 0]));
    },
  };
}
