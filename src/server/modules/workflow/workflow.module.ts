import { defineModule } from '../module.ts';
import { workflowMessages } from '../../../shared/i18n/workflow.messages.ts';
import { workflowRoutes } from './workflow.routes.ts';
import * as tables from './workflow.tables.ts';

export const workflowModule = defineModule({
  name: 'workflow', routes: [workflowRoutes], tables, reads: ['users'], messages: workflowMessages,
});
