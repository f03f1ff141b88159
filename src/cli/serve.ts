/**
 * `khcn serve`: migrate, load reference data, seed the demo with --demo, then listen. Prints exactly one line
 * `khcn listening on http://HOST:PORT` (the real port when --port 0), which scripts and the e2e fixture wait for.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { openDb, resolveDbOptions } from '../server/db/client.ts';
import { prepareDatabase } from '../server/modules/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/seed/seed.ts';
import { buildApp } from '../server/http/app.ts';
import { formatLogins } from './seed.ts';
import { describeDb, PGLITE_NOTE, withDataOption } from './common.ts';
import { startJobWorker } from './worker.ts';
import type { JobWorker } from '../server/modules/jobs/jobs.service.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ServeOptions {
  port: number;
  host: string;
  data?: string;
  demo?: boolean;
  dev?: boolean;
  /** false with --no-worker. */
  worker?: boolean;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError(`invalid port "${value}" (0–65535; 0 picks a free port)`);
  return n;
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

export function registerServe(program: Command) {
  withDataOption(program.command('serve'))
    .description('Start the web app and the API')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', parsePort, Number(process.env.PORT ?? 3000))
    .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--demo', 'load the demo data first (when the database has no provinces yet) and print the demo logins')
    .option('--dev', 'development: log every request')
    .option('--no-worker', 'do not run the scheduled jobs (reminders, e-mail) in this process; on PostgreSQL run `khcn worker` instead')
    .action(async (o: ServeOptions) => {
      const dbOptions = resolveDbOptions(process.env, o.data);
      const h = await openDb(dbOptions);
      let closing: Promise<void> | null = null;
      let worker: JobWorker | null = null;
      try {
        console.log(describeDb(h, dbOptions.dataDir));
        if (h.engine === 'pglite') console.log(PGLITE_NOTE);
        const applied = await prepareDatabase(h);
        if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
        const demo = o.demo ? await seedDemo(h) : null;

        const webDir = path.join(ROOT, 'dist');
        // PGlite: the jobs can only run here. PostgreSQL: this process is one more worker on the shared queue.
        // Started first, so /readyz reports it (with --no-worker it is not required).
        worker = o.worker === false ? null : await startJobWorker(h, dbOptions.databaseUrl);
        const app = await buildApp({
          dbHandle: h,
          webDir,
          logger: { level: process.env.LOG_LEVEL ?? (o.dev ? 'info' : 'warn') },
          operations: { worker },
        });
        const shutdown = (signal: string) => {
          if (closing) {
            console.log(`${signal} again: exiting now.`);
            process.exit(1);
          }
          console.log(`${signal}: shutting down…`);
          closing = (async () => {
            await worker?.stop();
            await app.close();
            await h.close();
          })();
          closing.then(() => process.exit(0), (err) => {
            console.error(err);
            process.exit(1);
          });
        };
        process.on('SIGINT', () => shutdown('SIGINT'));
        process.on('SIGTERM', () => shutdown('SIGTERM'));

        await app.listen({ port: o.port, host: o.host });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : o.port;
        const base = `http://${urlHost(o.host)}:${port}`;
        // One write, so a reader that waits for the listening line also has what follows it.
        const lines = [`khcn listening on ${base}`, `API docs: ${base}/api/docs`];
        if (!existsSync(path.join(webDir, 'index.html'))) {
          lines.push('Web app not built (dist/ is missing): only the API is served. Run `npm run build` or use `npm start`.');
        }
        if (demo && demo.logins.length > 0) {
          lines.push(`Demo logins (password ${DEMO_PASSWORD}):`, formatLogins(demo.logins));
        }
        console.log(lines.join('\n'));
      } catch (err) {
        // A failed start (the port taken…) stops the worker too, or pg-boss would keep the process alive.
        if (!closing) {
          await worker?.stop().catch(() => undefined);
          await h.close().catch(() => undefined);
        }
        throw err;
      }
    });
}
