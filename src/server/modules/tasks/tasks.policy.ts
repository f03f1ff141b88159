/** Who may do what with S&T tasks. Which role may make which stage transition is data (the workflow definition). */
import type { Actor } from '../../context.ts';

export type TaskAction = 'list' | 'read' | 'create' | 'update' | 'transition' | 'export' | 'dashboard';

const OFFICE = new Set(['admin', 'dost_officer']);
const STAFF_READERS = new Set(['admin', 'dost_officer', 'leader', 'unit_officer']);

/**
 * `facts` are what the service knows about the task for this actor: whether the actor's organisation hosts it, and
 * whether the actor sits on one of its councils (a reviewer reads only the dossiers assigned to them).
 */
export function can(actor: Actor, action: TaskAction, facts: { hostedByActor?: boolean; onItsCouncil?: boolean } = {}): boolean {
  switch (action) {
    case 'list':
    case 'export':
      return STAFF_READERS.has(actor.role);
    case 'dashboard':
      return STAFF_READERS.has(actor.role);
    case 'read':
      return STAFF_READERS.has(actor.role)
        || (actor.role === 'reviewer' && !!facts.onItsCouncil)
        || (actor.role === 'applicant' && !!facts.hostedByActor);
    case 'create':
    case 'update':
      return OFFICE.has(actor.role);
    case 'transition':
      // The definition names the roles of each transition; these are the roles that take any.
      return OFFICE.has(actor.role) || actor.role === 'leader';
  }
}
