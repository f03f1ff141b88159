/** Who may do what with S&T tasks. Which role may make which stage transition is data (the workflow definition). */
import type { Actor } from '../../context.ts';
import { TASK_EDITORS, TASK_PROPOSERS, TASK_READERS } from '../../../shared/permissions.ts';

export type TaskAction = 'list' | 'read' | 'create' | 'update' | 'transition' | 'export' | 'dashboard'
  | 'list_own' | 'propose' | 'edit_draft' | 'request_papers' | 'answer_papers';

const OFFICE = TASK_EDITORS;
/**
 * Tasks are the department's own records: its officers and the province's leaders read them all. A unit officer
 * (another department or a commune) sees only what is assigned to it — plan items, not tasks — so not this list;
 * a reviewer reads the tasks of the councils they sit on, an applicant the tasks its organisation hosts or takes
 * part in (co-operating enterprise, beneficiary, ordering body…), and the public the accepted ones (public summary).
 * Reading a task never shows council members' scores: those are the councils module's, for its readers.
 */
const STAFF_READERS = TASK_READERS;

/**
 * `facts` are what the service knows about the task for this actor: whether the actor's organisation hosts it or
 * takes part in it, and whether the actor sits on one of its councils (a reviewer reads only the dossiers assigned
 * to them).
 */
export function can(actor: Actor, action: TaskAction,
  facts: { hostedByActor?: boolean; participatedByActor?: boolean; onItsCouncil?: boolean; draft?: boolean } = {}): boolean {
  // An enterprise's draft (not yet submitted) is its own organisation's: nobody else reads or changes it.
  const proposer = TASK_PROPOSERS.has(actor.role) && !!actor.organizationId;
  if (facts.draft) return (action === 'read' || action === 'edit_draft') && proposer && !!facts.hostedByActor;
  switch (action) {
    case 'list':
    case 'export':
      return STAFF_READERS.has(actor.role);
    case 'dashboard':
      return STAFF_READERS.has(actor.role);
    case 'read':
      return STAFF_READERS.has(actor.role)
        || (actor.role === 'reviewer' && !!facts.onItsCouncil)
        || (actor.role === 'applicant' && (!!facts.hostedByActor || !!facts.participatedByActor));
    case 'create':
    case 'update':
      return OFFICE.has(actor.role);
    case 'transition':
      // The definition names the roles of each transition; these are the roles that take any.
      return OFFICE.has(actor.role) || STAFF_READERS.has(actor.role);
    // An applicant lists the tasks its organisation hosts or takes part in, proposes tasks as its host, and answers
    // the DOST's requests for missing papers of the tasks it hosts; the DOST's officers ask for them.
    case 'list_own':
    case 'propose':
      return proposer;
    case 'edit_draft':
      return false;
    case 'answer_papers':
      return proposer && !!facts.hostedByActor;
    case 'request_papers':
      return OFFICE.has(actor.role);
  }
}
