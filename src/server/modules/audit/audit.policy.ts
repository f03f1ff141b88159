import type { Actor } from '../../context.ts';

/** The audit log is visible to admins of the province only. */
export const can = (actor: Actor, action: 'read') => action === 'read' && actor.role === 'admin';
