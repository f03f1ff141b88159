/**
 * Vitest global setup: migrate one template database per run, which every test file then clones.
 *  - PGlite (default): the migrated data directory is dumped to a tarball; each file loads it in memory.
 *  - PostgreSQL (DATABASE_URL set): a template database; each file gets CREATE DATABASE … TEMPLATE.
 * It also names the run's shared demo database (`sharedDemo`: a folder, and on PostgreSQL a database name), which
 * the first test file that asks for the seeded demo builds and the others clone (src/server/testing/demo.ts); the
 * teardown removes both.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/server/db/client.ts';
import { prepareDatabase } from '../../src/server/modules/index.ts';


export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  await mkdir(path.resolve('.tmp'), { recursive: true });
  const demoDir = await mkdtemp(path.resolve('.tmp', 'shared-demo-'));
  const demoDb = `khcn_demo_${process.pid}_${Date.now().toString(36)}`;
  project.provide('sharedDemo', { dir: demoDir, postgresDb: demoDb });
  const dropDemo = async () => {
    await rm(demoDir, { recursive: true, force: true });
    if (!url) return;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${demoDb} WITH (FORCE)`);
    await c.end();
  };
  if (url) {
    // One template per run (several runs may share a server); each test file clones it and drops its clone.
    const TEMPLATE_DB = `khcn_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const h = await openDb({ databaseUrl: u.toString() });
    await prepareDatabase(h);
    await h.close();
    project.provide('dbTemplate', { kind: 'postgres', url, template: TEMPLATE_DB });
    return async () => {
      await dropDemo();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await c.end();
    };
  }
  const h = await openDb();
  await prepareDatabase(h);
  const dump = await h.dumpDataDir!();
  await h.close();
  const dir = path.resolve('.tmp');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `test-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', { kind: 'pglite', file });
  return async () => {
    await dropDemo();
    await rm(file, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; template: string };
    /** Where the run's seeded demo database is built once (src/server/testing/demo.ts). */
    sharedDemo: { dir: string; postgresDb: string };
  }
}
