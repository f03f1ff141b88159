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
/** Enterprises' accounts (linked to their organisation) propose tasks online and follow their own ("Nhiệm vụ của tôi"). */
export const TASK_PROPOSERS = roles('applicant');
/** The leader's home (figures of the province's tasks and funding): the department and the province's leaders. */
export const HOME_READERS = roles('admin', 'dost_officer', 'leader');
export const COUNCIL_MANAGERS = OFFICE;
export const COUNCIL_READERS = roles('admin', 'dost_officer', 'leader');
/** Council members with an account: they see the councils they sit on ("Hội đồng của tôi"). */
export const COUNCIL_SITTERS = roles('reviewer');
/** Stage history and workflow definitions. */
export const WORKFLOW_READERS = STAFF;
export const ACCOUNT_ADMINS = roles('admin');
/** Enterprise account requests: the department confirms or refuses them (issue #11). */
export const ACCOUNT_REQUEST_REVIEWERS = OFFICE;
export const AUDIT_READERS = roles('admin');
export const RULE_EDITORS = roles('admin');
export const AGENCY_EDITORS = roles('admin');
/** Legal documents: everyone signed in reads; the department keeps its province's, administrators the national ones. */
export const LEGAL_DOCUMENT_READERS = roles('admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader', 'applicant');
export const LEGAL_DOCUMENT_EDITORS = OFFICE;
export const NATIONAL_DOCUMENT_EDITORS = roles('admin');
/** Who has the registry's page in the menu: the department and the province's leaders. */
export const LEGAL_DOCUMENT_BROWSERS = roles('admin', 'dost_officer', 'leader');
/**
 * Plans and their items: the department keeps them, urges units and writes the periodic report; the province's
 * leaders read them; a unit officer reads and reports on its own unit's items only (the policy adds that condition).
 */
export const PLAN_READERS = roles('admin', 'dost_officer', 'leader', 'unit_officer');
export const PLAN_EDITORS = OFFICE;
export const PLAN_REPORTERS = roles('admin', 'dost_officer', 'unit_officer');
export const PLAN_URGERS = OFFICE;
export const PLAN_REPORT_WRITERS = OFFICE;
/** Who has the plans list in the menu, and who has "Việc của đơn vị". */
export const PLAN_BROWSERS = roles('admin', 'dost_officer', 'leader');
export const PLAN_UNIT_WORKERS = roles('unit_officer');
/** Indicators and targets: the department keeps them; leaders and units read the dashboard; a unit enters its own values. */
export const INDICATOR_READERS = roles('admin', 'dost_officer', 'unit_officer', 'leader');
export const INDICATOR_EDITORS = OFFICE;
export const INDICATOR_VALUE_ENTRANTS = roles('admin', 'dost_officer', 'unit_officer');
/**
 * Support through programmes (issue #13, module `support`): the department ranks, decides and records outcomes and
 * certificates; the province's leaders read them (and the figures); an applicant reads its own organisation's.
 */
export const SUPPORT_READERS = roles('admin', 'dost_officer', 'leader');
export const SUPPORT_EDITORS = OFFICE;
/**
 * Support programmes, calls and applications (issue #13, module `programmes`): the department keeps the programmes
 * and calls and handles applications; the province's leaders read them (and take the support decision); an
 * applicant applies and follows its own organisation's applications.
 */
export const PROGRAMME_READERS = roles('admin', 'dost_officer', 'leader');
export const PROGRAMME_EDITORS = OFFICE;
export const PROGRAMME_APPLICANTS = roles('applicant');
