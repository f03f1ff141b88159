import { defineModule } from '../module.ts';
import { councilsMessages } from '../../../shared/i18n/councils.messages.ts';
import { loadCouncilRules, registerCouncilRules } from './councils.rules.ts';
import { councilRoutes } from './councils.routes.ts';
import * as tables from './councils.tables.ts';

// Members are shown with their expert record and organisation; the minutes' heading comes from the agencies module.
export const councilsModule = defineModule({
  name: 'councils', routes: [councilRoutes], tables,
  reads: ['people', 'organizations'],
  register: registerCouncilRules, referenceLoaders: [loadCouncilRules], messages: councilsMessages,
});
