/** Who may read the stage-timing views (aggregates and lists across subjects): the department's staff. */
import type { Actor } from '../../context.ts';

const STAFF = new Set(['admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader']);

export type WorkflowAction = 'read_definition' | 'read_timing';

export function can(actor: Actor, action: WorkflowAction): boolean {
  switch (action) {
    case 'read_definition':
      return true;
    case 'read_timing':
      return STAFF.has(actor.role);
  }
}
