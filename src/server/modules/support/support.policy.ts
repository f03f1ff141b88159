/**
 * Who may do what with support records. The department (admins, DOST officers) ranks, decides, and records outcomes
 * and certificates; the province's leaders read everything; an applicant reads what concerns its own organisation's
 * applications (the decision, the outcome, the certificates), never the ranking or other firms'.
 */
import type { Actor } from '../../context.ts';
import { SUPPORT_EDITORS, SUPPORT_READERS } from '../../../shared/permissions.ts';

export type SupportAction = 'read' | 'edit' | 'rank' | 'figures';

export function can(actor: Actor, action: SupportAction, application?: { organizationId: string }): boolean {
  switch (action) {
    case 'read':
      return SUPPORT_READERS.has(actor.role)
        || (actor.role === 'applicant' && application !== undefined && actor.organizationId !== null && application.organizationId === actor.organizationId);
    case 'edit': return SUPPORT_EDITORS.has(actor.role);
    case 'rank':
    case 'figures': return SUPPORT_READERS.has(actor.role);
  }
}
