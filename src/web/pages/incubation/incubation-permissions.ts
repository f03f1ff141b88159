/**
 * What the incubation and replicated-model pages offer to whom, from the shared role sets (the servers' policies
 * decide; a refused call still shows its message): the department and the leaders read; the department writes.
 */
import type { Role } from '../../../shared/roles.ts';
import { TASK_EDITORS, TASK_READERS } from '../../../shared/permissions.ts';

export const canBrowseReplications = (role: Role) => TASK_READERS.has(role);
export const canWriteReplications = (role: Role) => TASK_EDITORS.has(role);
export const canBrowseIncubation = (role: Role) => TASK_READERS.has(role);
export const canWriteIncubation = (role: Role) => TASK_EDITORS.has(role);
