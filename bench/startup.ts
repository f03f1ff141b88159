/**
 * The first start of a fresh clone: `node bin/khcn.mjs serve --demo --port 0 --host 127.0.0.1 --data <new dir>`
 * (what `npm start` runs after the build) timed from the spawn
 *   - to its first answered request (the "loading" page while the demo data is prepared): startup_first_answer_ms;
 *   - to the first request answered by the app with the demo data in (a demo sign-in, 200): startup_demo_ready_ms;
 * each against the same figure of a bare Fastify process spawned the same way (node, a free port, a line on
 * stdout), measured in the same run. PGlite in a new temporary directory every time (initdb included), as a fresh
 * clone has. Run alone with `npx tsx bench/startup.ts`; `npm run bench` includes it (BENCH_STARTUP=0 skips it).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LISTENING = /listening on (http:\/\/\S+)/;
const READY = /^khcn demo data ready\b/m;
const TIMEOUT_MS = Number(process.env.BENCH_STARTUP_TIMEOUT_MS ?? 600_000);

export interface StartupFigure { bench: string; engine: 'pglite'; value: number; unit: string; baseline: number }

/** A bare Fastify server on a free port that prints its address: the least a Node web process costs to start. */
const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ ok: true }));
app.post('/api/auth/login', async () => ({ ok: true }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log('bare listening on ' + url);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

interface Timings { firstAnswer: number; ready: number }

/** Spawns, waits for the listening line (and `ready` when given), and times the first answers. */
async function time(args: string[], o: { ready?: RegExp; login?: boolean } = {}): Promise<Timings> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => { err = (err + c.toString('utf8')).slice(-10_000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const seen = (re: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${re} within ${TIMEOUT_MS} ms:\n${out}\n${err}`)), TIMEOUT_MS);
    const check = () => {
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      check();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before ${re}:\n${out}\n${err}`));
    });
    check();
  });
  try {
    const url = (await seen(LISTENING))[1].replace(/\/+$/, '');
    await fetch(`${url}/`, { headers: { accept: 'text/html' } }).then((r) => r.arrayBuffer());
    const firstAnswer = performance.now() - t0;
    if (o.ready) await seen(o.ready);
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'canbo', password: 'khcn-demo-2026' }),
    });
    await res.arrayBuffer();
    if (o.login && res.status !== 200) throw new Error(`the demo sign-in answered ${res.status} after the ready line`);
    return { firstAnswer, ready: performance.now() - t0 };
  } finally {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}

export async function startupFigures(log: (msg: string) => void = () => undefined): Promise<StartupFigure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'khcn-bench-start-'));
  try {
    const bare = await time(['--input-type=module', '-e', BARE]);
    const khcn = await time([path.join(ROOT, 'bin', 'khcn.mjs'), 'serve', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', dir],
      { ready: READY, login: true });
    log(`startup: bare Fastify answers after ${bare.firstAnswer.toFixed(0)} ms; khcn --demo on a fresh data dir answers after `
      + `${khcn.firstAnswer.toFixed(0)} ms (target 5,000 ms: ${khcn.firstAnswer <= 5000 ? 'met' : 'NOT met'}), demo data ready after ${khcn.ready.toFixed(0)} ms`);
    return [
      { bench: 'startup_first_answer_ms', engine: 'pglite', value: khcn.firstAnswer, unit: 'ms', baseline: bare.firstAnswer },
      { bench: 'startup_demo_ready_ms', engine: 'pglite', value: khcn.ready, unit: 'ms', baseline: bare.ready },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('startup.ts')) {
  for (const f of await startupFigures((m) => process.stderr.write(`[bench] ${m}\n`))) {
    process.stdout.write(`${JSON.stringify({ ...f, value: Number(f.value.toFixed(2)), baseline: Number(f.baseline.toFixed(2)), ratio: Number((f.value / f.baseline).toFixed(3)) })}\n`);
  }
}
