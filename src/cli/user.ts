/**
 * `khcn user add <username> --role R --province SLUG [--name "…"] [--password P]`: creates an account through
 * users.service (validated, hashed with argon2id, audited with the system as author). The password comes from
 * --password, else $KHCN_PASSWORD, else a hidden prompt on a terminal (asked twice).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { ROLES, type Role } from '../shared/roles.ts';
import { prepareDatabase } from '../server/modules/index.ts';
import { findAgencyByName } from '../server/modules/agencies/agencies.service.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { getTenantBySlug } from '../server/modules/tenants/tenants.service.ts';
import { describeDb, withDataOption, withDb, type DataOptions } from './common.ts';

interface UserAddOptions extends DataOptions {
  role: Role;
  province: string;
  name?: string;
  password?: string;
  email?: string;
  unit?: string;
}

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`unknown role "${value}" (one of: ${ROLES.join(', ')})`);
  return value as Role;
}

/** Reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value: string[] = [];
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value.join(''));
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value.push(ch);
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(o: UserAddOptions): Promise<string> {
  if (o.password) return o.password;
  if (process.env.KHCN_PASSWORD) return process.env.KHCN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('no password: pass --password, set KHCN_PASSWORD, or run in a terminal to be asked');
  const first = await promptHidden('Mật khẩu / Password: ');
  const again = await promptHidden('Nhập lại / Repeat: ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
}

export function registerUser(program: Command) {
  const user = program.command('user').description('Accounts');
  withDataOption(user.command('add <username>'))
    .description('Create an account in a province (tenant)')
    .requiredOption('--role <role>', `role: ${ROLES.join(', ')}`, parseRole)
    .requiredOption('--province <slug>', 'tenant (province) slug, e.g. tay-ninh')
    .option('--name <displayName>', 'display name (default: the username)')
    .option('--password <password>', 'password (else $KHCN_PASSWORD, else asked on the terminal)')
    .option('--email <email>', 'e-mail address')
    .option('--unit <name>', 'the agency of the province the account works in (its name, e.g. "Sở Tài chính tỉnh Tây Ninh")')
    .action(async (username: string, o: UserAddOptions) => {
      const password = await readPassword(o);
      await withDb(o, async (h, info) => {
        console.log(describeDb(h, info.dataDir));
        await prepareDatabase(h);
        const tenant = await getTenantBySlug(h.db, o.province);
        const agency = o.unit ? await findAgencyByName(h.db, tenant.id, o.unit) : null;
        if (o.unit && !agency) throw new Error(`no single agency of ${tenant.slug} in force today is named "${o.unit}" (see GET /api/agencies)`);
        const created = await createUser(h.db, {
          tenantId: tenant.id, username, displayName: o.name ?? username, password, role: o.role,
          email: o.email ?? null, agencyId: agency?.id ?? null,
        });
        console.log(`Created ${created.username} (${created.role}) in ${tenant.name} [${tenant.slug}], id ${created.id}`);
      });
    });
}
