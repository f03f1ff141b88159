/**
 * The worker's liveness (what /readyz reports) and the jobs a process takes, on the run's engine: the in-process
 * scheduler on PGlite, pg-boss on PostgreSQL. The handlers themselves are tested by their modules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.ts';
import { openTestDb } from '../../testing/harness.ts';
import { databaseUrlOf, engine } from '../../testing/concurrency.ts';
import { createWorker, defineJob, type WorkerOptions } from './jobs.service.ts';

let h: DbHandle;
let databaseUrl: string | undefined;

beforeAll(async () => {
  h = await openTestDb();
  databaseUrl = h.engine === 'postgres' ? await databaseUrlOf(h) : undefined;
});
afterAll(() => h.close());

const job = (name: string, o: { enabled?: () => boolean } = {}) =>
  defineJob({ name, description: name, everyMinutes: 60, run: async () => ({ ran: 1 }), ...o });

const worker = (jobs: ReturnType<typeof job>[], o: WorkerOptions = {}) => createWorker(h, jobs, { databaseUrl, schedule: false, ...o });

describe('a job worker', () => {
  it('is not alive before it starts, alive while it runs, and not alive once stopped', async () => {
    const w = worker([job('jobs_test.a')]);
    expect(w.liveness()).toMatchObject({ alive: false, reason: 'not_started', lastTickAt: null });
    await w.start();
    try {
      const l = w.liveness();
      expect(l).toMatchObject({ alive: true, kind: h.engine === 'postgres' ? 'pg-boss' : 'in-process' });
      expect(l.lastTickAt).not.toBeNull();
    } finally {
      await w.stop();
    }
    expect(w.liveness()).toMatchObject({ alive: false, reason: 'stopped' });
  });

  it.runIf(engine() === 'pglite')('on PGlite, counts as stalled when its scheduler has not ticked for three heartbeats', async () => {
    const w = worker([job('jobs_test.b')], { heartbeatMs: 1_000 });
    await w.start();
    try {
      const started = Date.parse(w.liveness().lastTickAt!);
      expect(w.liveness(new Date(started + 2_999)).alive).toBe(true);
      expect(w.liveness(new Date(started + 3_001))).toMatchObject({ alive: false, reason: 'stalled' });
    } finally {
      await w.stop();
    }
  });

  it('takes only the jobs enabled in this process, and still runs a disabled one on request', async () => {
    const lines: string[] = [];
    const off = job('jobs_test.off', { enabled: () => false });
    const w = worker([job('jobs_test.on'), off], { log: (l) => lines.push(l) });
    await w.start();
    try {
      expect(lines.find((l) => l.startsWith('jobs: '))).toMatch(/started \(jobs_test\.on\)$/);
      expect(await w.runNow(off.name)).toEqual({ ran: 1 });
    } finally {
      await w.stop();
    }
  });
});
