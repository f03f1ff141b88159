/**
 * THE web manifest: every group of pages, in menu order. app.tsx mounts their routes and layout.tsx shows their
 * menu entries; a new module adds its `<name>.module.tsx` and one line here.
 */
import type { Role } from '../shared/roles.ts';
import type { TFunction } from 'i18next';
import type { WebModule } from './module.ts';
import { tasksWebModule } from './pages/tasks/tasks.module.tsx';
import { registryWebModule } from './pages/registry/registry.module.tsx';
import { accountsWebModule } from './pages/accounts/accounts.module.tsx';
import { inboxWebModule } from './pages/inbox/inbox.module.tsx';

export const webModules: readonly WebModule[] = [
  tasksWebModule,
  registryWebModule,
  accountsWebModule,
  inboxWebModule,
];

export const menuEntries = (role: Role, t: TFunction) => webModules.flatMap((m) => m.menu?.(role, t) ?? []);

/** The web path of a record (an inbox item's subject), from the module that shows it; null when none does. */
export function subjectLink(subjectType: string, id: string): string | null {
  for (const m of webModules) {
    const link = m.subjectLinks?.[subjectType];
    if (link) return link(id);
  }
  return null;
}
