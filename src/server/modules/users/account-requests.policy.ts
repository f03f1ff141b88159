/** Enterprise account requests are the department's to read and decide (admins and DOST officers of the province). */
import type { Actor } from '../../context.ts';
import { ACCOUNT_REQUEST_REVIEWERS } from '../../../shared/permissions.ts';

export type AccountRequestAction = 'list' | 'read' | 'decide';

export function can(actor: Actor, _action: AccountRequestAction): boolean {
  return ACCOUNT_REQUEST_REVIEWERS.has(actor.role);
}
