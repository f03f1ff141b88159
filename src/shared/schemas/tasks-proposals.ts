/**
 * An enterprise's proposal of an S&T task (đề xuất nhiệm vụ trực tuyến): what the applicant types, saved as a draft
 * of its own organisation (ProposalInput), and what it must hold to be submitted to the DOST (ProposalReady — the web
 * form checks the same schema before it submits, the server checks the stored draft with it). The documents a
 * submission needs are not listed here: they are the workflow's data (the documents the first stage's transitions
 * require, `proposal_form` in the national definitions).
 */
import { z } from 'zod';
import { Id, IsoDate, Version, optionalText, requiredText } from './common.ts';
import { TASK_LEVELS, TASK_TYPES, TaskFundingInput, TaskProductInput } from './tasks.ts';

/** The stage key a draft carries (no stage of any workflow version; see migration 0055). */
export const DRAFT_STAGE = 'draft';
export const DRAFT_STAGE_NAME = { vi: 'Bản nháp (chưa gửi Sở)', en: 'Draft (not yet submitted)' } as const;

const Year = z.number().int().min(1990).max(2100);

const issue = (ctx: z.RefinementCtx, path: (string | number)[], key: string) =>
  ctx.addIssue({ code: 'custom', path, message: key, params: { i18n: key } });

const ProposalFields = z.object({
  title: requiredText(1000),
  type: z.enum(TASK_TYPES),
  level: z.enum(TASK_LEVELS).default('provincial'),
  scienceField: optionalText(10),
  proposalYear: Year,
  /** Objectives and main content (mục tiêu, nội dung chính). */
  summary: optionalText(10_000),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  /** Funding asked for, by year (million VND): state budget and the enterprise's counterpart. */
  funding: z.array(TaskFundingInput).max(20).default([]),
  /** Expected products with their specification. */
  products: z.array(TaskProductInput).max(100).default([]),
});

function checkProposal(p: { startDate?: string | null; endDate?: string | null; funding: { year: number }[] }, ctx: z.RefinementCtx) {
  if (p.startDate && p.endDate && p.endDate < p.startDate) issue(ctx, ['endDate'], 'task.end_before_start');
  const years = new Set<number>();
  p.funding.forEach((f, i) => {
    if (years.has(f.year)) issue(ctx, ['funding', i, 'year'], 'task.duplicate_item');
    years.add(f.year);
  });
}

/** A draft as saved: a title, the type and the year are enough. */
export const ProposalInput = ProposalFields.superRefine(checkProposal);
export type ProposalInput = z.infer<typeof ProposalInput>;

export const ProposalUpdate = ProposalFields.safeExtend({ version: Version }).superRefine(checkProposal);
export type ProposalUpdate = z.infer<typeof ProposalUpdate>;

/** What a proposal must say before it is submitted: also its field of science and its objectives and content. */
export const ProposalReady = ProposalFields.safeExtend({
  scienceField: requiredText(10),
  summary: requiredText(10_000),
}).superRefine(checkProposal);

export const VersionBody = z.object({ version: Version });

/** An officer's request for missing papers: the note lists what is missing. */
export const PaperRequestInput = z.object({ note: requiredText(4000) });
/** The applicant's answer: a note; the files are attached to the task (attachments API) before answering. */
export const PaperAnswerInput = z.object({ note: requiredText(4000) });

export const TaskPaperRequest = z.object({
  id: Id, taskId: Id, stage: z.string(), stageName: z.object({ vi: z.string(), en: z.string() }), note: z.string(),
  requestedBy: z.string().nullable(), requestedAt: z.string(),
  answerNote: z.string().nullable(), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(),
  /** The files attached to the task between the request and its answer (or now, while it is open). */
  files: z.array(z.object({ id: Id, fileName: z.string(), kind: z.string(), uploadedAt: z.string() })),
});
export type TaskPaperRequest = z.infer<typeof TaskPaperRequest>;
export const TaskPaperRequestList = z.object({ items: z.array(TaskPaperRequest) });

/**
 * A closed council's conclusion about the task, as the host organisation may read it: the council, its date and its
 * verdict (passed or not, the acceptance rating) — never the members' sheets, scores or the averages.
 */
export const CouncilConclusion = z.object({
  councilId: Id,
  kind: z.string(),
  kindName: z.object({ vi: z.string(), en: z.string() }),
  name: z.string(),
  meetingDate: z.string().nullable(),
  closedAt: z.string().nullable(),
  minutesNo: z.string().nullable(),
  passed: z.boolean().nullable(),
  rating: z.enum(['excellent', 'passed', 'failed']).nullable(),
});
export type CouncilConclusion = z.infer<typeof CouncilConclusion>;
export const CouncilConclusionList = z.object({ items: z.array(CouncilConclusion) });
