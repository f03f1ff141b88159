/**
 * `khcn db migrate`: applies pending migrations and loads reference data.
 * `khcn db search-rebalance`: cuts the organisations' search buckets again from the rows (db/search.ts).
 */
import type { Command } from 'commander';
import { prepareDatabase } from '../server/modules/index.ts';
import { rebalanceSearch } from '../server/db/search.ts';
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
  withDataOption(db.command('search-rebalance'))
    .description('Cut the organisations\' search buckets again from the rows (after a bulk import, or when the table has grown '
      + 'well past its last rebalance): searches stay right without it, only slower. Writes wait while it runs')
    .action(async (o: DataOptions) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        const started = Date.now();
        const bounds = await h.transaction((t) => rebalanceSearch(t.db, 'organizations'));
        console.log(`Search buckets: ${bounds + 1} for organisations, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      });
    });
}
