import { z } from 'zod';
import { Id, IsoDate, PageQuery, Timestamps, Version, optionalText, pageOf, requiredText } from './common.ts';
import { ResolvedStageCapabilities } from './workflow.ts';

export const TASK_TYPES = ['research_topic', 'pilot_production_project', 'scheme', 'st_project'] as const;
export const TASK_LEVELS = ['provincial', 'grassroots', 'national'] as const;
export const ASSIGNMENT_MODES = ['ordering', 'selection', 'direct'] as const;
export const FUNDING_MODES = ['partial_lump_sum', 'final_product_lump_sum'] as const;
export const MEMBER_ROLES = ['secretary', 'key_member', 'member'] as const;
export const PRODUCT_KINDS = ['sample', 'process', 'model', 'report', 'software', 'ip_application', 'publication', 'training', 'other'] as const;
export const PRODUCT_STATUSES = ['planned', 'delivered', 'accepted', 'rejected'] as const;
export const ACCEPTANCE_RATINGS = ['excellent', 'passed', 'failed'] as const;
export const PROGRESS_KINDS = ['check', 'extension', 'adjustment'] as const;
/** The roles of an organisation taking part in a task besides its host. */
export const PARTICIPANT_ROLES = ['cooperating_enterprise', 'beneficiary', 'ordering_body', 'co_implementer', 'other'] as const;
/** Where disbursed money comes from: the state budget, the host's or enterprises' counterpart funding, other sources. */
export const DISBURSEMENT_SOURCES = ['state_budget', 'counterpart', 'other'] as const;

/** Money in million VND (triệu đồng), up to 3 decimals. */
const Money = z.number().min(0).max(1e10).multipleOf(0.001);
const Year = z.number().int().min(1990).max(2100);

export const TaskMemberInput = z.object({ personId: Id, role: z.enum(MEMBER_ROLES) });
export const TaskFundingInput = z.object({ year: Year, stateBudget: Money, counterpart: Money });
export const TaskParticipantInput = z.object({ organizationId: Id, role: z.enum(PARTICIPANT_ROLES), note: optionalText(500) });
export const TaskProductInput = z.object({
  name: requiredText(500),
  kind: z.enum(PRODUCT_KINDS),
  /** The specification is what the acceptance council checks the product against. */
  specification: requiredText(4000),
  quantity: z.number().min(0).max(1e9).nullable().optional(),
  unit: optionalText(50),
  status: z.enum(PRODUCT_STATUSES).default('planned'),
});

const uniqueBy = <T>(key: (t: T) => unknown, path: string) => (items: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<unknown>();
  items.forEach((it, i) => {
    const k = key(it);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, path], message: 'task.duplicate_item', params: { i18n: 'task.duplicate_item' } });
    seen.add(k);
  });
};

export const TaskInput = z.object({
  title: requiredText(1000),
  type: z.enum(TASK_TYPES),
  level: z.enum(TASK_LEVELS),
  scienceField: optionalText(10),
  hostOrganizationId: Id.nullable().optional(),
  principalInvestigatorId: Id.nullable().optional(),
  assignmentMode: z.enum(ASSIGNMENT_MODES).nullable().optional(),
  fundingMode: z.enum(FUNDING_MODES).nullable().optional(),
  proposalYear: Year,
  code: optionalText(50),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  summary: optionalText(10_000),
  members: z.array(TaskMemberInput).max(100).default([]).superRefine(uniqueBy((m) => m.personId, 'personId')),
  funding: z.array(TaskFundingInput).max(20).default([]).superRefine(uniqueBy((f) => f.year, 'year')),
  products: z.array(TaskProductInput).max(100).default([]),
  /**
   * Organisations taking part besides the host, with their role. Optional: an update without it keeps the stored
   * ones (clients written before the field existed must not erase them); `[]` removes them all.
   */
  participants: z.array(TaskParticipantInput).max(50).superRefine(uniqueBy((p) => p.organizationId, 'organizationId')).optional(),
}).superRefine((t, ctx) => {
  if (t.startDate && t.endDate && t.endDate < t.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'task.end_before_start', params: { i18n: 'task.end_before_start' } });
  }
  t.participants?.forEach((p, i) => {
    if (t.hostOrganizationId && p.organizationId === t.hostOrganizationId) {
      ctx.addIssue({ code: 'custom', path: ['participants', i, 'organizationId'], message: 'task.participant_is_host', params: { i18n: 'task.participant_is_host' } });
    }
  });
});
export type TaskInput = z.infer<typeof TaskInput>;

export const TaskCreate = TaskInput.safeExtend({
  /** The proposal date (default today): it fixes which dated rules govern the task. */
  proposedOn: IsoDate.optional(),
});
export type TaskCreate = z.infer<typeof TaskCreate>;

export const TaskUpdate = TaskInput.safeExtend({ version: Version });
export type TaskUpdate = z.infer<typeof TaskUpdate>;

const LocalText = z.object({ vi: z.string(), en: z.string() });

export const Task = z.object({
  id: Id,
  code: z.string().nullable(),
  title: z.string(),
  type: z.enum(TASK_TYPES),
  level: z.enum(TASK_LEVELS),
  scienceField: z.string().nullable(),
  scienceFieldName: LocalText.nullable(),
  hostOrganizationId: Id.nullable(),
  hostOrganizationName: z.string().nullable(),
  principalInvestigatorId: Id.nullable(),
  principalInvestigatorName: z.string().nullable(),
  assignmentMode: z.enum(ASSIGNMENT_MODES).nullable(),
  fundingMode: z.enum(FUNDING_MODES).nullable(),
  proposalYear: z.number().int(),
  regimeDate: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  summary: z.string().nullable(),
  stage: z.string(),
  stageName: LocalText,
  /** What the task may receive in its stage (progress, replication, re-proposal…), per the governing definition. */
  stageCapabilities: ResolvedStageCapabilities,
  stageEnteredAt: z.string(),
  /** Days in the current stage and the stage's target; overdue when days > target. */
  daysInStage: z.number(),
  targetDays: z.number().nullable(),
  overdue: z.boolean(),
  identificationPassed: z.boolean().nullable(),
  selectionPassed: z.boolean().nullable(),
  acceptanceRating: z.enum(ACCEPTANCE_RATINGS).nullable(),
  previousTaskId: Id.nullable(),
  /** When the proposal reached the DOST; null while it is the applicant's draft (stage `draft`). */
  submittedAt: z.string().nullable(),
  stateBudgetTotal: z.number(),
  counterpartTotal: z.number(),
  /** Counterpart funding as a percentage of state funding (the seeds cite ≥ 70 %); null without state funding. */
  counterpartShare: z.number().nullable(),
  /** What has been disbursed so far (million VND), from the task's disbursements. */
  stateBudgetDisbursed: z.number(),
  counterpartDisbursed: z.number(),
  version: z.number().int(),
  ...Timestamps,
});
export type Task = z.infer<typeof Task>;

export const TaskDocument = z.object({
  id: Id, kind: z.string(), kindName: LocalText, fileName: z.string(), contentType: z.string(), size: z.number().int(),
  note: z.string().nullable(), uploadedAt: z.string(), uploadedBy: z.string().nullable(),
});
export const TaskProgress = z.object({
  id: Id, kind: z.enum(PROGRESS_KINDS), reportDate: z.string(), percentComplete: z.number().int().nullable(),
  summary: z.string(), newEndDate: z.string().nullable(), createdAt: z.string(),
});
export const TaskReplication = z.object({
  id: Id, adminUnitId: Id.nullable(), adminUnitName: z.string().nullable(), place: z.string(),
  adopterOrganizationId: Id.nullable(), adopterName: z.string().nullable(), scale: z.string(), year: z.number().int(),
  note: z.string().nullable(), createdAt: z.string(),
  /** The model's name, what it achieved, the support given (đồng) and under which policy (src/shared/schemas/replications.ts). */
  name: z.string().nullable(), results: z.string().nullable(), supportAmount: z.number().nullable(),
  legalDocumentId: Id.nullable(), legalDocumentNumber: z.string().nullable(), applicationId: Id.nullable(), version: z.number().int(),
});

export const TaskParticipant = z.object({
  organizationId: Id, organizationName: z.string(), role: z.enum(PARTICIPANT_ROLES), note: z.string().nullable(),
});

/** Million VND, more than zero, to the thousand đồng. */
const Amount = z.number().positive().max(1e10).multipleOf(0.001);

/**
 * A disbursement (cấp phát kinh phí): money paid out or contributed on a date, from a source, on the decision that
 * ordered it. State budget money is paid on a decision, so its number is required; a decision precedes the payment.
 */
export const DisbursementInput = z.object({
  disbursedOn: IsoDate,
  amount: Amount,
  source: z.enum(DISBURSEMENT_SOURCES),
  decisionNo: optionalText(100),
  decisionDate: IsoDate.nullable().optional(),
  note: optionalText(2000),
}).superRefine((d, ctx) => {
  if (d.source === 'state_budget' && !d.decisionNo) {
    ctx.addIssue({ code: 'custom', path: ['decisionNo'], message: 'task.disbursement_needs_decision', params: { i18n: 'task.disbursement_needs_decision' } });
  }
  if (d.decisionDate && d.decisionDate > d.disbursedOn) {
    ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: 'task.decision_after_disbursement', params: { i18n: 'task.decision_after_disbursement' } });
  }
});
export type DisbursementInput = z.infer<typeof DisbursementInput>;
export const DisbursementUpdate = DisbursementInput.safeExtend({ version: Version });
export type DisbursementUpdate = z.infer<typeof DisbursementUpdate>;

export const TaskDisbursement = z.object({
  id: Id, taskId: Id, disbursedOn: z.string(), amount: z.number(), source: z.enum(DISBURSEMENT_SOURCES),
  decisionNo: z.string().nullable(), decisionDate: z.string().nullable(), note: z.string().nullable(),
  version: z.number().int(), ...Timestamps,
});
export type TaskDisbursement = z.infer<typeof TaskDisbursement>;

/** Planned against disbursed (million VND); `share` is the disbursed percentage of the planned, null with nothing planned. */
export const FundingFigures = z.object({ planned: z.number(), disbursed: z.number(), share: z.number().nullable() });
const FundingRow = z.object({
  stateBudget: FundingFigures,
  counterpart: FundingFigures,
  /** Money from other sources is not planned by year: only what was disbursed. */
  other: z.object({ disbursed: z.number() }),
  /** State budget + counterpart planned; every source disbursed. */
  total: FundingFigures,
  /** Counterpart as a percentage of state budget, planned and disbursed (provinces report it against ≥ 70 %). */
  counterpartShare: z.object({ planned: z.number().nullable(), disbursed: z.number().nullable() }),
});
/**
 * Planned funding (task_funding, by budget year) against disbursements (by the year of their date), per year and in
 * total: of one task (its page, its export) or of a province's tasks (the leader's overview).
 */
export const FundingSummary = z.object({
  years: z.array(FundingRow.extend({ year: z.number().int() })),
  totals: FundingRow,
});
export type FundingSummary = z.infer<typeof FundingSummary>;

export const FundingSummaryQuery = z.object({
  fromYear: z.coerce.number().int().min(1990).max(2100).optional(),
  toYear: z.coerce.number().int().min(1990).max(2100).optional(),
});

export const TaskDetail = Task.extend({
  members: z.array(z.object({ personId: Id, role: z.enum(MEMBER_ROLES), fullName: z.string() })),
  funding: z.array(z.object({ year: z.number().int(), stateBudget: z.number(), counterpart: z.number() })),
  products: z.array(TaskProductInput.extend({ id: Id, position: z.number().int(), quantity: z.number().nullable(), unit: z.string().nullable() })),
  documents: z.array(TaskDocument),
  progress: z.array(TaskProgress),
  replications: z.array(TaskReplication),
  participants: z.array(TaskParticipant),
  disbursements: z.array(TaskDisbursement),
  fundingSummary: FundingSummary,
  /** Earlier and later proposals of the same idea (a proposal not approved, revised and proposed again). */
  lineage: z.array(z.object({ id: Id, title: z.string(), proposalYear: z.number().int(), stage: z.string(), stageName: LocalText })),
  legalBasis: z.string(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  stage: z.string().max(60).optional(),
  scienceField: z.string().regex(/^\d{1,6}$/).optional(),
  hostOrganizationId: Id.optional(),
  fundingMode: z.enum(FUNDING_MODES).optional(),
  assignmentMode: z.enum(ASSIGNMENT_MODES).optional(),
  type: z.enum(TASK_TYPES).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskPage = pageOf(Task);

export const TransitionBody = z.object({ action: z.string().max(60), note: optionalText(2000), version: Version });

export const DocumentUpload = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60),
  fileName: requiredText(255),
  contentType: z.string().max(200).default('application/octet-stream'),
  /** The file, base64-encoded (at most 10 MB decoded). */
  contentBase64: z.string().min(1).max(14_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/),
  note: optionalText(1000),
});
export type DocumentUpload = z.infer<typeof DocumentUpload>;

export const ProgressInput = z.object({
  kind: z.enum(PROGRESS_KINDS),
  reportDate: IsoDate,
  percentComplete: z.number().int().min(0).max(100).nullable().optional(),
  summary: requiredText(4000),
  newEndDate: IsoDate.nullable().optional(),
}).superRefine((p, ctx) => {
  if (p.kind === 'extension' && !p.newEndDate) {
    ctx.addIssue({ code: 'custom', path: ['newEndDate'], message: 'task.extension_needs_date', params: { i18n: 'task.extension_needs_date' } });
  }
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const ReplicationInput = z.object({
  adminUnitId: Id.nullable().optional(),
  place: requiredText(500),
  adopterOrganizationId: Id.nullable().optional(),
  adopterName: optionalText(300),
  scale: requiredText(500),
  year: Year,
  note: optionalText(2000),
  /** A supported model's name, results and support (đồng; policy and programme application when there is one). */
  name: optionalText(500),
  results: optionalText(4000),
  supportAmount: z.number().int().min(0).max(1e15).nullable().optional(),
  legalDocumentId: Id.nullable().optional(),
  applicationId: Id.nullable().optional(),
});
export type ReplicationInput = z.infer<typeof ReplicationInput>;

export const ReproposeInput = z.object({ proposalYear: Year, title: optionalText(1000), proposedOn: IsoDate.optional() });

export const StageCount = z.object({ stage: z.string(), stageName: LocalText, count: z.number().int(), overdue: z.number().int(), targetDays: z.number().nullable() });
export const TaskDashboard = z.object({
  asOf: z.string(),
  stages: z.array(StageCount),
  overdue: z.array(Task),
  durations: z.array(z.object({
    year: z.number().int(), stage: z.string(), stageName: LocalText, count: z.number().int(), medianDays: z.number(), p90Days: z.number(),
    targetDays: z.number().nullable(),
  })),
});

export const PublicTask = z.object({
  id: Id, code: z.string().nullable(), title: z.string(), hostOrganizationName: z.string().nullable(),
  principalInvestigatorName: z.string().nullable(), startYear: z.number().int().nullable(), endYear: z.number().int().nullable(),
  acceptanceRating: z.enum(ACCEPTANCE_RATINGS).nullable(), summary: z.string().nullable(), scienceFieldName: LocalText.nullable(),
  products: z.array(z.object({ name: z.string(), kind: z.enum(PRODUCT_KINDS), specification: z.string() })),
  replications: z.array(z.object({ place: z.string(), scale: z.string(), year: z.number().int(), adopterName: z.string().nullable() })),
  participants: z.array(z.object({ name: z.string(), role: z.enum(PARTICIPANT_ROLES) })),
});
export const PublicTaskPage = pageOf(PublicTask);

export const TaskActions = z.object({
  stage: z.object({ key: z.string(), name: LocalText, targetDays: z.number().nullable(), terminal: z.boolean() }),
  othersMayAct: z.array(z.object({ action: z.string(), roles: z.array(z.string()) })),
  actions: z.array(z.object({
    action: z.string(), name: LocalText, to: z.string(), toName: LocalText, note: LocalText.nullable(), ready: z.boolean(),
    missingDocuments: z.array(z.string()), missingFields: z.array(z.string()),
  })),
  ruleVersionId: Id,
  legalBasis: z.string(),
});

export const PublicTaskQuery = PageQuery.extend({ province: z.string().regex(/^[a-z0-9-]{2,60}$/) });

/** A proposal being typed: its title and objectives; `excludeId` is the task being edited. */
export const SimilarTaskQuery = z.object({ title: requiredText(1000), summary: optionalText(5000), excludeId: Id.optional() });
export type SimilarTaskQuery = z.infer<typeof SimilarTaskQuery>;

/** An existing task like the proposal: this province's (any year, any stage) or another province's public one. */
export const SimilarTask = z.object({
  id: Id, title: z.string(), provinceName: z.string(), ownProvince: z.boolean(), proposalYear: z.number().int(),
  stage: z.string(), stageName: LocalText, acceptanceRating: z.enum(ACCEPTANCE_RATINGS).nullable(),
  /** Cosine of the TF-IDF vectors of syllables and syllable pairs (title, objectives, products): 0..1. */
  similarity: z.number(),
  sharedTerms: z.array(z.string()),
});
export const SimilarTaskList = z.object({ items: z.array(SimilarTask), compared: z.number().int() });
export type SimilarTaskList = z.infer<typeof SimilarTaskList>;
