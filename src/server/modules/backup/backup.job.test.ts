/**
 * The scheduled backup job, run by hand with the clock it would be given: files written when due, under their
 * pattern's name, complete (a partial never shows under that name), rotated to the newest KHCN_BACKUP_KEEP, other
 * files left alone; configured by the environment, off without KHCN_BACKUP_DIR.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.ts';
import { openTestDb } from '../../testing/harness.ts';
import { runJob } from '../jobs/jobs.service.ts';
import { moduleJobs } from '../index.ts';
import { readBackupHeader } from './backup.service.ts';
import { backupFileName, backupFileTime, backupSchedule, runScheduledBackup, scheduledBackupJob } from './backup.job.ts';

let h: DbHandle;
let dir: string;
const HOUR = 3_600_000;
/** 01/03/2026 02:00 in Vietnam. */
const T0 = new Date('2026-03-01T02:00:00+07:00');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const ENV_KEYS = ['KHCN_BACKUP_DIR', 'KHCN_BACKUP_EVERY_HOURS', 'KHCN_BACKUP_KEEP'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(() => h.close());
afterEach(async () => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

const newDir = async () => (dir = await mkdtemp(path.join(tmpdir(), 'khcn-backups-')));
const ctx = (now: Date) => ({ db: h.db, engine: h.engine, now, log: () => undefined });
const files = async () => (await readdir(dir)).sort();

describe('the scheduled backup', () => {
  it('is declared in the backup manifest, hourly, and taken only where KHCN_BACKUP_DIR is set', () => {
    expect(moduleJobs()).toContain(scheduledBackupJob);
    expect(scheduledBackupJob.everyMinutes).toBe(60);
    delete process.env.KHCN_BACKUP_DIR;
    expect(scheduledBackupJob.enabled?.()).toBe(false);
    process.env.KHCN_BACKUP_DIR = '/var/backups/khcn';
    expect(scheduledBackupJob.enabled?.()).toBe(true);
  });

  it('reads its schedule from the environment, 24 hours and 7 backups by default, refusing a bad number', () => {
    expect(backupSchedule({})).toBeNull();
    expect(backupSchedule({ KHCN_BACKUP_DIR: '/var/backups/khcn' })).toEqual({ dir: '/var/backups/khcn', everyHours: 24, keep: 7 });
    expect(backupSchedule({ KHCN_BACKUP_DIR: '/b', KHCN_BACKUP_EVERY_HOURS: '6', KHCN_BACKUP_KEEP: '28' })).toMatchObject({ everyHours: 6, keep: 28 });
    expect(() => backupSchedule({ KHCN_BACKUP_DIR: '/b', KHCN_BACKUP_KEEP: '0' })).toThrow(/KHCN_BACKUP_KEEP/);
    expect(() => backupSchedule({ KHCN_BACKUP_DIR: '/b', KHCN_BACKUP_EVERY_HOURS: '1.5' })).toThrow(/KHCN_BACKUP_EVERY_HOURS/);
  });

  it('names a backup by the minute it was made in Vietnam time, and reads the time back', () => {
    expect(backupFileName(new Date('2026-03-01T18:05:59Z'))).toBe('khcn-20260302-0105.jsonl.gz');
    expect(backupFileTime('khcn-20260302-0105.jsonl.gz')?.toISOString()).toBe('2026-03-01T18:05:00.000Z');
    for (const other of ['khcn-20260302-0105.jsonl.gz.partial-42', 'notes-20260302-0105.jsonl.gz', 'khcn-2026-03-02.jsonl.gz']) {
      expect(backupFileTime(other)).toBeNull();
    }
  });

  it('does nothing without KHCN_BACKUP_DIR', async () => {
    delete process.env.KHCN_BACKUP_DIR;
    expect(await runJob(h.db, scheduledBackupJob, { engine: h.engine, now: T0 })).toEqual({});
  });

  it('writes when due, skips until the interval has passed, and keeps the newest backups only', async () => {
    await newDir();
    // Files that are not scheduled backups, and a backup someone cut short: rotation leaves them.
    const strangers = ['ghi-chu.txt', 'khcn-truoc-nang-cap.jsonl.gz', 'khcn-20260101-0000.jsonl.gz.partial-4242'];
    for (const f of strangers) await writeFile(path.join(dir, f), 'x');
    process.env.KHCN_BACKUP_DIR = dir;
    process.env.KHCN_BACKUP_EVERY_HOURS = '24';
    process.env.KHCN_BACKUP_KEEP = '2';
    const run = (hours: number) => runJob(h.db, scheduledBackupJob, { engine: h.engine, now: at(hours) });

    expect(await run(0)).toMatchObject({ written: 1, deleted: 0 });
    expect(await files()).toEqual([...strangers, 'khcn-20260301-0200.jsonl.gz'].sort());
    const header = await readBackupHeader(path.join(dir, 'khcn-20260301-0200.jsonl.gz'));
    expect(header).toMatchObject({ khcn: 'backup', engine: h.engine });

    expect(await run(1)).toEqual({ skipped: 1 });
    expect(await run(23)).toEqual({ skipped: 1 });
    // The hourly run a few minutes early for the slot still counts as due.
    expect(await run(24 - 0.05)).toMatchObject({ written: 1, deleted: 0 });
    expect(await run(48)).toMatchObject({ written: 1, deleted: 1 });
    expect(await run(72)).toMatchObject({ written: 1, deleted: 1 });
    expect(await files()).toEqual([...strangers, 'khcn-20260303-0200.jsonl.gz', 'khcn-20260304-0200.jsonl.gz'].sort());
  });

  it('keeps the backup it has just written even when the folder holds one named later (a clock set back)', async () => {
    await newDir();
    await writeFile(path.join(dir, 'khcn-20300101-0000.jsonl.gz'), 'x');
    const result = await runScheduledBackup(ctx(T0), { dir, everyHours: 24, keep: 1 });
    expect(result).toMatchObject({ written: 1, deleted: 1 });
    expect(await files()).toEqual(['khcn-20260301-0200.jsonl.gz']);
  });
});
