/** Accounts are managed by the admins of their province only. */
import type { Actor } from '../../context.ts';
import { ACCOUNT_ADMINS } from '../../../shared/permissions.ts';

export type UserAction = 'list' | 'read' | 'create' | 'update' | 'reset_password';

export function can(actor: Actor, _action: UserAction): boolean {
  return ACCOUNT_ADMINS.has(actor.role);
}
