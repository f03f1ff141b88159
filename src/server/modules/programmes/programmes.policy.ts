/** Who may do what with programmes, calls and applications. */
import type { Actor } from '../../context.ts';
import { PROGRAMME_APPLICANTS, PROGRAMME_EDITORS, PROGRAMME_READERS } from '../../../shared/permissions.ts';

export type ProgrammeAction = 'read' | 'write' | 'read_open_calls';
export type ApplicationAction = 'read' | 'list_all' | 'apply' | 'edit_draft' | 'handle' | 'answer_additions';

export function canProgramme(actor: Actor, action: ProgrammeAction): boolean {
  switch (action) {
    case 'read': return PROGRAMME_READERS.has(actor.role);
    case 'write': return PROGRAMME_EDITORS.has(actor.role);
    // Applicants see the calls taking applications (and the programme they belong to).
    case 'read_open_calls': return PROGRAMME_READERS.has(actor.role) || PROGRAMME_APPLICANTS.has(actor.role);
  }
}

/** `application` carries the organisation for the per-record checks. */
export function canApplication(actor: Actor, action: ApplicationAction, application?: { organizationId: string }): boolean {
  const own = PROGRAMME_APPLICANTS.has(actor.role) && actor.organizationId !== null && application?.organizationId === actor.organizationId;
  switch (action) {
    case 'read': return PROGRAMME_READERS.has(actor.role) || own;
    case 'list_all': return PROGRAMME_READERS.has(actor.role);
    case 'apply': return PROGRAMME_APPLICANTS.has(actor.role) && actor.organizationId !== null;
    case 'edit_draft': return own;
    case 'answer_additions': return own;
    case 'handle': return PROGRAMME_EDITORS.has(actor.role);
  }
}
