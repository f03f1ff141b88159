/**
 * What the UI offers to whom. These only hide buttons and menu entries: the server's policies
 * (src/server/modules/<feature>/<feature>.policy.ts) decide, and a refused call still shows the server's message.
 */
import type { Role } from '../shared/roles.ts';

const REGISTRY_WRITERS: readonly Role[] = ['admin', 'dost_officer'];
const REGISTRY_READERS: readonly Role[] = ['admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader'];

export const canReadRegistry = (role: Role) => REGISTRY_READERS.includes(role);
export const canWriteRegistry = (role: Role) => REGISTRY_WRITERS.includes(role);
export const canReadAudit = (role: Role) => role === 'admin';
