/**
 * The inbox: items for an account, a role, a unit or an organisation's accounts (resolved when read), read state,
 * `notify` for every module (once per period for reminders, with its e-mail copies), and the reminder schedules
 * (`reminders.*` rule keys). Addressing by unit and organisation joins nothing: the reader's own session says which
 * unit and organisation they belong to.
 */
import { defineModule } from '../module.ts';
import { inboxMessages } from '../../../shared/i18n/inbox.messages.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { loadReminderRules, registerReminderRules } from './inbox.rules.ts';
import * as tables from './inbox.tables.ts';

export const inboxModule = defineModule({
  name: 'inbox', routes: [inboxRoutes], tables, register: registerReminderRules, referenceLoaders: [loadReminderRules],
  messages: inboxMessages,
});
