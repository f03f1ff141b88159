/** Who may do what with an inbox: every signed-in account has its own; the system (jobs, command line) has none. */
import type { Actor } from '../../context.ts';

export type InboxAction = 'read';

export function can(actor: Actor, _action: InboxAction): boolean {
  return actor.userId !== null;
}
