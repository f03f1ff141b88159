/**
 * Startup incubation (ươm tạo khởi nghiệp ĐMST): services and outcomes of the startups a yearly call selects; and the
 * registrations that put incubation and the replicated models into the plans' report and the indicators.
 */
import { defineModule } from '../module.ts';
import { incubationMessages } from '../../../shared/i18n/incubation.messages.ts';
import { incubationRoutes } from './incubation.routes.ts';
import { loadIncubationRules, registerIncubation } from './incubation.service.ts';
import * as tables from './incubation.tables.ts';

export const incubationModule = defineModule({
  name: 'incubation', routes: [incubationRoutes], tables,
  register: registerIncubation, referenceLoaders: [loadIncubationRules], messages: incubationMessages,
});
