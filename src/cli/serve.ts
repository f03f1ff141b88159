/**
 * `khcn serve`: migrate, load reference data, seed the demo with --demo, then listen. Prints exactly one line
 * `khcn listening on http://HOST:PORT` (the real port when --port 0), which scripts wait for.
 *
 * With --demo it listens first (loading-gate.ts: a page "Đang nạp dữ liệu mẫu…" for browsers, 503 for the API,
 * nothing touching the database), then opens the database, migrates, loads the reference data and seeds —
 * seconds on a fresh data directory — starts the job worker, hands the socket's requests to the app and prints
 * the demo logins and the line `DEMO_READY_LINE`, which the e2e fixture and the startup bench wait for.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { openDb, resolveDbOptions, type DbHandle } from '../server/db/client.ts';
import type { App } from '../server/http/app.ts';
import { describeDb, PGLITE_NOTE, withDataOption } from './common.ts';
import { listenLoading, LOADING_LINE, type LoadingServer } from './loading-gate.ts';
import type { JobWorker } from '../server/modules/jobs/jobs.service.ts';

/**
 * The server's modules, loaded once the loading page answers (with --demo): compiling and loading them is most
 * of a start before the database (seconds through tsx on a busy machine).
 */
async function serverModules() {
  const [{ prepareDatabase }, { DEMO_PASSWORD, seedDemo }, { buildApp }, { formatLogins }, { startJobWorker }] = await Promise.all([
    import('../server/modules/index.ts'), import('../server/seed/seed.ts'), import('../server/http/app.ts'), import('./seed.ts'), import('./worker.ts'),
  ]);
  return { prepareDatabase, DEMO_PASSWORD, seedDemo, buildApp, formatLogins, startJobWorker };
}

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

/** Printed once the demo data is in and every request is answered by the app. */
export const DEMO_READY_LINE = 'khcn demo data ready';

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
      const webDir = path.join(ROOT, 'dist');
      const webNotBuilt = existsSync(path.join(webDir, 'index.html'))
        ? [] : ['Web app not built (dist/ is missing): only the API is served. Run `npm run build` or use `npm start`.'];
      const addressLines = (base: string) => [`khcn listening on ${base}`, `API docs: ${base}/api/docs`, ...webNotBuilt];
      let closing: Promise<void> | null = null;
      let h: DbHandle | null = null;
      let worker: JobWorker | null = null;
      let workerStarted = false;
      let app: App | null = null;
      let gate: LoadingServer | null = null;

      const shutdown = (signal: string) => {
        if (closing) {
          console.log(`${signal} again: exiting now.`);
          process.exit(1);
        }
        console.log(`${signal}: shutting down…`);
        closing = (async () => {
          await gate?.close();
          if (workerStarted) await worker?.stop();
          await app?.close();
          await h?.close();
        })();
        closing.then(() => process.exit(0), (err) => {
          console.error(err);
          process.exit(1);
        });
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));

      try {
        // --demo: answer at once (a "loading" page, 503 for the API) and prepare the database and the demo data
        // behind it: a fresh data directory takes seconds (initdb, migrations, reference data, the seed).
        if (o.demo) {
          gate = await listenLoading({ port: o.port, host: o.host });
          const port = gate.port;
          // One write, so a reader that waits for the listening line also has what follows it.
          console.log([...addressLines(`http://${urlHost(o.host)}:${port}`), LOADING_LINE].join('\n'));
        }
        const started = performance.now();
        const { prepareDatabase, DEMO_PASSWORD, seedDemo, buildApp, formatLogins, startJobWorker } = await serverModules();
        h = await openDb(dbOptions);
        console.log(describeDb(h, dbOptions.dataDir));
        if (h.engine === 'pglite') console.log(PGLITE_NOTE);
        const applied = await prepareDatabase(h);
        if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
        const demo = o.demo ? await seedDemo(h) : null;

        // PGlite: the jobs can only run here. PostgreSQL: this process is one more worker on the shared queue.
        // Started before the app answers, so /readyz reports it (with --no-worker it is not required).
        if (o.worker !== false) {
          worker = await startJobWorker(h, dbOptions.databaseUrl);
          workerStarted = true;
        }
        app = await buildApp({
          dbHandle: h,
          webDir,
          logger: { level: process.env.LOG_LEVEL ?? (o.dev ? 'info' : 'warn') },
          operations: { worker },
        });
        const logins = demo && demo.logins.length > 0 ? [`Demo logins (password ${DEMO_PASSWORD}):`, formatLogins(demo.logins)] : [];
        if (gate) {
          await gate.handOver(app);
          console.log([...logins, `${DEMO_READY_LINE} (${((performance.now() - started) / 1000).toFixed(1)} s after listening)`].join('\n'));
          return;
        }
        await app.listen({ port: o.port, host: o.host });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : o.port;
        console.log([...addressLines(`http://${urlHost(o.host)}:${port}`), ...logins].join('\n'));
      } catch (err) {
        // Shutting down while the demo loads: the shutdown ends the process.
        if (closing) return;
        // A failed start (the port taken, a failed seed…) stops the worker and the server too, or pg-boss or the
        // listening socket would keep the process alive.
        await gate?.close().catch(() => undefined);
        if (workerStarted) await worker?.stop().catch(() => undefined);
        await app?.close().catch(() => undefined);
        await h?.close().catch(() => undefined);
        throw err;
      }
    });
}
