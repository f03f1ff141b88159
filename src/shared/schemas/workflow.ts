/**
 * A workflow definition: the stages a subject (a task, an application…) passes through and the transitions
 * between them, with who may make each and what must be attached first. Definitions are rule values (key
 * `workflow.<name>`), so they carry an effective date and a legal citation and can differ per province.
 */
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { Id, IsoDate, LocalizedText } from './common.ts';

const Key = z.string().max(60).regex(/^[a-z][a-z0-9_]*$/);
const FieldName = z.string().max(60).regex(/^[A-Za-z][A-Za-z0-9_]*$/);

/**
 * What a record may receive while in a stage, read by the owning module instead of stage keys written in code
 * (`stageCapabilities(def, key).allows.includes('progress')`). A stage without `capabilities` takes its
 * workflow's registered defaults for its key (today's behaviour), else nothing is allowed and only a terminal
 * stage closes the record.
 */
export const StageCapabilities = z.object({
  /** Things the module lets users add in this stage, by the module's own names: 'progress', 'extension', 'replication', 'repropose', … */
  allows: z.array(Key).max(50).optional(),
  /** Records in this stage are published (e.g. on the public portal). */
  public: z.boolean().optional(),
  /** The record is closed: no more edits or attachments. Default: the stage is terminal. */
  closes: z.boolean().optional(),
  /** The stage's clock may be stopped and restarted (e.g. while an applicant supplies missing papers). */
  pausable: z.boolean().optional(),
});
export type StageCapabilities = z.infer<typeof StageCapabilities>;

/** A stage's capabilities with the defaults applied, as read models carry them. */
export const ResolvedStageCapabilities = z.object({
  allows: z.array(z.string()), public: z.boolean(), closes: z.boolean(), pausable: z.boolean(),
});

export const WorkflowStage = z.object({
  key: Key,
  name: LocalizedText,
  /** Target number of days in this stage; longer is flagged overdue. */
  targetDays: z.number().int().min(1).max(3650).optional(),
  /** Target (a time limit) in working days of the province's calendar (`calendar.working_days`); longer is overdue. */
  targetWorkingDays: z.number().int().min(1).max(2500).optional(),
  /** No transition leaves a terminal stage (e.g. replicated, rejected for good). */
  terminal: z.boolean().optional(),
  capabilities: StageCapabilities.optional(),
});
export type WorkflowStage = z.infer<typeof WorkflowStage>;

export const WorkflowTransition = z.object({
  action: Key,
  /** The button label; the action key when absent. */
  name: LocalizedText.optional(),
  from: z.array(Key).min(1).max(100),
  to: Key,
  roles: z.array(z.enum(ROLES)).min(1),
  /** Document kinds that must be attached before the transition. */
  requiredDocuments: z.array(Key).max(50).optional(),
  /** Fields of the subject that must be non-empty. */
  requiredFields: z.array(FieldName).max(50).optional(),
  note: LocalizedText.optional(),
});
export type WorkflowTransition = z.infer<typeof WorkflowTransition>;

type Issue = { path: (string | number)[]; key: string; params: Record<string, unknown> };

/** Cross-checks the zod shape cannot express. Each problem is an issue whose message is an i18n key. */
export function definitionProblems(def: { stages: WorkflowStage[]; transitions: WorkflowTransition[] }): Issue[] {
  const problems: Issue[] = [];
  const stages = new Map<string, WorkflowStage>();
  def.stages.forEach((s, i) => {
    if (stages.has(s.key)) problems.push({ path: ['stages', i, 'key'], key: 'workflow.definition.duplicate_stage', params: { stage: s.key } });
    stages.set(s.key, s);
  });
  const seen = new Set<string>();
  def.transitions.forEach((t, i) => {
    if (!stages.has(t.to)) problems.push({ path: ['transitions', i, 'to'], key: 'workflow.definition.unknown_stage', params: { stage: t.to } });
    t.from.forEach((from, j) => {
      const path = ['transitions', i, 'from', j];
      if (!stages.has(from)) problems.push({ path, key: 'workflow.definition.unknown_stage', params: { stage: from } });
      else if (stages.get(from)!.terminal) problems.push({ path, key: 'workflow.definition.from_terminal', params: { stage: from } });
      if (from === t.to) problems.push({ path, key: 'workflow.definition.self_loop', params: { stage: from } });
      const pair = `${t.action}\u0000${from}`;
      if (seen.has(pair)) {
        problems.push({ path: ['transitions', i, 'action'], key: 'workflow.definition.duplicate_action', params: { action: t.action, stage: from } });
      }
      seen.add(pair);
    });
  });
  return problems;
}

export const WorkflowDefinition = z.object({
  /** The first stage is where a new subject starts. */
  stages: z.array(WorkflowStage).min(1).max(100),
  transitions: z.array(WorkflowTransition).max(500),
  /** Names of document kinds and subject fields, for messages such as "missing: Quyết định phê duyệt". */
  labels: z.object({
    documents: z.record(z.string(), LocalizedText).optional(),
    fields: z.record(z.string(), LocalizedText).optional(),
  }).optional(),
}).superRefine((def, ctx) => {
  for (const p of definitionProblems(def)) {
    ctx.addIssue({ code: 'custom', path: p.path, message: p.key, params: { i18n: p.key, ...p.params } });
  }
});
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;

// ---- read models (stage history, timing dashboard) ----

export const StageEvent = z.object({
  id: z.number().int(),
  fromStage: z.string().nullable(),
  fromName: LocalizedText.nullable(),
  toStage: z.string(),
  toName: LocalizedText.nullable(),
  action: z.string().nullable(),
  actionName: LocalizedText.nullable(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  ruleVersionId: Id,
  legalBasis: z.string(),
  /** Days spent in `toStage` (until the next event, or until now for the current stage). */
  daysInStage: z.number(),
  /** Calendar days the stage's clock ran (stopped spans left out). */
  clockDays: z.number(),
  /** Working days of the province's calendar the clock ran. */
  workingDays: z.number().int(),
  /** The stops of the stage's clock, each with its restart (null: still stopped, or until the stage ended). */
  clockStops: z.array(z.object({ stoppedAt: z.string(), resumedAt: z.string().nullable(), note: z.string().nullable() })),
});
export type StageEvent = z.infer<typeof StageEvent>;

export const StageDurationsQuery = z.object({
  subjectType: z.string().trim().min(1).max(60),
  /** Year of exit from the stage (Vietnam time). */
  year: z.coerce.number().int().min(1990).max(2200).optional(),
});
export type StageDurationsQuery = z.infer<typeof StageDurationsQuery>;

export const StageDuration = z.object({
  year: z.number().int(),
  stage: z.string(),
  name: LocalizedText.nullable(),
  targetDays: z.number().nullable(),
  targetWorkingDays: z.number().nullable(),
  /** Completed stays in the stage that ended that year. */
  count: z.number().int(),
  /** Calendar days the stage's clock ran (time while it was stopped left out). */
  medianDays: z.number(),
  p90Days: z.number(),
  /** Working days of the province's calendar the clock ran. */
  medianWorkingDays: z.number(),
  p90WorkingDays: z.number(),
});
export type StageDuration = z.infer<typeof StageDuration>;

export const StageDurations = z.object({ items: z.array(StageDuration) });

export const CurrentStagesQuery = z.object({
  subjectType: z.string().trim().min(1).max(60),
  /** A date (end of that day, Vietnam time) or a timestamp; default now. */
  asOf: z.union([IsoDate, z.iso.datetime({ offset: true })]).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type CurrentStagesQuery = z.infer<typeof CurrentStagesQuery>;

export const CurrentStage = z.object({
  subjectId: Id,
  workflow: z.string(),
  stage: z.string(),
  name: LocalizedText.nullable(),
  enteredAt: z.string(),
  /** Calendar days since the stage was entered. */
  daysInStage: z.number(),
  /** Calendar days the stage's clock has run (stopped time left out). */
  clockDays: z.number(),
  /** Working days the clock has run (days after the entry date, up to the as-of date, while running). */
  workingDays: z.number().int(),
  targetDays: z.number().nullable(),
  targetWorkingDays: z.number().nullable(),
  /** When the target is reached if the clock keeps running (yyyy-mm-dd); null without a target or while stopped. */
  dueDate: z.string().nullable(),
  /** The clock is stopped (since `pausedAt`). */
  paused: z.boolean(),
  pausedAt: z.string().nullable(),
  terminal: z.boolean(),
  /** Longer than a target (calendar or working days) by the clock; terminal stages never. */
  overdue: z.boolean(),
});
export type CurrentStage = z.infer<typeof CurrentStage>;

export const CurrentStages = z.object({ asOf: z.string(), items: z.array(CurrentStage) });
