/**
 * `khcn backup FILE` and `khcn restore FILE [--force]`: a portable JSON-lines copy of every table, restorable into
 * either engine (PGlite ⇄ PostgreSQL). Stop the server before restoring.
 */
import type { Command } from 'commander';
import { migrate } from '../server/db/migrate.ts';
import { backupTo, restoreFrom } from '../server/modules/backup/backup.service.ts';
import { describeDb, formatTable, withDataOption, withDb, type DataOptions } from './common.ts';

const summary = (tables: Record<string, { rows: number }>) =>
  formatTable(['table', 'rows'], Object.entries(tables).map(([t, s]) => [t, String(s.rows)]));

export function registerBackup(program: Command) {
  withDataOption(program.command('backup <file>'))
    .description('Write every table to FILE (JSON lines; portable between PGlite and PostgreSQL)')
    .action(async (file: string, o: DataOptions) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        const r = await backupTo(h, file);
        console.log(summary(r.tables));
        console.log(`Backed up ${r.rows} rows of ${Object.keys(r.tables).length} tables to ${file}`);
      }, true);
    });

  withDataOption(program.command('restore <file>'))
    .description('Load a backup into an empty database (migrations are applied first; they must match the backup)')
    .option('--force', 'replace the data of a database that is not empty')
    .action(async (file: string, o: DataOptions & { force?: boolean }) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        const applied = await migrate(h);
        if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
        const r = await restoreFrom(h, file, { force: o.force });
        console.log(summary(r.tables));
        console.log(`Restored ${r.rows} rows of ${Object.keys(r.tables).length} tables from ${file}`);
      });
    });
}
