/**
 * Who may do what with incubation: the department and the province's leaders read the incubated startups, their
 * services and outcomes; the department (officers, admins) logs services and records outcomes. Applicants follow
 * their own application on the programmes pages, not here.
 */
import type { Actor } from '../../context.ts';
import { TASK_EDITORS, TASK_READERS } from '../../../shared/permissions.ts';

export type IncubationAction = 'read' | 'write';

export function can(actor: Actor, action: IncubationAction): boolean {
  return action === 'read' ? TASK_READERS.has(actor.role) : TASK_EDITORS.has(actor.role);
}
