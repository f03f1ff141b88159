/** A province's departments and agencies with validity dates: the units accounts work in. */
import { defineModule } from '../module.ts';
import { agenciesMessages } from '../../../shared/i18n/agencies.messages.ts';
import { agencyRoutes } from './agencies.routes.ts';
import { refoldMigratedAgencies } from './agencies.service.ts';
import * as tables from './agencies.tables.ts';

// The heading of documents of a province with no issuing agency is drawn from the tenant and its province.
export const agenciesModule = defineModule({
  name: 'agencies', routes: [agencyRoutes], tables, reads: ['tenants', 'admin-units'],
  referenceLoaders: [refoldMigratedAgencies], messages: agenciesMessages,
});
