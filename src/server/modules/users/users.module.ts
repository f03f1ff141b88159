import { defineModule } from '../module.ts';
import { usersMessages } from '../../../shared/i18n/users.messages.ts';
import { userRoutes } from './users.routes.ts';
import { accountRequestRoutes } from './account-requests.routes.ts';
import * as tables from './users.tables.ts';

export const usersModule = defineModule({
  name: 'users', routes: [userRoutes, accountRequestRoutes], tables, reads: ['organizations', 'agencies', 'admin-units'], messages: usersMessages,
});
