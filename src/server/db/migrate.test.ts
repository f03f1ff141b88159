/** Migrating: in order, once, and safe when two processes (a server and a worker) start on one database together. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from './client.ts';
import { migrate, migrationFiles } from './migrate.ts';
import { openEmptyDb, type ScratchDb } from '../testing/harness.ts';

let h: ScratchDb;
let code: string[];
beforeAll(async () => {
  h = await openEmptyDb();
  code = await migrationFiles();
});
afterAll(async () => {
  await h?.close();
});

describe('migrate', () => {
  it('applies every migration once, in name order, and nothing the second time', async () => {
    const first = await migrate(h, { upTo: code[2] });
    expect(first).toEqual(code.slice(0, 3));
    const rest = await migrate(h);
    expect(rest).toEqual(code.slice(3));
    expect(await migrate(h)).toEqual([]);
    const rows = await h.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(code);
  });

  it('lets two processes migrate an empty database at once: each migration is applied by exactly one', async () => {
    const fresh = await openEmptyDb();
    let second: DbHandle | null = null;
    try {
      // PGlite's data belongs to one process, so the race exists on PostgreSQL only; there, two pools on one database.
      second = fresh.databaseUrl ? await openDb({ databaseUrl: fresh.databaseUrl, poolSize: 2 }) : fresh;
      const [a, b] = await Promise.all([migrate(fresh), migrate(second)]);
      expect([...a, ...b].sort()).toEqual(code);
      expect(new Set([...a, ...b]).size).toBe(code.length);
      const rows = await fresh.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0].n).toBe(code.length);
    } finally {
      if (second && second !== fresh) await second.close();
      await fresh.close();
    }
  });
});
