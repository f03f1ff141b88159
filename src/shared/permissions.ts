/**
 * The role sets behind every policy, defined once: server policies (src/server/modules/<m>/<m>.policy.ts) decide
 * with them, and the web hides the menus and buttons a role cannot use with the same sets. A policy may add
 * conditions on the record (an applicant's own organisation, a reviewer's own council); the sets are the base.
 */
import type { Role } from './roles.ts';

export type RoleSet = ReadonlySet<Role>;
const roles = (...r: Role[]): RoleSet => new Set(r);

/** The department's own staff, who keep its records. */
export const OFFICE = roles('admin', 'dost_officer');
/** Everyone who works with the S&T database; applicants see only their own records. */
export const STAFF = roles('admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader');

export const REGISTRY_READERS = STAFF;
export const REGISTRY_WRITERS = OFFICE;
/** Task records and their stage timing: the department and the province's leaders. */
export const TASK_READERS = roles('admin', 'dost_officer', 'leader');
export const TASK_EDITORS = OFFICE;
export const COUNCIL_MANAGERS = OFFICE;
export const COUNCIL_READERS = roles('admin', 'dost_officer', 'leader');
/** Council members with an account: they see the councils they sit on ("Hội đồng của tôi"). */
export const COUNCIL_SITTERS = roles('reviewer');
/** Stage history and workflow definitions. */
export const WORKFLOW_READERS = STAFF;
export const ACCOUNT_ADMINS = roles('admin');
export const AUDIT_READERS = roles('admin');
export const RULE_EDITORS = roles('admin');
export const AGENCY_EDITORS = roles('admin');
/** Legal documents: everyone signed in reads; the department keeps its province's, administrators the national ones. */
export const LEGAL_DOCUMENT_READERS = roles('admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader', 'applicant');
export const LEGAL_DOCUMENT_EDITORS = OFFICE;
export const NATIONAL_DOCUMENT_EDITORS = roles('admin');
/** Who has the registry's page in the menu: the department and the province's leaders. */
export const LEGAL_DOCUMENT_BROWSERS = roles('admin', 'dost_officer', 'leader');
