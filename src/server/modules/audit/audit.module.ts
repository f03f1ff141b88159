import { defineModule } from '../module.ts';
import { auditRoutes } from './audit.routes.ts';
import * as tables from './audit.tables.ts';

export const auditModule = defineModule({ name: 'audit', routes: [auditRoutes], tables });
