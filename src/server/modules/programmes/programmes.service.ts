/**
 * The programmes module's service: programmes and calls (programmes.calls.ts), applications (programmes.applications.ts),
 * and the registrations with the workflow, attachments and rules modules. Other modules import from here (never the
 * repo): findApplication, findCall, listApplicationsOfCall, transitionApplication; the hooks are programmes.hooks.ts.
 */
import type { DbHandle } from '../../db/client.ts';
import type { Ctx } from '../../context.ts';
import { ensureNationalRules } from '../rules/rules.service.ts';
import { registerWorkflow } from '../workflow/workflow.service.ts';
import { registerWorkflowSubject } from '../workflow/workflow.subjects.ts';
import { registerAttachmentSubject } from '../attachments/attachments.service.ts';
import { canApplication } from './programmes.policy.ts';
import { attachmentAccess } from './programmes.applications.ts';
import { APPLICATION_ATTACHMENT_LIMITS, APPLICATION_SUBJECT, APPLICATION_WORKFLOW, PROGRAMME_NATIONAL_RULES } from './programmes.rules.ts';

export {
  acceptingApplications, callFormValidatorModule, createCall, createProgramme, findCall, getCall, getProgramme, listCalls, listProgrammes, setCallStatus, updateCall, updateProgramme,
} from './programmes.calls.ts';
export {
  answerAdditions, callTiming, createApplication, deleteApplication, findApplication, getApplication, listApplications, listApplicationsOfCall,
  requestAdditions, submitApplication, transitionApplication, updateApplication,
} from './programmes.applications.ts';
export { APPLICATION_SUBJECT, APPLICATION_WORKFLOW } from './programmes.rules.ts';

const findForAttachments = (ctx: Ctx, id: string) => attachmentAccess(ctx, id);
const canList = (actor: Ctx['actor']) => canApplication(actor, 'list_all');

export function registerProgrammes(): void {
  registerWorkflow(APPLICATION_WORKFLOW, { vi: 'Quy trình hồ sơ đề nghị hỗ trợ của chương trình', en: 'Workflow of an application to a support programme' });
  registerWorkflowSubject(APPLICATION_SUBJECT, { workflow: APPLICATION_WORKFLOW, label: { vi: 'hồ sơ đề nghị hỗ trợ', en: 'application' }, canList });
  registerAttachmentSubject(APPLICATION_SUBJECT, {
    label: { vi: 'hồ sơ đề nghị hỗ trợ', en: 'the application' }, find: findForAttachments, limits: APPLICATION_ATTACHMENT_LIMITS,
  });
}

export async function loadProgrammeRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, PROGRAMME_NATIONAL_RULES);
}
