/**
 * Who reads the leader's home: the province's leaders and the department (admins, DOST officers) — the readers of
 * the task list, since every figure opens a list of tasks. Applicants, reviewers and unit officers have their own
 * home page without these figures; the figures' tasks are still filtered by the tasks module's own policy.
 */
import type { Actor } from '../../context.ts';
import { HOME_READERS } from '../../../shared/permissions.ts';

export type HomeAction = 'read' | 'export';

export function can(actor: Actor, action: HomeAction): boolean {
  switch (action) {
    case 'read':
    case 'export':
      return HOME_READERS.has(actor.role);
  }
}
