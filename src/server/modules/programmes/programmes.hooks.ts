/**
 * Extension points of the programmes module for the modules that build on an application (issue #13): `support`
 * (review, decisions, certificates, outcomes) and `incubation`. Both lists are filled from the other modules'
 * manifest `register()` (never by importing a file for its side effects) and read by programmes.service when it moves
 * an application through the workflow `programme_application`.
 *
 * - A guard runs inside the transition's transaction, after the workflow accepted the move and before it is written
 *   back; it throws an AppError (e.g. 409 `support.decision_missing`) to refuse it, and the whole transition rolls back.
 * - A listener runs in the same transaction after the application row has its new stage (e.g. to open a council when
 *   an application goes to review, or to record what a completion means); a throw rolls everything back too.
 *
 * Everything else the other modules need is exported by programmes.service (never the repo):
 * `findApplication(ctx, id)`, `findCall(ctx, id)`, `listApplicationsOfCall(ctx, callId)`,
 * `transitionApplication(ctx, id, { action, version, note?, reason? })`.
 *
 * The web side: the application detail page (src/web/pages/programmes/application.page.tsx) mounts the other
 * parts' panels from APPLICATION_PANELS in src/web/pages/programmes/application-panels.tsx — add one import and
 * one entry there; a panel is a component of `ApplicationPanelProps` ({ application, reload }).
 */
import type { Ctx, Tx } from '../../context.ts';

/** The workflow's actions (rule data `workflow.programme_application`). */
export const APPLICATION_ACTIONS = [
  'submit', 'refuse', 'send_to_review', 'conclude_review', 'support', 'reject', 'complete', 'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** The stages: draft is outside the workflow (not submitted); the last three are terminal. */
export const APPLICATION_STAGES = [
  'draft', 'received', 'review', 'decision', 'supported', 'completed', 'not_supported', 'withdrawn',
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** What a guard or a listener is told of the application (the row as it was read, locked, before the move). */
export interface ApplicationRecord {
  id: string;
  tenantId: string;
  callId: string;
  programmeId: string;
  organizationId: string;
  code: string | null;
  title: string;
  answers: Record<string, unknown>;
  requestedAmount: number | null;
  stage: ApplicationStage;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
}

export type ApplicationGuard = (tx: Tx, ctx: Ctx, application: ApplicationRecord) => Promise<void>;

export interface ApplicationTransition {
  application: ApplicationRecord;
  action: ApplicationAction;
  from: ApplicationStage;
  to: ApplicationStage;
}
export type ApplicationListener = (tx: Tx, ctx: Ctx, transition: ApplicationTransition) => Promise<void>;

const guards = new Map<ApplicationAction, Map<string, ApplicationGuard>>();
const listeners = new Map<string, ApplicationListener>();

/**
 * Registers a guard for an action. `name` keeps a second registration (register() may run again) from adding a
 * copy; without it the function itself is the key.
 */
export function registerApplicationGuard(action: ApplicationAction, guard: ApplicationGuard, name?: string): void {
  if (!APPLICATION_ACTIONS.includes(action)) throw new Error(`unknown programme_application action ${action as string}`);
  let list = guards.get(action);
  if (!list) guards.set(action, (list = new Map<string, ApplicationGuard>()));
  list.set(name ?? guard.toString(), guard);
}

/** Registers a listener told of every transition (submit included), inside its transaction. */
export function onApplicationTransition(listener: ApplicationListener, name?: string): void {
  listeners.set(name ?? listener.toString(), listener);
}

/** Used by programmes.service only. */
export async function runApplicationGuards(tx: Tx, ctx: Ctx, action: ApplicationAction, application: ApplicationRecord): Promise<void> {
  for (const guard of guards.get(action)?.values() ?? []) await guard(tx, ctx, application);
}

/** Used by programmes.service only. */
export async function runApplicationListeners(tx: Tx, ctx: Ctx, transition: ApplicationTransition): Promise<void> {
  for (const listener of listeners.values()) await listener(tx, ctx, transition);
}
