/**
 * `khcn worker` as a child process: refused on PGlite with the reason; on PostgreSQL it starts pg-boss on a copy of
 * the run's migrated template, says which jobs it runs, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { adminQuery } from '../server/testing/harness.ts';
import { CLI, ROOT, runCli } from '../server/testing/cli.ts';
const template = inject('dbTemplate');

describe('khcn worker', () => {
  it.runIf(template.kind === 'pglite')('refuses to run on PGlite, saying the jobs run inside khcn serve', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, KHCN_LANG: 'en' };
    delete env.DATABASE_URL;
    const { code, stderr } = await runCli(['worker'], { env });
    expect(code).toBe(1);
    expect(stderr).toContain('khcn worker needs PostgreSQL');
    expect(stderr).toContain('khcn serve');
  }, 60_000);

  it.runIf(template.kind === 'postgres')('runs the jobs on PostgreSQL and stops on SIGTERM', async () => {
    if (template.kind !== 'postgres') return;
    const name = `khcn_worker_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
    try {
      const u = new URL(template.url);
      u.pathname = `/${name}`;
      const child = spawn(process.execPath, [CLI, 'worker'], {
        cwd: ROOT, env: { ...process.env, DATABASE_URL: u.toString(), KHCN_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stderr.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          if (/^khcn worker running: /m.test(out)) resolve();
        });
        void exited.then((code) => reject(new Error(`worker exited (${code}) before running:\n${out}`)));
      });
      expect(out).toContain('tasks.stage_reminders (every 60 min)');
      expect(out).toContain('mail.send_outbox (every 1 min)');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGTERM: stopping the worker');
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 120_000);
});
