/** Optional e-mail through SMTP: the outbox of inbox copies and the job that sends it. */
import { defineModule } from '../module.ts';
import { mailJobs } from './mail.service.ts';
import * as tables from './mail.tables.ts';

export const mailModule = defineModule({ name: 'mail', tables, jobs: mailJobs });
