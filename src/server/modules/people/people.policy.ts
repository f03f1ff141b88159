/** Who may do what with the register of people and experts (chuyên gia), declared in one place. */
import type { Actor } from '../../context.ts';
import { REGISTRY_READERS, REGISTRY_WRITERS } from '../../../shared/permissions.ts';

export type PersonAction = 'read' | 'list' | 'create' | 'update' | 'delete';

const WRITERS = REGISTRY_WRITERS;
const READERS = REGISTRY_READERS;

export function can(actor: Actor, action: PersonAction): boolean {
  switch (action) {
    case 'list':
    case 'read':
      return READERS.has(actor.role);
    case 'create':
    case 'update':
    case 'delete':
      return WRITERS.has(actor.role);
  }
}
