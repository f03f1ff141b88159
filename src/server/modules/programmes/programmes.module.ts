import { defineModule } from '../module.ts';
import { programmesMessages } from '../../../shared/i18n/programmes.messages.ts';
import { loadProgrammeRules, registerProgrammes } from './programmes.service.ts';
import { programmeRoutes } from './programmes.routes.ts';
import * as tables from './programmes.tables.ts';

export const programmesModule = defineModule({
  name: 'programmes', routes: [programmeRoutes], tables, reads: ['legal-documents', 'organizations'],
  register: registerProgrammes, referenceLoaders: [loadProgrammeRules], messages: programmesMessages,
});
