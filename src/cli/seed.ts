/** `khcn seed demo`: the demo provinces, organisations, experts and logins (skipped when tenants exist). */
import type { Command } from 'commander';
import { prepareDatabase } from '../server/modules/index.ts';
import { seedDemo, type DemoLogin } from '../server/seed/seed.ts';
import { describeDb, formatTable, withDataOption, withDb, type DataOptions } from './common.ts';

export function formatLogins(logins: DemoLogin[]): string {
  return formatTable(['username', 'role', 'province', 'password'], logins.map((l) => [l.username, l.role, l.tenant, l.password]));
}

export function registerSeed(program: Command) {
  const seed = program.command('seed').description('Sample data');
  withDataOption(seed.command('demo'))
    .description('Load the demo data (Tây Ninh incl. the former Long An, Lạng Sơn, An Giang); does nothing when provinces exist')
    .action(async (o: DataOptions) => {
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        await prepareDatabase(h);
        const { created, logins } = await seedDemo(h);
        console.log(created ? 'Demo data loaded.' : 'Provinces already exist: demo data left as it is.');
        if (logins.length > 0) console.log(`Demo logins:\n${formatLogins(logins)}`);
      });
    });
}
