/**
 * The seeded demo database, built once per test run and cloned by every file that reads the demo rather than tests
 * the seed itself (search over the demo tasks, the fuzzer, backup and restore). The demo seed writes its tasks
 * through the services and takes tens of seconds; seeding it in each such file, on each engine, was a large share of
 * the suite's time.
 *
 * The first file that asks builds it: it takes a lock file in the run's folder (test/setup/global.ts names it),
 * seeds a clone of the migrated template, and leaves the result — a data-directory dump on PGlite, a database on
 * PostgreSQL — with a `ready.json` marker written last (by rename, so it is never read half-written). The others
 * wait for the marker, then clone the result exactly as openTestDb clones the migrated template. A failed build
 * writes its error into the marker, and every waiting file fails with it instead of waiting out its timeout.
 */
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { openDb } from '../db/client.ts';
import { registerModules } from '../modules/index.ts';
import { seedDemo } from '../seed/seed.ts';
import { adminQuery, openTestDb, scratchPostgres, type ScratchDb } from './harness.ts';

const WAIT_MS = 300_000;

interface Marker { ok: boolean; error?: string }

async function build(dir: string, postgresDb: string): Promise<void> {
  const t = inject('dbTemplate');
  if (t.kind === 'pglite') {
    const h = await openTestDb();
    try {
      await seedDemo(h);
      const dump = await h.dumpDataDir!();
      await writeFile(path.join(dir, 'demo.tar.part'), Buffer.from(await dump.arrayBuffer()));
      await rename(path.join(dir, 'demo.tar.part'), path.join(dir, 'demo.tar'));
    } finally {
      await h.close();
    }
    return;
  }
  await adminQuery(`CREATE DATABASE ${postgresDb} TEMPLATE ${t.template}`);
  const u = new URL(t.url);
  u.pathname = `/${postgresDb}`;
  const h = await openDb({ databaseUrl: u.toString(), poolSize: 4 });
  try {
    await seedDemo(h);
  } finally {
    await h.close(); // a template database takes no clone while anyone is connected to it
  }
}

async function mark(dir: string, marker: Marker) {
  await writeFile(path.join(dir, 'ready.json.part'), JSON.stringify(marker));
  await rename(path.join(dir, 'ready.json.part'), path.join(dir, 'ready.json'));
}

async function waitForMarker(dir: string): Promise<Marker> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return JSON.parse(await readFile(path.join(dir, 'ready.json'), 'utf8')) as Marker;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (Date.now() > deadline) throw new Error(`the shared demo database was not ready within ${WAIT_MS / 1000} s`);
    await sleep(250);
  }
}

/** A database holding the demo seed (`khcn seed demo`), on the engine of the run; closing it drops the clone. */
export async function openDemoDb(): Promise<ScratchDb> {
  registerModules();
  const { dir, postgresDb } = inject('sharedDemo');
  let builder = false;
  try {
    await (await open(path.join(dir, 'lock'), 'wx')).close();
    builder = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (builder) {
    try {
      await build(dir, postgresDb);
      await mark(dir, { ok: true });
    } catch (e) {
      await mark(dir, { ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
      throw e;
    }
  } else {
    const marker = await waitForMarker(dir);
    if (!marker.ok) throw new Error(`the shared demo database failed to build: ${marker.error}`);
  }
  const t = inject('dbTemplate');
  if (t.kind === 'pglite') return openDb({ loadDataDir: new Blob([await readFile(path.join(dir, 'demo.tar'))]) });
  return scratchPostgres(t.url, { prefix: 'khcn_test_demo_', template: postgresDb });
}
