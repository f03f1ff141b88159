/**
 * What the UI offers to whom. These only hide buttons and menu entries: the server's policies
 * (src/server/modules/<feature>/<feature>.policy.ts) decide, and a refused call still shows the server's message.
 */
import type { Role } from '../shared/roles.ts';
import { ACCOUNT_ADMINS, AGENCY_EDITORS, AUDIT_READERS, REGISTRY_READERS, REGISTRY_WRITERS } from '../shared/permissions.ts';

export const canReadRegistry = (role: Role) => REGISTRY_READERS.has(role);
export const canWriteRegistry = (role: Role) => REGISTRY_WRITERS.has(role);
export const canReadAudit = (role: Role) => AUDIT_READERS.has(role);
export const canManageAccounts = (role: Role) => ACCOUNT_ADMINS.has(role);
export const canEditAgencies = (role: Role) => AGENCY_EDITORS.has(role);
