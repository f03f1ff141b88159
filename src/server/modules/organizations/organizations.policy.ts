/** Who may do what with the organisation registry, declared in one place. */
import type { Actor } from '../../context.ts';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../../../shared/permissions.ts';

export type OrganizationAction = 'read' | 'list' | 'create' | 'update' | 'delete';

const WRITERS = REGISTRY_WRITERS;
const READERS = REGISTRY_READERS;

export function can(actor: Actor, action: OrganizationAction, org?: { id: string }): boolean {
  switch (action) {
    case 'list':
      return READERS.has(actor.role);
    case 'read':
      // An applicant (enterprise) sees its own organisation only.
      return READERS.has(actor.role) || (actor.role === 'applicant' && !!org && org.id === actor.organizationId);
    case 'create':
    case 'delete':
      return WRITERS.has(actor.role);
    case 'update':
      return WRITERS.has(actor.role) || (actor.role === 'applicant' && !!org && org.id === actor.organizationId);
  }
}
