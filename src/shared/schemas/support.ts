/**
 * Support given through a programme's call (issue #13): the review ranking, the support decision (quyết định hỗ
 * trợ) with its counterpart check, the completion record and the certificates, and the figures. One schema per
 * contract, used by the server's routes and the web's forms (the counterpart check runs live in the form with the
 * same function the server applies, `counterpartProblems`).
 */
import { z } from 'zod';
import { Id, IsoDate, LocalizedText, Version, optionalText, requiredText } from './common.ts';
import { formatNumberIn, formatPercentIn } from '../format.ts';

/** The support types the programmes offer (keys of the rule `support.types`; a province may add its own). */
export const SUPPORT_TYPES = [
  'management_system', 'productivity_tool', 'base_standard', 'barcode_traceability', 'ip_registration',
  'incubation_service', 'replication_model', 'technology_innovation', 'other',
] as const;
export const SupportTypeKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/);

/** One support type of the rule `support.types`: its name and the counterpart the firm must bring. */
export const SupportTypeRule = z.object({
  label: LocalizedText,
  /** The least share of the total cost the organisation pays itself (0.5: "the firm pays 50 % of consulting"). */
  minCounterpartShare: z.number().min(0).max(1),
  /** The most the state pays for one application of this type (VND); null: no cap. */
  maxStateAmount: z.number().int().min(0).nullable().default(null),
});
export type SupportTypeRule = z.infer<typeof SupportTypeRule>;

/** `support.types`: every support type's name and counterpart rule, dated per province. */
export const SupportTypesRule = z.object({ types: z.record(SupportTypeKey, SupportTypeRule) });
export type SupportTypesRule = z.infer<typeof SupportTypesRule>;

/** The order that breaks ties of the average score, as rule data (`support.ranking_ties`). */
export const TIE_BREAKERS = ['first_criterion', 'earlier_submission'] as const;
export const TieBreaker = z.enum(TIE_BREAKERS);
export const RankingTiesRule = z.object({ order: z.array(TieBreaker).min(1) });
export type RankingTiesRule = z.infer<typeof RankingTiesRule>;

/** `support.certificate_reminders`: how many days before a certificate expires its holder and the DOST are told. */
export const CertificateRemindersRule = z.object({ daysBefore: z.array(z.number().int().min(1).max(730)).min(1).max(5) });
export type CertificateRemindersRule = z.infer<typeof CertificateRemindersRule>;

/* ---------- the counterpart check (server and web) ---------- */

export interface Amounts { totalCost: number; stateAmount: number; counterpartAmount: number }
export type CounterpartProblem =
  | { kind: 'sum'; path: 'counterpartAmount'; params: { total: LocalizedText; sum: LocalizedText } }
  | { kind: 'share'; path: 'counterpartAmount'; params: { min: LocalizedText; share: LocalizedText; type: LocalizedText } }
  | { kind: 'cap'; path: 'stateAmount'; params: { max: LocalizedText; type: LocalizedText } };

const money = (n: number): LocalizedText => ({ vi: `${formatNumberIn('vi', n)} đồng`, en: `VND ${formatNumberIn('en', n)}` });
const pct = (share: number): LocalizedText => ({ vi: formatPercentIn('vi', share * 100), en: formatPercentIn('en', share * 100) });

/**
 * What is wrong with a decision's amounts under a support type's rule: the parts must add up to the total, the
 * counterpart must reach the type's least share of the total, the state's part must stay under the type's cap.
 */
export function counterpartProblems(rule: SupportTypeRule, a: Amounts): CounterpartProblem[] {
  const out: CounterpartProblem[] = [];
  if (a.stateAmount + a.counterpartAmount !== a.totalCost) {
    out.push({ kind: 'sum', path: 'counterpartAmount', params: { total: money(a.totalCost), sum: money(a.stateAmount + a.counterpartAmount) } });
  }
  const share = a.totalCost > 0 ? a.counterpartAmount / a.totalCost : 1;
  // Whole VND: the least counterpart is the share of the total rounded up to the dong.
  if (a.counterpartAmount < Math.ceil(a.totalCost * rule.minCounterpartShare - 1e-9)) {
    out.push({ kind: 'share', path: 'counterpartAmount', params: { min: pct(rule.minCounterpartShare), share: pct(share), type: rule.label } });
  }
  if (rule.maxStateAmount !== null && a.stateAmount > rule.maxStateAmount) {
    out.push({ kind: 'cap', path: 'stateAmount', params: { max: money(rule.maxStateAmount), type: rule.label } });
  }
  return out;
}

/** The message key of a counterpart problem (support.messages.ts). */
export const counterpartProblemKey = (p: CounterpartProblem) => `support.counterpart_${p.kind}` as const;

/* ---------- decisions ---------- */

const Money = z.number().int().min(0).max(999_999_999_999_999);

export const DecisionInput = z.object({
  supportType: SupportTypeKey,
  totalCost: Money,
  stateAmount: Money,
  counterpartAmount: Money,
  /** Số quyết định: "15/QĐ-SKHCN". */
  decisionNumber: requiredText(100),
  decisionDate: IsoDate,
  signerTitle: optionalText(200),
  signerName: optionalText(200),
  note: optionalText(4000),
});
export type DecisionInput = z.infer<typeof DecisionInput>;
export const DecisionUpdate = DecisionInput.extend({ version: Version });
export type DecisionUpdate = z.infer<typeof DecisionUpdate>;

export const Decision = z.object({
  id: Id,
  applicationId: Id,
  supportType: z.string(),
  supportTypeName: LocalizedText,
  totalCost: z.number(),
  stateAmount: z.number(),
  counterpartAmount: z.number(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;

/* ---------- outcomes and certificates ---------- */

export const OutcomeInput = z.object({
  completedOn: IsoDate,
  /** What the support achieved: "Được cấp chứng nhận ISO 9001:2015; giảm 12 % chi phí sản xuất". */
  achievements: requiredText(4000),
  note: optionalText(4000),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;
export const OutcomeUpdate = OutcomeInput.extend({ version: Version });
export type OutcomeUpdate = z.infer<typeof OutcomeUpdate>;
export const Outcome = z.object({
  id: Id, decisionId: Id, completedOn: z.string(), achievements: z.string(), note: z.string().nullable(), version: z.number().int(),
});
export type Outcome = z.infer<typeof Outcome>;

export const CertificateInput = z.object({
  /** "ISO 9001:2015", "HACCP", "VietGAP", "TCCS 01:2024/…". */
  standard: requiredText(200),
  certifyingBody: requiredText(300),
  number: requiredText(100),
  issuedOn: IsoDate,
  expiresOn: IsoDate.nullable().optional(),
  note: optionalText(4000),
}).refine((c) => !c.expiresOn || c.expiresOn > c.issuedOn, { path: ['expiresOn'], message: 'support.expiry_before_issue', params: { i18n: 'support.expiry_before_issue' } });
export type CertificateInput = z.infer<typeof CertificateInput>;
export const CertificateUpdate = z.object({
  standard: requiredText(200), certifyingBody: requiredText(300), number: requiredText(100), issuedOn: IsoDate,
  expiresOn: IsoDate.nullable().optional(), note: optionalText(4000), version: Version,
}).refine((c) => !c.expiresOn || c.expiresOn > c.issuedOn, { path: ['expiresOn'], message: 'support.expiry_before_issue', params: { i18n: 'support.expiry_before_issue' } });
export type CertificateUpdate = z.infer<typeof CertificateUpdate>;
export const CertificateVersion = z.object({ version: Version });

export const Certificate = z.object({
  id: Id, decisionId: Id, organizationId: Id, standard: z.string(), certifyingBody: z.string(), number: z.string(),
  issuedOn: z.string(), expiresOn: z.string().nullable(), note: z.string().nullable(), version: z.number().int(),
});
export type Certificate = z.infer<typeof Certificate>;

/** Everything of the support about one application, for its page (staff) and the applicant. */
export const ApplicationSupport = z.object({
  applicationId: Id,
  callId: Id,
  code: z.string().nullable(),
  title: z.string(),
  organizationName: z.string(),
  stage: z.string(),
  /** The call's review council, if one is set up, and this application's verdict in it. */
  review: z.object({
    councilId: Id, status: z.string(), average: z.number().nullable(), passed: z.boolean().nullable(), rank: z.number().int().nullable(),
  }).nullable(),
  decision: Decision.nullable(),
  outcome: Outcome.nullable(),
  certificates: z.array(Certificate),
  /** The support types the call offers, with their rule on today's date (for the decision form). */
  supportTypes: z.array(z.object({ key: z.string(), rule: SupportTypeRule })),
  /** May the caller write the decision, outcome and certificates. */
  canEdit: z.boolean(),
});
export type ApplicationSupport = z.infer<typeof ApplicationSupport>;

/* ---------- ranking ---------- */

export const RankingRow = z.object({
  applicationId: Id,
  code: z.string().nullable(),
  title: z.string(),
  organizationName: z.string(),
  stage: z.string(),
  submittedAt: z.string().nullable(),
  /** Members' average total; null without sheets. */
  average: z.number().nullable(),
  /** Average on the sheet's first criterion (the first tie-breaker). */
  firstCriterion: z.number().nullable(),
  passed: z.boolean().nullable(),
  /** 1-based; rows with no score are unranked (null). */
  rank: z.number().int().nullable(),
  selected: z.boolean(),
  /** Why this row is ahead of the next one with the same average (a tie broken), in both languages. */
  tieNote: LocalizedText.nullable(),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const Ranking = z.object({
  callId: Id,
  callTitle: z.string(),
  selectTop: z.number().int().nullable(),
  council: z.object({ id: Id, name: z.string(), status: z.string() }).nullable(),
  /** The tie-break rule applied and its legal basis. */
  ties: z.object({ order: z.array(TieBreaker), legalBasis: z.string() }),
  criterion: LocalizedText.nullable(),
  rows: z.array(RankingRow),
});
export type Ranking = z.infer<typeof Ranking>;

export const SupportCallList = z.object({
  items: z.array(z.object({
    id: Id, code: z.string(), title: z.string(), year: z.number().int(), status: z.string(), selectTop: z.number().int().nullable(),
    programmeName: z.string(), applications: z.number().int(), inReview: z.number().int(), decided: z.number().int(),
  })),
});
export type SupportCallList = z.infer<typeof SupportCallList>;

export const ReviewCouncilInput = z.object({
  name: requiredText(500),
  meetingDate: IsoDate.nullable().optional(),
  decisionNo: optionalText(100),
});
export type ReviewCouncilInput = z.infer<typeof ReviewCouncilInput>;
export const ReviewCouncil = z.object({ councilId: Id, dossiersAdded: z.number().int() });

/* ---------- figures ---------- */

export const FiguresQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.enum(['vi', 'en']).optional(),
});
export const FigureCount = z.object({ key: z.string(), label: LocalizedText, organizations: z.number().int(), decisions: z.number().int(), stateAmount: z.number() });
export type FigureCount = z.infer<typeof FigureCount>;
export const SupportFigures = z.object({
  year: z.number().int().nullable(),
  total: z.object({ organizations: z.number().int(), decisions: z.number().int(), stateAmount: z.number(), counterpartAmount: z.number(), certificates: z.number().int() }),
  byProgramme: z.array(FigureCount),
  byType: z.array(FigureCount),
  byYear: z.array(FigureCount),
  byUnit: z.array(FigureCount),
});
export type SupportFigures = z.infer<typeof SupportFigures>;
