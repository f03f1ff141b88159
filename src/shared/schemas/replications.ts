/**
 * Replicated models (mô hình nhân rộng): the tasks module's replication records seen as a register of their own —
 * a khcn task's result applied somewhere, or a model that replicates a described source (another province's task,
 * a national programme) — with the support given, filtered by year, place (on the boundaries of a date) and source.
 */
import { z } from 'zod';
import { Id, IsoDate, Version, optionalText } from './common.ts';
import { ReplicationInput, TaskReplication } from './tasks.ts';

/** What a model replicates: a khcn task, another province's task, a national programme, something else described. */
export const REPLICATION_SOURCE_KINDS = ['task', 'other_province', 'national_programme', 'other'] as const;
export type ReplicationSourceKind = (typeof REPLICATION_SOURCE_KINDS)[number];

const sourceRule = (v: { sourceKind: ReplicationSourceKind; taskId?: string | null; sourceDescription?: string | null }, ctx: z.RefinementCtx) => {
  if (v.sourceKind === 'task' && !v.taskId) {
    ctx.addIssue({ code: 'custom', path: ['taskId'], message: 'replication.task_required', params: { i18n: 'replication.task_required' } });
  }
  if (v.sourceKind !== 'task' && !v.sourceDescription) {
    ctx.addIssue({ code: 'custom', path: ['sourceDescription'], message: 'replication.source_required', params: { i18n: 'replication.source_required' } });
  }
};

const ModelFields = ReplicationInput.extend({
  sourceKind: z.enum(REPLICATION_SOURCE_KINDS),
  /** The khcn task whose result is replicated (sourceKind `task`). */
  taskId: Id.nullable().optional(),
  /** The source described when it is not a khcn task: "Đề tài … của tỉnh Đồng Tháp", "Chương trình Nông thôn miền núi". */
  sourceDescription: optionalText(1000),
});

export const ReplicatedModelInput = ModelFields.superRefine(sourceRule);
export type ReplicatedModelInput = z.infer<typeof ReplicatedModelInput>;

export const ReplicatedModelUpdate = ModelFields.extend({ version: Version }).superRefine(sourceRule);
export type ReplicatedModelUpdate = z.infer<typeof ReplicatedModelUpdate>;

export const ReplicatedModel = TaskReplication.extend({
  taskId: Id.nullable(),
  taskCode: z.string().nullable(),
  taskTitle: z.string().nullable(),
  sourceKind: z.enum(REPLICATION_SOURCE_KINDS),
  sourceDescription: z.string().nullable(),
  applicationCode: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReplicatedModel = z.infer<typeof ReplicatedModel>;

const QueryYear = z.coerce.number().int().min(1990).max(2100);

export const ReplicatedModelListQuery = z.object({
  year: QueryYear.optional(),
  fromYear: QueryYear.optional(),
  toYear: QueryYear.optional(),
  /**
   * A province, district or commune: the models placed in it or in a unit under it, and in the units that preceded
   * those (a model placed in a commune before the 2025 merger counts in its successor).
   */
  adminUnitId: Id.optional(),
  /** The day whose boundaries the place filter is drawn on (the web offers the units in force then); default today. */
  asOf: IsoDate.optional(),
  sourceKind: z.enum(REPLICATION_SOURCE_KINDS).optional(),
  taskId: Id.optional(),
  /** The policy (legal document) the support was given under. */
  legalDocumentId: Id.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReplicatedModelListQuery = z.infer<typeof ReplicatedModelListQuery>;

export const ReplicatedModelPage = z.object({
  items: z.array(ReplicatedModel),
  nextCursor: z.string().nullable(),
  /** How many models match the filters (all pages), and how many of them per year. */
  total: z.number().int(),
  byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
});
export type ReplicatedModelPage = z.infer<typeof ReplicatedModelPage>;

export const ReplicatedModelDelete = z.object({ version: z.coerce.number().pipe(Version) });
