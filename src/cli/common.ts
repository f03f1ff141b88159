/** What every command shares: opening the database, printing tables, reporting errors in Vietnamese or English. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openDb, resolveDbOptions, type DbHandle } from '../server/db/client.ts';
import { AppError } from '../server/errors.ts';
import { localizeDetails, pickLang, translate, type Lang } from '../shared/i18n/messages.ts';

export interface DataOptions {
  data?: string;
}

/** Adds `--data DIR` (the PGlite data directory; ignored when DATABASE_URL is set). */
export function withDataOption(cmd: Command): Command {
  return cmd.option('--data <dir>', 'PGlite data directory (default ./data or $KHCN_DATA; ignored when DATABASE_URL is set)');
}

/** Where the database is, in words, for the first lines a command prints. */
export function describeDb(h: DbHandle, dataDir: string | undefined): string {
  if (h.engine === 'postgres') return 'Database: PostgreSQL (DATABASE_URL)';
  return `Database: PGlite in ${path.resolve(dataDir ?? '.')}`;
}

export const PGLITE_NOTE =
  'Note: PGlite (embedded) is for demos and development (fsync off, one connection); in production set DATABASE_URL to a PostgreSQL server.';

/**
 * Opens the database the environment and --data select, runs `fn`, and always closes it. With `existing`, a PGlite
 * directory that holds no database is an error instead of a new empty database.
 */
export async function withDb<T>(
  o: DataOptions, fn: (h: DbHandle, info: { dataDir?: string }) => Promise<T>, existing = false,
): Promise<T> {
  const options = resolveDbOptions(process.env, o.data);
  if (existing && options.dataDir && !existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    throw new Error(`no database in ${path.resolve(options.dataDir)} (give --data DIR or set DATABASE_URL)`);
  }
  const h = await openDb(options);
  try {
    return await fn(h, { dataDir: options.dataDir });
  } finally {
    await h.close();
  }
}

/** The language of CLI messages: KHCN_LANG, else LANG (vi unless it says English). */
export function cliLang(): Lang {
  const tag = process.env.KHCN_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return pickLang(tag.replace('_', '-'));
}

/** A plain text table with a header row and padded columns. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Prints an error the way a person reads it (AppError: the translated message and its details) and sets exit code 1. */
export function reportError(err: unknown) {
  if (err instanceof AppError) {
    const lang = cliLang();
    console.error(`khcn: ${translate(lang, err.code, err.params)} [${err.code}]`);
    if (err.details !== undefined) console.error(JSON.stringify(localizeDetails(lang, err.details), null, 2));
  } else if (err instanceof Error) {
    console.error(`khcn: ${err.message}`);
    if (process.env.KHCN_DEBUG) console.error(err.stack);
  } else {
    console.error('khcn:', err);
  }
  process.exitCode = 1;
}
