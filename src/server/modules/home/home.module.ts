/**
 * The leader's home (trang chủ lãnh đạo): figures over the province's tasks and their funding, each opening its
 * list and exported to XLSX. No tables of its own: it reads through the tasks, workflow, rules and science-fields
 * services. The plans module adds the plan's indicators to the same home page (web), not a second dashboard.
 */
import { defineModule } from '../module.ts';
import { homeMessages } from '../../../shared/i18n/home.messages.ts';
import { homeRoutes } from './home.routes.ts';
import { loadHomeRules, registerHomeRules } from './home.rules.ts';

export const homeModule = defineModule({
  name: 'home', routes: [homeRoutes], register: registerHomeRules, referenceLoaders: [loadHomeRules], messages: homeMessages,
});
