/**
 * What the task and council pages offer to whom. Like src/web/permissions.ts these only hide buttons and menu
 * entries; the server's policies decide (tasks.policy.ts, councils.policy.ts, the workflow's roles per transition).
 */
import type { Role } from '../../../shared/roles.ts';
import { ACCOUNT_ADMINS, COUNCIL_MANAGERS, COUNCIL_READERS, COUNCIL_SITTERS, TASK_EDITORS, TASK_READERS } from '../../../shared/permissions.ts';

export const canListTasks = (role: Role) => TASK_READERS.has(role);
export const canEditTasks = (role: Role) => TASK_EDITORS.has(role);
export const canSeeStageTiming = (role: Role) => TASK_READERS.has(role);
export const canManageCouncils = (role: Role) => COUNCIL_MANAGERS.has(role);
export const canReadCouncilResults = (role: Role) => COUNCIL_READERS.has(role);
/** Council members with an account (reviewers) see the councils they sit on. */
export const hasMyCouncils = (role: Role) => COUNCIL_SITTERS.has(role);
/** GET /api/users is for admins; DOST officers pick from GET /api/tasks/reviewer-accounts. */
export const canListUsers = (role: Role) => ACCOUNT_ADMINS.has(role);
