/**
 * THE module manifest: every feature module, in dependency order. The app mounts their routes, the migrator runs
 * their reference loaders, the demo seed and the worker call their registrations — all from this list. A new module
 * is its folder with a `<name>.module.ts`, and one line here (docs/ARCHITECTURE.md, "Adding a module").
 */
import type { DbHandle } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { ModuleManifest } from './module.ts';
import { tenantsModule } from './tenants/tenants.module.ts';
import { adminUnitsModule } from './admin-units/admin-units.module.ts';
import { scienceFieldsModule } from './science-fields/science-fields.module.ts';
import { auditModule } from './audit/audit.module.ts';
import { authModule } from './auth/auth.module.ts';
import { organizationsModule } from './organizations/organizations.module.ts';
import { peopleModule } from './people/people.module.ts';
import { agenciesModule } from './agencies/agencies.module.ts';
import { usersModule } from './users/users.module.ts';
import { rulesModule } from './rules/rules.module.ts';
import { workflowModule } from './workflow/workflow.module.ts';
import { documentsModule } from './documents/documents.module.ts';
import { exportsModule } from './exports/exports.module.ts';
import { attachmentsModule } from './attachments/attachments.module.ts';
import { jobsModule } from './jobs/jobs.module.ts';
import { mailModule } from './mail/mail.module.ts';
import { inboxModule } from './inbox/inbox.module.ts';
import { councilsModule } from './councils/councils.module.ts';
import { tasksModule } from './tasks/tasks.module.ts';
import { legalDocumentsModule } from './legal-documents/legal-documents.module.ts';
import { plansModule } from './plans/plans.module.ts';
import { homeModule } from './home/home.module.ts';
import { indicatorsModule } from './indicators/indicators.module.ts';
import { programmesModule } from './programmes/programmes.module.ts';
import { incubationModule } from './incubation/incubation.module.ts';
import { supportModule } from './support/support.module.ts';
import { backupModule } from './backup/backup.module.ts';

export const modules: readonly ModuleManifest[] = [
  tenantsModule,
  adminUnitsModule,
  scienceFieldsModule,
  auditModule,
  authModule,
  organizationsModule,
  peopleModule,
  agenciesModule,
  usersModule,
  rulesModule,
  workflowModule,
  documentsModule,
  exportsModule,
  attachmentsModule,
  jobsModule,
  mailModule,
  inboxModule,
  councilsModule,
  tasksModule,
  legalDocumentsModule,
  plansModule,
  homeModule,
  indicatorsModule,
  programmesModule,
  incubationModule,
  supportModule,
  backupModule,
];

let registered = false;

/** Every module's registrations (rule keys, workflows, council subjects), once per process. */
export function registerModules(): void {
  if (registered) return;
  for (const m of modules) m.register?.();
  registered = true;
}

/** Every module's route plugins, in manifest order. */
export const moduleRoutes = () => modules.flatMap((m) => m.routes ?? []);

/** Every module's scheduled jobs, for the worker (modules/jobs). */
export const moduleJobs = () => modules.flatMap((m) => m.jobs ?? []);

/** Reference data every installation needs, module by module; each loader is idempotent. */
export async function loadReferenceData(h: DbHandle): Promise<void> {
  registerModules();
  for (const m of modules) for (const load of m.referenceLoaders ?? []) await load(h);
}

/** Brings a database up to date: migrations, then every module's reference data. Returns the migrations applied. */
export async function prepareDatabase(h: DbHandle): Promise<string[]> {
  const applied = await migrate(h);
  await loadReferenceData(h);
  return applied;
}
