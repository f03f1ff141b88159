/**
 * Once per browser run: a demo database seeded once (PGlite, a temp dir) that every test file's server starts
 * from, copied (test/e2e/fixture.ts). Seeding the demo takes ~25 s; paying it once instead of once per file keeps the
 * suite within CI's budget, and every file still starts from the same demo data on a database of its own. The
 * seed runs the same `khcn db migrate` and `khcn seed demo` a user would; the servers then start with `--demo` on the
 * copy, which finds the provinces there and leaves them as they are.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded demo database every test file's server starts from a copy of. */
    demoTemplate: string;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'khcn.mjs');
const run = promisify(execFile);

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'khcn-e2e-template-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  for (const args of [['db', 'migrate'], ['seed', 'demo']]) {
    await run(process.execPath, [CLI, ...args, '--data', dir], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  }
  project.provide('demoTemplate', dir);
  return async () => { await rm(dir, { recursive: true, force: true }); };
}
