import { defineModule } from '../module.ts';
import { organizationRoutes } from './organizations.routes.ts';
import * as tables from './organizations.tables.ts';

export const organizationsModule = defineModule({
  name: 'organizations', routes: [organizationRoutes], tables, reads: ['admin-units'],
});
