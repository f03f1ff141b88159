/**
 * What the task and council pages offer to whom. Like src/web/permissions.ts these only hide buttons and menu
 * entries; the server's policies decide (tasks.policy.ts, councils.policy.ts, the workflow's roles per transition).
 */
import type { Role } from '../../../shared/roles.ts';

const OFFICE: readonly Role[] = ['admin', 'dost_officer'];
const TASK_READERS: readonly Role[] = ['admin', 'dost_officer', 'leader'];
const COUNCIL_READERS: readonly Role[] = ['admin', 'dost_officer', 'leader'];

export const canListTasks = (role: Role) => TASK_READERS.includes(role);
export const canEditTasks = (role: Role) => OFFICE.includes(role);
export const canSeeStageTiming = (role: Role) => TASK_READERS.includes(role);
export const canManageCouncils = (role: Role) => OFFICE.includes(role);
export const canReadCouncilResults = (role: Role) => COUNCIL_READERS.includes(role);
/** Council members with an account (reviewers) see the councils they sit on. */
export const hasMyCouncils = (role: Role) => role === 'reviewer';
/** GET /api/users is for admins; DOST officers pick from GET /api/tasks/reviewer-accounts. */
export const canListUsers = (role: Role) => role === 'admin';
