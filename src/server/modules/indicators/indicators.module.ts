/**
 * Indicators (chỉ số) and targets (chỉ tiêu): entered values per period and unit with their roll-up through the
 * admin-unit hierarchy as of a date, formula sources over khcn's own data, Excel value entry, the TFP calculator,
 * the dashboard, and the indicators plan items serve.
 */
import { defineModule } from '../module.ts';
import { indicatorsMessages } from '../../../shared/i18n/indicators.messages.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { loadIndicatorRules, refreshIndicatorSums, registerIndicators } from './indicators.service.ts';
import * as tables from './indicators.tables.ts';

export const indicatorsModule = defineModule({
  name: 'indicators', routes: [indicatorRoutes], tables, reads: ['admin-units', 'plans', 'users', 'legal-documents'],
  register: registerIndicators, referenceLoaders: [loadIndicatorRules, refreshIndicatorSums], messages: indicatorsMessages,
});
