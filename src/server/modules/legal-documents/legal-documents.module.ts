/**
 * Legal documents (văn bản): the national register every province reads and each province's own, relations,
 * the policy chain, attached files, and the references a pasted text cites.
 */
import { defineModule } from '../module.ts';
import { legalDocumentsMessages } from '../../../shared/i18n/legal-documents.messages.ts';
import { legalDocumentRoutes } from './legal-documents.routes.ts';
import { loadNationalLegalDocuments, registerLegalDocuments } from './legal-documents.service.ts';
import * as tables from './legal-documents.tables.ts';

export const legalDocumentsModule = defineModule({
  name: 'legal-documents', routes: [legalDocumentRoutes], tables,
  register: registerLegalDocuments, referenceLoaders: [loadNationalLegalDocuments], messages: legalDocumentsMessages,
});
