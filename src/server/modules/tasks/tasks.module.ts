import { defineModule } from '../module.ts';
import { tasksMessages } from '../../../shared/i18n/tasks.messages.ts';
import { loadTaskRules, registerTasks } from './tasks.service.ts';
import { taskRoutes } from './tasks.routes.ts';
import { taskProposalRoutes } from './tasks.proposals.routes.ts';
import { replicationRoutes } from './tasks.replications.routes.ts';
import { loadTaskReminderRules, registerTaskReminderRules, taskReminderJobs } from './tasks.reminders.ts';
import * as tables from './tasks.tables.ts';

export const tasksModule = defineModule({
  name: 'tasks', routes: [taskRoutes, taskProposalRoutes, replicationRoutes], tables,
  reads: ['admin-units', 'organizations', 'people', 'science-fields', 'users'],
  register: () => { registerTasks(); registerTaskReminderRules(); },
  referenceLoaders: [loadTaskRules, loadTaskReminderRules], messages: tasksMessages, jobs: taskReminderJobs,
});
