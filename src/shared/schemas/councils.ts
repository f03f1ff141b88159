/**
 * Councils (hội đồng) of a kind registered by a module — the councils module's own: identification (tư vấn xác
 * định), selection (tuyển chọn / giao trực tiếp), budget appraisal (thẩm định kinh phí) and acceptance (nghiệm
 * thu). A council is about a subject (`subject_type` + `subject_id`, e.g. a task) and evaluates dossiers (hồ sơ),
 * each scored by the members assigned to it on a scoring sheet, or rated Xuất sắc / Đạt / Không đạt: the kind's
 * evaluation mode, rule data (`council.kind.<kind>`). Sheet, composition and pass rule are dated rules.
 */
import { z } from 'zod';
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
  ruleVersionId: Id,
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  value,
});
export const CouncilRules = z.object({
  onDate: z.string(),
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

export const CouncilMember = z.object({
  id: Id,
  personId: Id,
  fullName: z.string(),
  /** "PGS.TS Nguyễn Văn An": academic title and degree before the name. */
  displayName: z.string(),
  organizationName: z.string().nullable(),
  role: MemberRole,
  userId: Id.nullable(),
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
  enteredBy: Id.nullable(),
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

export const ReasonCode = z.enum(['passed', 'average_below', 'zero_scores', 'no_sheets', 'rating']);

export const DossierResult = z.object({
  dossierId: Id,
  title: z.string(),
  subjectType: z.string(),
  subjectId: Id,
  sheets: z.array(z.object({
    memberId: Id, memberName: z.string(), role: MemberRole,
    scores: z.record(z.string(), z.number()).nullable(), total: z.number().nullable(), rating: Rating.nullable(), comment: z.string().nullable(),
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
  }),
  passRule: z.object({ legalBasis: z.string(), value: PassRule }),
  dossiers: z.array(DossierResult),
});
export type CouncilResults = z.infer<typeof CouncilResults>;
