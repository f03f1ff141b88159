/**
 * Councils (hội đồng) of a kind registered by a module — the councils module's own: identification (tư vấn xác
 * định), selection (tuyển chọn / giao trực tiếp), budget appraisal (thẩm định kinh phí) and acceptance (nghiệm
 * thu). A council is about a subject (`subject_type` + `subject_id`, e.g. a task) and evaluates dossiers (hồ sơ),
 * each scored by the members assigned to it on a scoring sheet, or rated Xuất sắc / Đạt / Không đạt: the kind's
 * evaluation mode, rule data (`council.kind.<kind>`). Sheet, composition and pass rule are dated rules.
 */
import { z } from 'zod';
import { formatNumberIn } from '../format.ts';
import { Id, IsoDate, LocalizedText, PageQuery, Timestamps, Version, optionalText, pageOf, requiredText } from './common.ts';

/** The kinds the councils module registers itself; modules register more (councils.kinds.ts). */
export const COUNCIL_KINDS = ['identification', 'selection', 'budget_appraisal', 'acceptance'] as const;
export type BuiltInCouncilKind = (typeof COUNCIL_KINDS)[number];
/** A registered council kind's key (checked against the registered kinds by the councils service). */
export const CouncilKind = z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/)
  .meta({ description: 'A registered council kind (GET /api/council-kinds), e.g. identification, selection, budget_appraisal, acceptance', examples: [...COUNCIL_KINDS] });
export type CouncilKind = z.infer<typeof CouncilKind>;

/** How a council's members evaluate a dossier: points on the scoring sheet, or a rating (Xuất sắc / Đạt / Không đạt). */
export const COUNCIL_EVALUATIONS = ['scoring', 'rating'] as const;
export const CouncilEvaluation = z.enum(COUNCIL_EVALUATIONS);
export type CouncilEvaluation = z.infer<typeof CouncilEvaluation>;

export const COUNCIL_STATUSES = ['draft', 'open', 'closed'] as const;
export const CouncilStatus = z.enum(COUNCIL_STATUSES);
export type CouncilStatus = z.infer<typeof CouncilStatus>;

export const MEMBER_ROLES = ['chair', 'vice_chair', 'secretary', 'reviewer', 'member'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

/** Acceptance ratings, lowest first: Không đạt < Đạt < Xuất sắc. */
export const RATINGS = ['failed', 'passed', 'excellent'] as const;
export const Rating = z.enum(RATINGS);
export type Rating = z.infer<typeof Rating>;

export const SubjectType = z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/);

/**
 * A member's answer on conflicts of interest: not answered yet, declared no conflict, or declared a conflict (the
 * member then does not evaluate). A member flagged as a likely conflict must answer before submitting a sheet.
 */
export const CONFLICT_STATUSES = ['unanswered', 'none', 'declared'] as const;
export const ConflictStatus = z.enum(CONFLICT_STATUSES);
export type ConflictStatus = z.infer<typeof ConflictStatus>;

/** Who entered a sheet: the member themself, or on their behalf (a paper sheet) the chair, the secretary or DOST staff. */
export const SHEET_ENTRY_ROLES = ['self', 'chair', 'secretary', 'staff'] as const;
export const SheetEnteredAs = z.enum(SHEET_ENTRY_ROLES);
export type SheetEnteredAs = z.infer<typeof SheetEnteredAs>;

/* ---------- rule values (registered with the rules module by the councils module) ---------- */

const Fraction = z.object({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) })
  .refine((f) => f.numerator <= f.denominator, { message: 'numerator must not exceed denominator' });
export type Fraction = z.infer<typeof Fraction>;

export const Criterion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/),
  name: LocalizedText,
  maxPoints: z.number().positive().max(1000),
});
export type Criterion = z.infer<typeof Criterion>;

/** `council.scoring_sheet`: the criteria and their maximum points (phiếu đánh giá). */
export const ScoringSheetRule = z.object({
  criteria: z.array(Criterion).min(1).max(30)
    .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, { message: 'criterion keys must be unique' }),
});
export type ScoringSheetRule = z.infer<typeof ScoringSheetRule>;

/* ---------- a member's scores against the sheet (the web form and the server check them alike) ---------- */

export type SheetProblem =
  | { kind: 'missing'; criterion: Criterion }
  | { kind: 'unknown'; key: string }
  | { kind: 'out_of_range'; criterion: Criterion; value: number }
  | { kind: 'precision'; criterion: Criterion; value: number };

/** Problems of a member's scores against the sheet, in the sheet's order; empty when the sheet is valid. */
export function checkScores(sheet: ScoringSheetRule, scores: Record<string, number | null | undefined>): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const known = new Set(sheet.criteria.map((c) => c.key));
  for (const c of sheet.criteria) {
    const v = scores[c.key];
    if (v === undefined || v === null) problems.push({ kind: 'missing', criterion: c });
    else if (!Number.isFinite(v) || v < 0 || v > c.maxPoints) problems.push({ kind: 'out_of_range', criterion: c, value: v });
    else if (Math.abs(Math.round(v * 100) - v * 100) > 1e-6) problems.push({ kind: 'precision', criterion: c, value: v });
  }
  for (const key of Object.keys(scores)) if (!known.has(key)) problems.push({ kind: 'unknown', key });
  return problems;
}

/** A number in both languages' notation: 79,25 / 79.25. */
export const bilingualNumber = (n: number) => ({ vi: formatNumberIn('vi', n), en: formatNumberIn('en', n) });

/**
 * A sheet problem as a message key of the shared table (councils.messages.ts) and its parameters: the server
 * words its error and each field problem with it, the web form marks the field with the same words.
 */
export type SheetProblemKey = 'council.score_out_of_range' | 'council.score_missing' | 'council.score_precision' | 'council.score_unknown_criterion';
export function sheetProblemMessage(p: SheetProblem): { key: SheetProblemKey; params: Record<string, unknown> } {
  if (p.kind === 'unknown') return { key: 'council.score_unknown_criterion', params: { key: p.key } };
  const params = { criterion: p.criterion.name, max: bilingualNumber(p.criterion.maxPoints), ...('value' in p ? { value: bilingualNumber(p.value) } : {}) };
  const key: SheetProblemKey = p.kind === 'out_of_range' ? 'council.score_out_of_range' : p.kind === 'missing' ? 'council.score_missing' : 'council.score_precision';
  return { key, params };
}

/**
 * One sheet's scores as a zod schema: every criterion's points within 0..max with at most 2 decimals, no other key.
 * Each issue sits at the criterion's key and names its message (`params.i18n`), so a form puts it on the field and
 * the server answers `{ code, message, details: [{ path: 'body.scores.<key>', key, … }] }`.
 */
export function sheetScores(sheet: ScoringSheetRule) {
  return z.record(z.string(), z.number().nullable()).superRefine((scores, ctx) => {
    for (const p of checkScores(sheet, scores)) {
      const { key, params } = sheetProblemMessage(p);
      const criterion = p.kind === 'unknown' ? p.key : p.criterion.key;
      ctx.addIssue({ code: 'custom', path: [criterion], message: key, params: { ...params, i18n: key, problem: p.kind, criterionKey: criterion } });
    }
  });
}

const RoleBounds = z.object({ min: z.number().int().min(0).default(0), max: z.number().int().min(0).optional() });

/** `council.composition`: size, roles and quorum. */
export const CompositionRule = z.object({
  minMembers: z.number().int().min(1),
  maxMembers: z.number().int().min(1),
  /** Bounds per role; roles not listed are unbounded. */
  roles: z.partialRecord(MemberRole, RoleBounds).default({}),
  /** A sitting is valid when present members without a declared conflict reach this share of all members. */
  quorum: Fraction,
  /** The chair, or failing that a vice-chair, must be present (and without a conflict) to close. */
  presidingRequired: z.boolean().default(true),
}).refine((r) => r.minMembers <= r.maxMembers, { message: 'minMembers must not exceed maxMembers', path: ['maxMembers'] });
export type CompositionRule = z.infer<typeof CompositionRule>;

/** `council.pass_rule`: when a scored dossier passes, and how an acceptance rating is decided. */
export const PassRule = z.object({
  /** The average of the members' totals must reach this. */
  minAverage: z.number().min(0),
  /** A criterion scored 0 by more than this share of the scoring members fails the dossier. */
  maxZeroShare: Fraction,
  acceptance: z.object({
    /** The rating given by most members; on a tie, the lower (or higher) of the tied ratings. */
    tieBreak: z.enum(['lower', 'higher']).default('lower'),
  }).default({ tieBreak: 'lower' }),
});
export type PassRule = z.infer<typeof PassRule>;

/** `council.kind.<kind>`: what a kind of council does, dated with its legal basis. */
export const CouncilKindRule = z.object({ evaluation: CouncilEvaluation });
export type CouncilKindRule = z.infer<typeof CouncilKindRule>;

/** A rule as the council froze it: the value and where it comes from. */
const RuleRef = <T extends z.ZodType>(value: T) => z.object({
  /** null: not a rule version but the subject's own (a programme call's scoring sheet, councils.subjects.ts). */
  ruleVersionId: Id.nullable(),
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  value,
});
export const CouncilRules = z.object({
  /** The date the rules were resolved on. */
  onDate: z.string(),
  /**
   * What that date is: the regime date of the council's subject (a task: its proposal date, so a task keeps the
   * rules of its regime, as its workflow does), or, for a subject without one, the meeting date. Absent in
   * councils set up before it was recorded (they used the meeting date).
   */
  dateOf: z.enum(['subject_regime', 'meeting_date']).optional(),
  scoringSheet: RuleRef(ScoringSheetRule),
  composition: RuleRef(CompositionRule),
  passRule: RuleRef(PassRule),
  /** The kind's rule (evaluation mode); absent in councils set up before it was rule data. */
  kind: RuleRef(CouncilKindRule).optional(),
});
export type CouncilRules = z.infer<typeof CouncilRules>;

/* ---------- council ---------- */

export const CouncilInput = z.object({
  subjectType: SubjectType,
  subjectId: Id,
  kind: CouncilKind,
  name: requiredText(500),
  /** The decision that set up the council: "45/QĐ-SKHCN". */
  decisionNo: optionalText(100),
  decisionDate: IsoDate.nullable().optional(),
  meetingDate: IsoDate.nullable().optional(),
  location: optionalText(300),
  /** Number of the minutes (biên bản): "12/BB-SKHCN". */
  minutesNo: optionalText(100),
  note: optionalText(2000),
});
export type CouncilInput = z.infer<typeof CouncilInput>;

export const CouncilUpdate = CouncilInput.omit({ subjectType: true, subjectId: true, kind: true }).extend({ version: Version });
export type CouncilUpdate = z.infer<typeof CouncilUpdate>;

export const CouncilVersionBody = z.object({ version: Version });

export const Council = z.object({
  id: Id,
  subjectType: z.string(),
  subjectId: Id,
  kind: CouncilKind,
  /** The kind's name as its module registered it. */
  kindName: LocalizedText,
  evaluation: CouncilEvaluation,
  name: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  meetingDate: z.string().nullable(),
  location: z.string().nullable(),
  minutesNo: z.string().nullable(),
  note: z.string().nullable(),
  status: CouncilStatus,
  rules: CouncilRules,
  memberCount: z.number().int(),
  dossierCount: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type Council = z.infer<typeof Council>;

export const CouncilMemberInput = z.object({
  personId: Id,
  role: MemberRole,
  /** The member's account (usually a reviewer account), so they can see and score their dossiers. */
  userId: Id.nullable().optional(),
});
export type CouncilMemberInput = z.infer<typeof CouncilMemberInput>;

/** What makes a member a likely conflict of interest with a subject the council evaluates. */
export const LIKELY_CONFLICT_RELATIONS = ['organization', 'person', 'person_organization'] as const;
export const LikelyConflict = z.object({
  /**
   * organization: the member works at an organisation of the subject (a task's host); person: the member is a
   * person of the subject (its principal investigator); person_organization: the member works where that person works.
   */
  relation: z.enum(LIKELY_CONFLICT_RELATIONS),
  /** What the organisation or person is to the subject: "tổ chức chủ trì", "chủ nhiệm nhiệm vụ". */
  role: LocalizedText,
  /** The organisation's or the person's name. */
  partyName: z.string(),
  /** The organisation the member works at that gives rise to it (null for relation person). */
  organizationName: z.string().nullable(),
  subjectTitle: z.string(),
});
export type LikelyConflict = z.infer<typeof LikelyConflict>;

export const CouncilMember = z.object({
  id: Id,
  personId: Id,
  fullName: z.string(),
  /** "PGS.TS Nguyễn Văn An": academic title and degree before the name. */
  displayName: z.string(),
  /** The expert's organisation in the registry (Đơn vị công tác). */
  organizationId: Id.nullable(),
  organizationName: z.string().nullable(),
  role: MemberRole,
  userId: Id.nullable(),
  /** Not answered, declared no conflict, or declared a conflict (then conflictDeclared). */
  conflictStatus: ConflictStatus,
  /**
   * Why the member is likely in conflict with a subject the council evaluates (from the subjects' own modules);
   * such a member must confirm no conflict or declare one before submitting a sheet.
   */
  likelyConflicts: z.array(LikelyConflict),
  conflictDeclared: z.boolean(),
  conflictNote: z.string().nullable(),
  declaredAt: z.string().nullable(),
  present: z.boolean(),
});
export type CouncilMember = z.infer<typeof CouncilMember>;

export const ConflictInput = z.object({ declared: z.boolean(), note: optionalText(2000) });
export const PresenceInput = z.object({ present: z.boolean() });

export const CouncilDossierInput = z.object({
  subjectType: SubjectType,
  subjectId: Id,
  /** Default: the subject's own title, as its module reports it. */
  title: optionalText(1000),
});
export type CouncilDossierInput = z.infer<typeof CouncilDossierInput>;

export const CouncilDossier = z.object({
  id: Id,
  subjectType: z.string(),
  subjectId: Id,
  title: z.string(),
  position: z.number().int(),
  memberIds: z.array(Id),
  sheetCount: z.number().int(),
});
export type CouncilDossier = z.infer<typeof CouncilDossier>;

export const AssignmentsInput = z.object({ memberIds: z.array(Id).max(100) });
export type AssignmentsInput = z.infer<typeof AssignmentsInput>;

export const SheetInput = z.object({
  /** Points per criterion key (scoring councils). */
  scores: z.record(z.string().max(50), z.number()).optional(),
  /** Rating (acceptance councils). */
  rating: Rating.optional(),
  comment: optionalText(5000),
});
export type SheetInput = z.infer<typeof SheetInput>;

export const Sheet = z.object({
  id: Id,
  dossierId: Id,
  memberId: Id,
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  rating: Rating.nullable(),
  comment: z.string().nullable(),
  /** The account that entered the sheet. */
  enteredBy: Id.nullable(),
  /** The member themself, or on their behalf (a paper sheet): the chair, the secretary or DOST staff. */
  enteredAs: SheetEnteredAs,
  submittedAt: z.string(),
});
export type Sheet = z.infer<typeof Sheet>;

export const CouncilDetail = Council.extend({
  members: z.array(CouncilMember),
  /** For a reviewer: only the dossiers assigned to them. */
  dossiers: z.array(CouncilDossier),
  /** The member the signed-in user is, if any. */
  myMemberId: Id.nullable(),
  /** The signed-in member's own sheets. */
  mySheets: z.array(Sheet),
});
export type CouncilDetail = z.infer<typeof CouncilDetail>;

export const CouncilListQuery = PageQuery.extend({
  /** With subjectId: councils about this subject, or evaluating a dossier of it. */
  subjectType: SubjectType.optional(),
  subjectId: Id.optional(),
  kind: CouncilKind.optional(),
  status: CouncilStatus.optional(),
});
export type CouncilListQuery = z.infer<typeof CouncilListQuery>;

export const CouncilPage = pageOf(Council);

/** A registered council kind, with the evaluation mode in force on the date asked for in the caller's province. */
export const CouncilKindInfo = z.object({
  key: CouncilKind,
  name: LocalizedText,
  /** Subject types whose councils may be of this kind; null: any. */
  subjectTypes: z.array(z.string()).nullable(),
  evaluation: CouncilEvaluation,
  legalBasis: z.string(),
});
export type CouncilKindInfo = z.infer<typeof CouncilKindInfo>;
export const CouncilKindList = z.object({ onDate: z.string(), items: z.array(CouncilKindInfo) });
export const CouncilKindQuery = z.object({ subjectType: SubjectType.optional(), onDate: IsoDate.optional() });

/* ---------- results ---------- */

/** Why a dossier has its result; no_members, no_quorum and no_presiding: no conclusion may be drawn yet. */
export const ReasonCode = z.enum(['passed', 'average_below', 'zero_scores', 'no_sheets', 'rating', 'no_members', 'no_quorum', 'no_presiding']);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const DossierResult = z.object({
  dossierId: Id,
  title: z.string(),
  subjectType: z.string(),
  subjectId: Id,
  sheets: z.array(z.object({
    memberId: Id, memberName: z.string(), role: MemberRole,
    scores: z.record(z.string(), z.number()).nullable(), total: z.number().nullable(), rating: Rating.nullable(), comment: z.string().nullable(),
    /** A paper sheet entered on the member's behalf unless `self`. */
    enteredAs: SheetEnteredAs,
  })),
  /** Assigned members without a conflict who have not submitted. */
  missing: z.array(z.object({ memberId: Id, memberName: z.string() })),
  /** Sheets left out because their member declared a conflict after submitting. */
  excluded: z.array(z.object({ memberId: Id, memberName: z.string() })),
  count: z.number().int(),
  average: z.number().nullable(),
  criteria: z.array(z.object({
    key: z.string(), name: LocalizedText, maxPoints: z.number(), average: z.number().nullable(),
    zeroCount: z.number().int(), zeroLimitExceeded: z.boolean(),
  })),
  ratings: z.object({ excellent: z.number().int(), passed: z.number().int(), failed: z.number().int() }).nullable(),
  /** The verdict: null without sheets, and while the sitting cannot conclude (below quorum, nobody presiding). */
  rating: Rating.nullable(),
  passed: z.boolean().nullable(),
  reasons: z.array(z.object({ code: ReasonCode, params: z.record(z.string(), z.unknown()) })),
  /** The reasons as one sentence in the request's language. */
  reason: z.string(),
});
export type DossierResult = z.infer<typeof DossierResult>;

export const CouncilResults = z.object({
  councilId: Id,
  kind: CouncilKind,
  kindName: LocalizedText,
  evaluation: CouncilEvaluation,
  status: CouncilStatus,
  quorum: z.object({
    members: z.number().int(),
    /** Present members without a declared conflict. */
    eligiblePresent: z.number().int(),
    required: z.number().int(),
    met: z.boolean(),
    presidingPresent: z.boolean(),
    presidingRequired: z.boolean(),
    /** Quorum met and, when the rule requires it, the chair or a vice-chair present: only then is a verdict given. */
    canConclude: z.boolean(),
  }),
  /** The pass rule, cited by its legal basis; a rated council cites its kind's rule (the ratings), not the scoring rule. */
  passRule: z.object({ legalBasis: z.string(), value: PassRule }),
  dossiers: z.array(DossierResult),
});
export type CouncilResults = z.infer<typeof CouncilResults>;
