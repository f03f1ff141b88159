/** `khcn db migrate`: applies pending migrations and loads reference data. */
import type { Command } from 'commander';
import { prepareDatabase } from '../server/modules/index.ts';
import { describeDb, withDataOption, withDb, type DataOptions } from './common.ts';

export function registerDb(program: Command) {
  const db = program.command('db').description('Database maintenance');
  withDataOption(db.command('migrate'))
    .description('Apply pending migrations, then load reference data (administrative units, science fields)')
    .action(async (o: DataOptions) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        const applied = await prepareDatabase(h);
        if (applied.length === 0) console.log('Migrations: up to date.');
        else for (const name of applied) console.log(`Applied ${name}`);
        console.log('Reference data: loaded.');
      });
    });
}
