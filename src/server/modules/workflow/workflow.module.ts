import { defineModule } from '../module.ts';
import { workflowMessages } from '../../../shared/i18n/workflow.messages.ts';
import { workflowRoutes } from './workflow.routes.ts';
import { loadCalendarRules, registerCalendarRule } from './workflow.calendar.ts';
import * as tables from './workflow.tables.ts';

// The working-day calendar (`calendar.working_days`) is the workflow module's: stage clocks count in it.
export const workflowModule = defineModule({
  name: 'workflow', routes: [workflowRoutes], tables, reads: ['users'], messages: workflowMessages,
  register: registerCalendarRule, referenceLoaders: [loadCalendarRules],
});
