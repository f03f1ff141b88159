import type { Actor } from '../../context.ts';
import { AUDIT_READERS } from '../../../shared/permissions.ts';

/** The audit log is visible to admins of the province only. */
export const can = (actor: Actor, action: 'read') => action === 'read' && AUDIT_READERS.has(actor.role);
