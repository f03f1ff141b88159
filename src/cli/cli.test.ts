/**
 * The real command line, run as child processes (`node bin/khcn.mjs …`) on temporary databases: PGlite data
 * directories, or PostgreSQL databases when DATABASE_URL is set. Covers db migrate, seed demo, user add,
 * backup → restore into an empty database → backup (identical rows), the not-empty refusal, and serve.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../server/db/client.ts';
import { adminQuery } from '../server/testing/harness.ts';
import { CLI, ROOT, runCli } from '../server/testing/cli.ts';
import { DEMO_PASSWORD } from '../server/seed/seed.ts';

const template = inject('dbTemplate');

interface Target {
  /** Extra arguments (--data DIR on PGlite). */
  args: string[];
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
let work: string;

/** A database for the CLI: migrated with reference data (a copy of the run's template), or empty. */
async function newTarget(kind: 'migrated' | 'empty'): Promise<Target> {
  const env: NodeJS.ProcessEnv = { ...process.env, KHCN_LANG: 'en' };
  delete env.DATABASE_URL;
  delete env.KHCN_DATA;
  if (template.kind === 'postgres') {
    const name = `khcn_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(kind === 'migrated' ? `CREATE DATABASE ${name} TEMPLATE ${template.template}` : `CREATE DATABASE ${name}`);
    const u = new URL(template.url);
    u.pathname = `/${name}`;
    const drop = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    cleanups.push(drop);
    return { args: [], env: { ...env, DATABASE_URL: u.toString() }, drop };
  }
  const dir = await mkdtemp(path.join(work, 'data-'));
  if (kind === 'migrated') {
    // Materialise the run's migrated template as a data directory (no initdb, no reference load).
    const h = await openDb({ dataDir: dir, loadDataDir: new Blob([await readFile(template.file)]) });
    await h.close();
  }
  const drop = () => rm(dir, { recursive: true, force: true });
  return { args: ['--data', dir], env, drop };
}

const run = (args: string[], t: Target, extraEnv: NodeJS.ProcessEnv = {}) =>
  runCli([...args, ...t.args], { env: { ...t.env, ...extraEnv } });

const body = async (file: string) => (await readFile(file, 'utf8')).split('\n').slice(1).join('\n');

let source: Target;
let target: Target;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'khcn-cli-'));
  source = await newTarget('migrated');
  target = await newTarget('empty');
});

afterAll(async () => {
  for (const c of cleanups) await c().catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

describe('khcn CLI', () => {
  it('db migrate reports an up-to-date database', async () => {
    const r = await run(['db', 'migrate'], source);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Migrations: up to date.');
  }, 120_000);

  it('seed demo loads the demo provinces and prints the logins; a second run changes nothing', async () => {
    const r = await run(['seed', 'demo'], source);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Demo data loaded.');
    expect(r.stdout).toMatch(/canbo\.langson\s+dost_officer\s+lang-son\s+khcn-demo-2026/);
    const again = await run(['seed', 'demo'], source);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Provinces already exist');
    expect(again.stdout).toMatch(/admin\s+admin\s+tay-ninh\s+khcn-demo-2026/);
  }, 120_000);

  it('user add creates an account from KHCN_PASSWORD and refuses a taken username', async () => {
    const args = ['user', 'add', 'thu.nghiem', '--role', 'reviewer', '--province', 'lang-son', '--name', 'Người thử nghiệm'];
    const r = await run(args, source, { KHCN_PASSWORD: 'mat-khau-dong-lenh' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Created thu\.nghiem \(reviewer\) in Sở Khoa học và Công nghệ tỉnh Lạng Sơn/);
    const dup = await run(args, source, { KHCN_PASSWORD: 'mat-khau-dong-lenh' });
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('[common.duplicate]');
    const noProvince = await run(['user', 'add', 'ai.do', '--role', 'admin', '--province', 'ha-noi', '--password', 'mat-khau-thu-nghiem'], source);
    expect(noProvince.code).toBe(1);
    expect(noProvince.stderr).toContain('Not found: province.');
    const common = await run(['user', 'add', 'ai.do', '--role', 'admin', '--province', 'lang-son', '--password', 'matkhau123'], source);
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('"code": "password_common"');
    expect(common.stderr).toMatch(/common|phổ biến/);
  }, 120_000);

  it('backup, restore into an empty database, backup again: the same rows', async () => {
    const first = path.join(work, 'first.jsonl');
    const b = await run(['backup', first], source);
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/Backed up \d+ rows of \d+ tables/);
    const r = await run(['restore', first], target);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Restored \d+ rows/);
    const second = path.join(work, 'second.jsonl');
    expect((await run(['backup', second], target)).code).toBe(0);
    expect(await body(second)).toEqual(await body(first));
  }, 180_000);

  it('restore refuses a database with data unless --force', async () => {
    const first = path.join(work, 'first.jsonl');
    const refused = await run(['restore', first], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[backup.not_empty]');
    const forced = await run(['restore', first, '--force'], target);
    expect(forced.code).toBe(0);
  }, 180_000);

  it('serve listens on the real port, signs in a restored account, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--demo', ...target.args], {
      cwd: ROOT, env: target.env, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /^khcn listening on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(out);
        if (m && Number(m[2]) > 0 && /doanhnghiep/.test(out)) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${out}`)));
    });
    try {
      expect(out).toContain(`API docs: ${url}/api/docs`);
      // The restored database already has provinces: --demo seeds nothing and shows the demo logins it has.
      expect(out).toMatch(/doanhnghiep\s+applicant\s+tay-ninh/);
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'thu.nghiem', password: 'mat-khau-dong-lenh' }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).user.tenant.slug).toBe('lang-son');
      const demo = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      expect(demo.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('SIGTERM: shutting down');
  }, 180_000);
});
