/** Decree 30/2020 administrative documents as DOCX: a library for other modules, no routes or tables of its own. */
import { defineModule } from '../module.ts';

export const documentsModule = defineModule({ name: 'documents' });
