/**
 * The scheduled backup (job `backup.scheduled`), configured by the environment of the process that runs the jobs:
 *   KHCN_BACKUP_DIR          the folder (unset: no scheduled backup; the job is not taken by this process)
 *   KHCN_BACKUP_EVERY_HOURS  how often, in hours (default 24)
 *   KHCN_BACKUP_KEEP         how many backups to keep (default 7)
 * Each backup is the whole database through backup.service.ts, gzip-compressed, named khcn-YYYYMMDD-HHmm.jsonl.gz
 * (Vietnam time). It is written under a temporary name and renamed when complete, so the folder never holds half a
 * backup under a backup's name. The job wakes every hour and writes when the newest backup in the folder is at
 * least the interval old: any interval works, a restart or a second run of the same slot writes nothing more.
 * Rotation keeps the newest KHCN_BACKUP_KEEP and deletes older files of exactly that name pattern — never another
 * file, never a partial one.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { vietnamMinute } from '../../../lib/vi/dates.ts';
import { defineJob, type JobContext, type JobResult } from '../jobs/jobs.service.ts';
import { backupTo } from './backup.service.ts';

export interface BackupSchedule {
  dir: string;
  everyHours: number;
  keep: number;
}

const BACKUP_NAME = /^khcn-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})\.jsonl\.gz$/;
const HOUR_MS = 3_600_000;
/** A run this much before the interval is up still counts as due (the hourly runs start a little after the hour). */
const EARLY_MS = 10 * 60_000;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1 (it is "${raw}")`);
  return n;
}

/** The schedule the environment asks for; null when KHCN_BACKUP_DIR is unset (scheduled backups off). */
export function backupSchedule(env: NodeJS.ProcessEnv): BackupSchedule | null {
  const dir = env.KHCN_BACKUP_DIR?.trim();
  if (!dir) return null;
  return {
    dir: path.resolve(dir),
    everyHours: wholeNumber(env, 'KHCN_BACKUP_EVERY_HOURS', 24),
    keep: wholeNumber(env, 'KHCN_BACKUP_KEEP', 7),
  };
}

/** khcn-YYYYMMDD-HHmm.jsonl.gz for the instant, in Vietnam time. */
export function backupFileName(at: Date): string {
  const m = vietnamMinute(at);
  return `khcn-${m.slice(0, 4)}${m.slice(5, 7)}${m.slice(8, 10)}-${m.slice(11, 13)}${m.slice(14, 16)}.jsonl.gz`;
}

/** When a scheduled backup was made, from its name; null for any other file. */
export function backupFileTime(name: string): Date | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+07:00`);
  return Number.isNaN(t.getTime()) ? null : t;
}

/** One run: a backup if one is due, then the rotation. Counts: written, skipped (not due), deleted, rows. */
export async function runScheduledBackup(ctx: JobContext, s: BackupSchedule): Promise<JobResult> {
  await mkdir(s.dir, { recursive: true });
  // Names sort as their times do.
  const existing = (await readdir(s.dir)).filter((n) => backupFileTime(n) !== null).sort();
  const now = ctx.now.getTime();
  const recent = existing.some((n) => {
    const age = now - backupFileTime(n)!.getTime();
    return age >= 0 && age < s.everyHours * HOUR_MS - EARLY_MS;
  });
  if (recent) return { skipped: 1 };
  const name = backupFileName(ctx.now);
  const result = await backupTo({ db: ctx.db, engine: ctx.engine }, path.join(s.dir, name));
  ctx.log(`wrote ${path.join(s.dir, name)} (${result.rows} rows)`);
  // The new file is kept whatever the others' names say; of the others, the newest keep − 1.
  const others = existing.filter((n) => n !== name);
  const old = others.slice(0, Math.max(0, others.length - (s.keep - 1)));
  for (const n of old) await rm(path.join(s.dir, n), { force: true });
  return { written: 1, rows: result.rows, deleted: old.length };
}

export const scheduledBackupJob = defineJob({
  name: 'backup.scheduled',
  description: 'A gzip backup of the whole database into KHCN_BACKUP_DIR every KHCN_BACKUP_EVERY_HOURS hours, keeping KHCN_BACKUP_KEEP',
  everyMinutes: 60,
  // A large database (attachments live in it) takes a while at gzip level 9; pg-boss must not retry it meanwhile.
  timeoutMinutes: 180,
  enabled: () => backupSchedule(process.env) !== null,
  async run(ctx) {
    const schedule = backupSchedule(process.env);
    return schedule ? runScheduledBackup(ctx, schedule) : {};
  },
});
