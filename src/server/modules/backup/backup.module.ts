/** Portable backup and restore across engines (the `khcn backup` / `khcn restore` commands). */
import { defineModule } from '../module.ts';
import { backupMessages } from '../../../shared/i18n/backup.messages.ts';

export const backupModule = defineModule({ name: 'backup', messages: backupMessages });
