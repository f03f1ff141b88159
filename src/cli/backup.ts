/**
 * `khcn backup FILE` and `khcn restore FILE [--force]`: a portable JSON-lines copy of every table (gzip when FILE
 * ends in .gz), restorable into either engine (PGlite ⇄ PostgreSQL) and from an older migration level, which restore
 * migrates forward. Stop the server before restoring.
 */
import type { Command } from 'commander';
import { backupTo, restoreFrom } from '../server/modules/backup/backup.service.ts';
import { describeDb, formatTable, withDataOption, withDb, type DataOptions } from './common.ts';

const summary = (tables: Record<string, { rows: number }>) =>
  formatTable(['table', 'rows'], Object.entries(tables).map(([t, s]) => [t, String(s.rows)]));

export function registerBackup(program: Command) {
  withDataOption(program.command('backup <file>'))
    .description('Write every table to FILE (JSON lines, gzip-compressed when FILE ends in .gz; portable between PGlite and PostgreSQL)')
    .action(async (file: string, o: DataOptions) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        const r = await backupTo(h, file);
        console.log(summary(r.tables));
        console.log(`Backed up ${r.rows} rows of ${Object.keys(r.tables).length} tables to ${file}`);
      }, true);
    });

  withDataOption(program.command('restore <file>'))
    .description('Replace the database with a backup (FILE.gz: gzip). The schema is rebuilt at the backup\'s migration '
      + 'level, its rows loaded, then the newer migrations applied to them, all in one transaction; then reference data '
      + 'is loaded. A backup from a newer khcn or another set of migrations is refused. Stop the server first')
    .option('--force', 'replace a database that already has provinces (tenants)')
    .action(async (file: string, o: DataOptions & { force?: boolean }) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        const r = await restoreFrom(h, file, { force: o.force });
        console.log(summary(r.tables));
        console.log(`Restored ${r.rows} rows of ${Object.keys(r.tables).length} tables from ${file} (level ${r.level})`);
        console.log(r.migrated.length > 0 ? `Migrated forward: ${r.migrated.join(', ')}` : 'Migrations: the backup was at this version\'s level.');
      });
    });
}
