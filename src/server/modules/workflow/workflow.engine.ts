/**
 * The stage machine itself: pure functions over a workflow definition (a rule value, see
 * src/shared/schemas/workflow.ts). No database, no clock: table-tested in workflow.engine.test.ts.
 */
import type { Role } from '../../../shared/roles.ts';
import type { StageCapabilities, WorkflowDefinition, WorkflowStage, WorkflowTransition } from '../../../shared/schemas/workflow.ts';

export type RefusalReason = 'not_allowed_from_stage' | 'role' | 'missing_documents' | 'missing_fields';

export type CheckResult =
  | { ok: true; transition: WorkflowTransition; to: string }
  | {
    ok: false;
    reason: RefusalReason;
    /** role: the roles that may; missing_documents: document kinds; missing_fields: field names. */
    missing?: string[];
    /** With missing_documents: fields that are missing as well, so one answer names everything still to do. */
    missingFields?: string[];
  };

export interface CheckInput {
  stage: string;
  role: Role;
  action: string;
  /** Kinds of the documents attached to the subject. */
  documents: string[];
  /** The subject's fields that transitions may require. */
  fields: Record<string, unknown>;
}

/** Empty: null, undefined, blank text, an empty list or object, NaN. Zero and false are values. */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return Number.isNaN(v);
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && !(v instanceof Date)) return Object.keys(v).length === 0;
  return false;
}

export const stageOf = (def: WorkflowDefinition, key: string): WorkflowStage | undefined => def.stages.find((s) => s.key === key);

/** A stage's capabilities with every field filled in. */
export interface Capabilities { allows: string[]; public: boolean; closes: boolean; pausable: boolean }

/**
 * What a record may receive in a stage: the stage's own `capabilities`, else the workflow's registered defaults
 * for the stage key (how the code behaved before definitions carried them), else nothing — and a terminal stage
 * closes the record unless it says otherwise.
 */
export function stageCapabilities(def: WorkflowDefinition, key: string, defaults: Readonly<Record<string, StageCapabilities>> = {}): Capabilities {
  const stage = stageOf(def, key);
  const c = stage?.capabilities ?? defaults[key] ?? {};
  return { allows: c.allows ?? [], public: c.public ?? false, closes: c.closes ?? stage?.terminal ?? false, pausable: c.pausable ?? false };
}

/** Where a new subject starts. */
export const initialStage = (def: WorkflowDefinition): WorkflowStage => def.stages[0];

/** Every transition leaving a stage, whoever may make it. */
export const transitionsFrom = (def: WorkflowDefinition, stage: string): WorkflowTransition[] =>
  def.transitions.filter((t) => t.from.includes(stage));

/** The transitions a role may make from a stage (documents and fields not considered). */
export const allowedTransitions = (def: WorkflowDefinition, o: { stage: string; role: Role }): WorkflowTransition[] =>
  transitionsFrom(def, o.stage).filter((t) => t.roles.includes(o.role));

/**
 * May `role` do `action` from `stage` with these documents and fields? Checked in order: the action must leave
 * this stage, the role must be allowed, then documents, then fields.
 */
export function checkTransition(def: WorkflowDefinition, input: CheckInput): CheckResult {
  const transition = def.transitions.find((t) => t.action === input.action && t.from.includes(input.stage));
  if (!transition) return { ok: false, reason: 'not_allowed_from_stage' };
  if (!transition.roles.includes(input.role)) return { ok: false, reason: 'role', missing: [...transition.roles] };
  const attached = new Set(input.documents);
  const missingDocuments = (transition.requiredDocuments ?? []).filter((d) => !attached.has(d));
  const missingFields = (transition.requiredFields ?? []).filter((f) => isEmptyValue(input.fields[f]));
  if (missingDocuments.length > 0) {
    return { ok: false, reason: 'missing_documents', missing: missingDocuments, ...(missingFields.length > 0 ? { missingFields } : {}) };
  }
  if (missingFields.length > 0) return { ok: false, reason: 'missing_fields', missing: missingFields };
  return { ok: true, transition, to: transition.to };
}
