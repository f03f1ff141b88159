/** Who may do what with the organisation registry, declared in one place. */
import type { Actor } from '../../context.ts';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import type { OrganizationInput } from '../../../shared/schemas/organizations.ts';

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

/**
 * The fields each role may write on an organisation it may update; a role not listed writes every field. An
 * applicant keeps its own record's contact details and description, but its kind, its tax code (who it is) and the
 * S&T-enterprise certification (`isStEnterprise`, which the DOST grants) are the department's to set.
 */
export const WRITABLE_FIELDS: Partial<Record<Role, readonly (keyof OrganizationInput)[]>> = {
  applicant: ['name', 'shortName', 'address', 'adminUnitId', 'scienceField', 'phone', 'email', 'website', 'note'],
};

/** The fields `actor` may write (versioned-record's `fieldPolicy`); null: all. */
export const writableFields = (actor: Actor): readonly string[] | null => WRITABLE_FIELDS[actor.role] ?? null;
