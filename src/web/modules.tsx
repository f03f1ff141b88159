/**
 * THE web manifest: every group of pages, in menu order. app.tsx mounts their routes and layout.tsx shows their
 * menu entries; a new module adds its `<name>.module.tsx` and one line here.
 */
import { ROLES, type Role } from '../shared/roles.ts';
import type { TFunction } from 'i18next';
import type { WebModule } from './module.ts';
import { tasksWebModule } from './pages/tasks/tasks.module.tsx';
import { enterpriseWebModule } from './pages/enterprise/enterprise.module.tsx';
import { registryWebModule } from './pages/registry/registry.module.tsx';
import { accountsWebModule } from './pages/accounts/accounts.module.tsx';
import { inboxWebModule } from './pages/inbox/inbox.module.tsx';
import { legalDocumentsWebModule } from './pages/legal-documents/legal-documents.module.tsx';
import { plansWebModule } from './pages/plans/plans.module.tsx';
import { publicWebModule } from './pages/public/public.module.tsx';
import { homeWebModule } from './pages/home/home.module.tsx';
import { indicatorsWebModule } from './pages/indicators/indicators.module.tsx';
import { incubationWebModule } from './pages/incubation/incubation.module.tsx';
import { supportWebModule } from './pages/support/support.module.tsx';
import { programmesWebModule } from './pages/programmes/programmes.module.tsx';

export const webModules: readonly WebModule[] = [
  tasksWebModule,
  enterpriseWebModule,
  registryWebModule,
  legalDocumentsWebModule,
  indicatorsWebModule,
  programmesWebModule,
  incubationWebModule,
  supportWebModule,
  plansWebModule,
  accountsWebModule,
  inboxWebModule,
  publicWebModule,
  homeWebModule,
];

export const menuEntries = (role: Role, t: TFunction) => webModules.flatMap((m) => m.menu?.(role, t) ?? []);

/**
 * The route guard: a page whose path is a menu entry of some role may be opened only by the roles whose menu has it
 * (the menus come from src/shared/permissions.ts). Typing `/organizations` as an applicant shows the 403 page, not a
 * half-drawn list. Pages in no menu (a task, a council) are left to their own checks and the server's.
 */
export function mayOpen(role: Role, pathname: string, t: TFunction): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  const has = (r: Role) => menuEntries(r, t).some((e) => e.key === path);
  return has(role) || !ROLES.some(has);
}

/** The web path of a record (an inbox item's subject), from the module that shows it; null when none does. */
export function subjectLink(subjectType: string, id: string): string | null {
  for (const m of webModules) {
    const link = m.subjectLinks?.[subjectType];
    if (link) return link(id);
  }
  return null;
}
