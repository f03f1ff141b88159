/** Who may do what with the register of people and experts (chuyên gia), declared in one place. */
import type { Actor } from '../../context.ts';

export type PersonAction = 'read' | 'list' | 'create' | 'update' | 'delete';

const WRITERS = new Set(['admin', 'dost_officer']);
const READERS = new Set(['admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader']);

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
