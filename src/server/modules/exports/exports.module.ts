/** XLSX of any list: a library for other modules (each serves its own export route). */
import { defineModule } from '../module.ts';
import { exportsMessages } from '../../../shared/i18n/exports.messages.ts';

export const exportsModule = defineModule({ name: 'exports', messages: exportsMessages });
