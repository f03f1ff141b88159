/** A province's departments and agencies with validity dates: the units accounts work in. */
import { defineModule } from '../module.ts';
import { agenciesMessages } from '../../../shared/i18n/agencies.messages.ts';
import { agencyRoutes } from './agencies.routes.ts';
import { refoldMigratedAgencies } from './agencies.service.ts';
import * as tables from './agencies.tables.ts';

export const agenciesModule = defineModule({
  name: 'agencies', routes: [agencyRoutes], tables, referenceLoaders: [refoldMigratedAgencies], messages: agenciesMessages,
});
