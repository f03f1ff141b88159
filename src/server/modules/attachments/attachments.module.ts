/** Attached files of any subject: kinds and limits from the subject's registration and rules, types from the bytes. */
import { defineModule } from '../module.ts';
import { attachmentsMessages } from '../../../shared/i18n/attachments.messages.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import { loadAttachmentRules, sniffMigratedAttachments } from './attachments.service.ts';
import * as tables from './attachments.tables.ts';

export const attachmentsModule = defineModule({
  name: 'attachments', routes: [attachmentRoutes], tables, reads: ['users'],
  referenceLoaders: [loadAttachmentRules, sniffMigratedAttachments], messages: attachmentsMessages,
});
