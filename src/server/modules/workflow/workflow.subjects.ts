/**
 * The subject types whose stages the workflow module keeps, each registered by its owning module (from its
 * manifest's `register`) with the read check the stage-timing routes apply: those routes list the stages of
 * every record of a type, so they answer only someone the owning module lets list those records.
 *
 *   registerWorkflowSubject('task', {
 *     workflow: 'st_task',
 *     label: { vi: 'nhiệm vụ', en: 'task' },
 *     canList: (actor) => can(actor, 'list'),     // the module's own policy: who may list every record of the type
 *   });
 *
 * A subject type nobody registered is refused (400): timing is never served for records no module vouches for.
 */
import type { Actor } from '../../context.ts';
import type { LocalizedText } from '../../../shared/schemas/common.ts';

export interface WorkflowSubjectType {
  /** The workflow (rule key `workflow.<name>`) its records follow. */
  workflow: string;
  label: LocalizedText;
  /** May the actor see the stage of every record of this type (lists, timing)? */
  canList(actor: Actor): boolean;
}

const subjects = new Map<string, WorkflowSubjectType>();

export function registerWorkflowSubject(type: string, def: WorkflowSubjectType): void {
  if (!/^[a-z][a-z0-9_]{0,59}$/.test(type)) throw new Error(`workflow subject type "${type}" must be snake_case`);
  const existing = subjects.get(type);
  if (existing && existing !== def && existing.canList !== def.canList) throw new Error(`workflow subject type "${type}" is registered twice`);
  subjects.set(type, def);
}

export const workflowSubject = (type: string): WorkflowSubjectType | undefined => subjects.get(type);

export const registeredWorkflowSubjects = (): string[] => [...subjects.keys()].sort();
