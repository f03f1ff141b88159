/** Who may read the stage-timing views (aggregates and lists across subjects): the department's staff. */
import type { Actor } from '../../context.ts';
import { WORKFLOW_READERS } from '../../../shared/permissions.ts';


export type WorkflowAction = 'read_definition' | 'read_timing';

export function can(actor: Actor, action: WorkflowAction): boolean {
  switch (action) {
    case 'read_definition':
      return true;
    case 'read_timing':
      return WORKFLOW_READERS.has(actor.role);
  }
}
