import { defineModule } from '../module.ts';
import { authRoutes } from './auth.routes.ts';
import * as tables from './auth.tables.ts';

// Resolving a session joins the account, its province and the name of its unit.
export const authModule = defineModule({ name: 'auth', routes: [authRoutes], tables, reads: ['users', 'tenants', 'agencies', 'admin-units'] });
