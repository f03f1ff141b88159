/**
 * What a module declares to have work done on a schedule: `jobs: [defineJob({ name, description, everyMinutes,
 * run })]` in its manifest. A job must be idempotent — run twice, by two workers at once or again after a crash, it
 * does its work once — because every engine may run it more than once: pg-boss retries a failed job, the in-process
 * scheduler reruns on the next tick, two `khcn worker` processes may each pick a run up. Reminders get this from
 * the inbox (`notify` with a period key); anything else from its own unique keys.
 */
import type { Db, Engine } from '../../db/client.ts';

export interface JobContext {
  db: Db;
  /** The engine `db` runs on (a backup's header names it). */
  engine: Engine;
  /** The clock the job works to: the moment it was scheduled for, or what a test passes. Never read Date.now(). */
  now: Date;
  log(message: string): void;
}

/** What a run did, for the log (counts by name: `{ sent: 2, skipped: 5 }`). */
export type JobResult = Record<string, number>;

export interface JobDefinition {
  /** Unique, dotted, prefixed with the module: `tasks.stage_reminders`. */
  name: string;
  description: string;
  /**
   * How often it runs, in minutes: a divisor of 60 (every N minutes) or a multiple of 60 dividing 1440 (every N hours
   * on the hour, Vietnam time), so that pg-boss's cron and the in-process timer agree.
   */
  everyMinutes: number;
  /** pg-boss: a run still going after this long is presumed dead and retried (default 15 minutes). */
  timeoutMinutes?: number;
  /**
   * Whether this process takes the job (default: yes), asked when the worker starts: the scheduled backup runs only
   * where KHCN_BACKUP_DIR is set, so a worker without it never takes a run and skips it. `runNow` ignores it.
   */
  enabled?: () => boolean;
  run(ctx: JobContext): Promise<JobResult | void>;
}

export function defineJob(job: JobDefinition): JobDefinition {
  cronOf(job.everyMinutes); // refuses an interval the schedule cannot express, at import time
  if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(job.name)) throw new Error(`job name "${job.name}" must be dotted snake_case, e.g. "tasks.stage_reminders"`);
  return job;
}

/** The 5-field cron expression of an interval (see `everyMinutes`). */
export function cronOf(everyMinutes: number): string {
  if (Number.isInteger(everyMinutes) && everyMinutes >= 1 && everyMinutes < 60 && 60 % everyMinutes === 0) {
    return everyMinutes === 1 ? '* * * * *' : `*/${everyMinutes} * * * *`;
  }
  const hours = everyMinutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && hours <= 24 && 24 % hours === 0) {
    return hours === 24 ? '0 0 * * *' : hours === 1 ? '0 * * * *' : `0 */${hours} * * *`;
  }
  throw new Error(`everyMinutes ${everyMinutes}: use a divisor of 60, or a multiple of 60 that divides 1440`);
}

export interface JobWorker {
  kind: 'pg-boss' | 'in-process';
  start(): Promise<void>;
  /** Stops taking work and waits for running jobs to finish. */
  stop(): Promise<void>;
  /** Runs one job now in this process, with the clock a test passes (default: now). */
  runNow(name: string, o?: { now?: Date }): Promise<JobResult>;
  /** Whether this worker is running, for `/readyz`. */
  liveness(now?: Date): WorkerLiveness;
  /** Runs of each job under way or waiting in this process (PGlite's queue depth; pg-boss: the batches in hand). */
  pendingRuns(): Record<string, number>;
}

/**
 * In-process: started, not stopped, and its scheduler's heartbeat ticked within three beats (a stopped or wedged
 * timer chain shows). pg-boss: started and not stopped (pg-boss keeps its own supervision and reconnects).
 */
export interface WorkerLiveness {
  kind: JobWorker['kind'];
  alive: boolean;
  /** The scheduler's last tick (in-process) or when pg-boss started; null before the first start. */
  lastTickAt: string | null;
  /** Why it is not alive. */
  reason?: 'not_started' | 'stopped' | 'stalled';
}

export interface WorkerOptions {
  log?: (line: string) => void;
  /** PostgreSQL: the connection string pg-boss opens its own small pool with. */
  databaseUrl?: string;
  /** Create the schedules (default true). Tests turn it off and send jobs themselves. */
  schedule?: boolean;
  /** pg-boss: how often an idle worker looks for a job (default 2 s). */
  pollingIntervalSeconds?: number;
  /** In-process: delay before the first run of each job after start (default 30 s). */
  firstRunAfterMs?: number;
  /** In-process: how often the scheduler's heartbeat ticks (default 15 s). */
  heartbeatMs?: number;
}
