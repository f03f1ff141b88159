/**
 * E2E fixture: the real CLI server on a fresh demo database, and Debian's Chromium driven by playwright-core.
 *
 * startServer() spawns `node bin/khcn.mjs serve --demo --port 0 --host 127.0.0.1 --data <temp dir>` from the
 * repository root (so it serves the built web app in dist/), waits for its `khcn listening on http://HOST:PORT`
 * line and then for `khcn demo data ready` (the server listens first and loads the demo behind a "loading" page),
 * and returns that URL. The server always uses PGlite in its own temp dir (DATABASE_URL is not passed on),
 * so every test file starts from the same demo data: a copy of the database test/e2e/global-setup.ts seeded once
 * (provided as `demoTemplate`), or a fresh one seeded by the server when run without it. stop() ends the server and removes
 * the temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'khcn.mjs');
const LISTENING = /khcn listening on (http:\/\/\S+)/;
/** src/cli/serve.ts DEMO_READY_LINE: every request is answered by the app from then on. */
const READY = /^khcn demo data ready\b/m;
const OUTPUT_KEPT = 20_000;

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long to wait for the listening line (first start runs initdb, migrations, reference data, demo seed). */
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
    throw new Error(`dist/index.html is missing in ${ROOT}: the e2e tests run against the built web app. Run \`npm run build\` first.`);
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the e2e tests start the real CLI server.`);
  // The server answers at once; the demo seed behind it takes ~15 s alone and minutes on a box shared by many runs.
  const timeoutMs = options.timeoutMs ?? 300_000;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'khcn-e2e-'));
  const template = inject('demoTemplate');
  if (template && existsSync(template)) await cp(template, dataDir, { recursive: true });
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  let stdout = '';
  let stderr = '';
  const keep = (buf: string, chunk: Buffer) => (buf + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  // Both pipes stay drained for the server's whole life, or a chatty server would block on a full pipe.
  child.stderr!.on('data', (chunk: Buffer) => { stderr = keep(stderr, chunk); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    running.delete(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`khcn server did not print "khcn listening on …" and "khcn demo data ready" within ${timeoutMs} ms.\n` +
          `stdout:\n${stdout}\nstderr:\n${stderr}`));
      }, timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout = keep(stdout, chunk);
        const m = LISTENING.exec(stdout);
        if (m && READY.test(stdout)) {
          clearTimeout(timer);
          resolve(m[1].replace(/\/+$/, ''));
        }
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`could not start the khcn server: ${e.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`khcn server exited before listening (code ${code}, signal ${signal}).\n` +
          `stdout:\n${stdout}\nstderr:\n${stderr}`));
      });
    });
    return { url, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
}

/**
 * The server and browser of one test file: started before its tests, stopped after them. `openApp()` opens the app
 * in a fresh browser context and collects the page's script errors (a flow ends by expecting none).
 */
export function appUnderTest() {
  const env = {
    server: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    async openApp(): Promise<{ page: Page; errors: string[] }> {
      const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
      // Generous waits: the box has 2 cores shared with other test runs.
      context.setDefaultTimeout(45_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(env.server.url);
      return { page, errors };
    },
  };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  }, 320_000); // startServer waits up to 300 s for the demo data
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
