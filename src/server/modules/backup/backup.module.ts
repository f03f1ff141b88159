/** Portable backup and restore across engines (`khcn backup` / `khcn restore`), and the scheduled backup job. */
import { defineModule } from '../module.ts';
import { backupMessages } from '../../../shared/i18n/backup.messages.ts';
import { scheduledBackupJob } from './backup.job.ts';

export const backupModule = defineModule({ name: 'backup', messages: backupMessages, jobs: [scheduledBackupJob] });
