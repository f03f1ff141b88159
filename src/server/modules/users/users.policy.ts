/** Accounts are managed by the admins of their province only. */
import type { Actor } from '../../context.ts';

export type UserAction = 'list' | 'read' | 'create' | 'update' | 'reset_password';

export function can(actor: Actor, _action: UserAction): boolean {
  return actor.role === 'admin';
}
