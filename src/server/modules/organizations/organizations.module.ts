import { defineModule } from '../module.ts';
import { organizationExportRoutes } from '../exports/organizations-export.routes.ts';
import { organizationRoutes } from './organizations.routes.ts';
import * as tables from './organizations.tables.ts';

export const organizationsModule = defineModule({
  name: 'organizations', routes: [organizationRoutes, organizationExportRoutes], tables, reads: ['admin-units'],
});
