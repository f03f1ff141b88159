import { defineModule } from '../module.ts';
import { rulesMessages } from '../../../shared/i18n/rules.messages.ts';
import { ruleRoutes } from './rules.routes.ts';
import * as tables from './rules.tables.ts';

// The author of a version is shown by name.
export const rulesModule = defineModule({ name: 'rules', routes: [ruleRoutes], tables, reads: ['users'], messages: rulesMessages });
