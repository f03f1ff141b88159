/**
 * What a web module (a group of pages) declares: its routes inside the signed-in layout, its public routes, and its
 * menu entries for a role. `modules.tsx` lists them; app.tsx and layout.tsx read that list and nothing else.
 */
import type { ReactElement, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Role } from '../shared/roles.ts';

export interface MenuEntry {
  /** The path the entry opens; it is selected while the location starts with it. */
  key: string;
  icon: ReactElement;
  label: ReactElement;
}

export interface WebModule {
  name: string;
  /** `<Route>` elements inside the signed-in layout (paths relative to /). */
  routes?: ReactNode;
  /** `<Route>` elements without sign-in (absolute paths). */
  publicRoutes?: ReactNode;
  /** The entries this role sees, in menu order; the dashboard comes first, then each module's. */
  menu?: (role: Role, t: TFunction) => MenuEntry[];
  /** The page of a record this module shows, by subject type (`task` → /tasks/:id): inbox items link there. */
  subjectLinks?: Record<string, (id: string) => string>;
}

export const defineWebModule = (m: WebModule): WebModule => m;
