/** Who may do what with a province's list of agencies. */
import type { Actor } from '../../context.ts';
import { AGENCY_EDITORS } from '../../../shared/permissions.ts';

export type AgencyAction = 'read' | 'list' | 'create' | 'update' | 'delete';

export function can(actor: Actor, action: AgencyAction): boolean {
  // Every signed-in account sees the list (it names the units work is assigned to); admins keep it.
  if (action === 'read' || action === 'list') return true;
  return AGENCY_EDITORS.has(actor.role);
}
