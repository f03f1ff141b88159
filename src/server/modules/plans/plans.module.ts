/**
 * Plans (kế hoạch): plans carrying out a decision, their groups and items assigned to units, progress per reporting
 * period (in the browser or by Excel template), urging, the daily reminder of flagged items, and the periodic
 * report to the People's Committee (DOCX + XLSX annex) with sections other modules register.
 */
import { defineModule } from '../module.ts';
import { plansMessages } from '../../../shared/i18n/plans.messages.ts';
import { planRoutes } from './plans.routes.ts';
import { loadPlanRules, registerPlans } from './plans.service.ts';
import { registerTaskSection } from './plans.report.ts';
import { planJobs } from './plans.reminders.ts';
import * as tables from './plans.tables.ts';

export const plansModule = defineModule({
  name: 'plans', routes: [planRoutes], tables,
  reads: ['legal-documents', 'agencies', 'admin-units'],
  register: () => { registerPlans(); registerTaskSection(); },
  referenceLoaders: [loadPlanRules], messages: plansMessages, jobs: planJobs,
});
