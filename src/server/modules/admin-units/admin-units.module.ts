import { defineModule } from '../module.ts';
import { adminUnitsMessages } from '../../../shared/i18n/admin-units.messages.ts';
import { loadAdminUnits } from './admin-units.loader.ts';
import { adminUnitRoutes } from './admin-units.routes.ts';
import * as tables from './admin-units.tables.ts';

export const adminUnitsModule = defineModule({
  name: 'admin-units', routes: [adminUnitRoutes], tables, referenceLoaders: [loadAdminUnits], messages: adminUnitsMessages,
});
