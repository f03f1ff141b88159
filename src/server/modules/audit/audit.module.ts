import { defineModule } from '../module.ts';
import { auditRoutes } from './audit.routes.ts';
import * as tables from './audit.tables.ts';

export const auditModule = defineModule({
  name: 'audit', routes: [auditRoutes], tables,
  // The log names the records its entries are about (joined for display only).
  reads: ['users', 'organizations', 'people', 'tasks', 'councils', 'agencies', 'admin-units', 'science-fields', 'rules'],
});
