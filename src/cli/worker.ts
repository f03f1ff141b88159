/**
 * `khcn worker`: runs only the scheduled jobs (reminders, the mail outbox), on PostgreSQL. Any number of workers —
 * and `khcn serve` processes, which run one too unless `--no-worker` — share pg-boss's queue; each job is
 * idempotent, so a run taken twice does its work once. On PGlite the data directory belongs to the one process
 * that opened it, so there the jobs run inside `khcn serve` and this command refuses. Stops cleanly on SIGTERM.
 */
import type { Command } from 'commander';
import { openDb, resolveDbOptions } from '../server/db/client.ts';
import { moduleJobs, prepareDatabase } from '../server/modules/index.ts';
import { createWorker, type JobWorker } from '../server/modules/jobs/jobs.service.ts';
import { describeDb } from './common.ts';

export const PGLITE_WORKER_REFUSAL =
  'khcn worker needs PostgreSQL (set DATABASE_URL): a PGlite data directory belongs to the one process that opened it, '
  + 'so on PGlite the scheduled jobs run inside `khcn serve`.';

/** Starts the job worker of a process (serve or worker) and stops it with the process; logs to stdout. */
export async function startJobWorker(h: Parameters<typeof createWorker>[0], databaseUrl: string | undefined): Promise<JobWorker> {
  const worker = createWorker(h, moduleJobs(), { databaseUrl, log: (line) => console.log(line) });
  await worker.start();
  return worker;
}

export function registerWorker(program: Command) {
  program.command('worker')
    .description('Run the scheduled jobs only (reminders, e-mail), PostgreSQL only; any number of workers share the queue')
    .action(async () => {
      const dbOptions = resolveDbOptions(process.env);
      if (!dbOptions.databaseUrl) throw new Error(PGLITE_WORKER_REFUSAL);
      const h = await openDb(dbOptions);
      let worker: JobWorker | null = null;
      let closing = false;
      const shutdown = (signal: string) => {
        if (closing) {
          console.log(`${signal} again: exiting now.`);
          process.exit(1);
        }
        closing = true;
        console.log(`${signal}: stopping the worker…`);
        (async () => {
          await worker?.stop();
          await h.close();
        })().then(() => process.exit(0), (err) => {
          console.error(err);
          process.exit(1);
        });
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      try {
        console.log(describeDb(h, undefined));
        await prepareDatabase(h);
        worker = await startJobWorker(h, dbOptions.databaseUrl);
        console.log(`khcn worker running: ${moduleJobs().map((j) => `${j.name} (every ${j.everyMinutes} min)`).join(', ')}`);
      } catch (err) {
        if (!closing) await h.close().catch(() => undefined);
        throw err;
      }
    });
}
