/**
 * The arithmetic of councils, as pure functions (table-tested in councils.scoring.test.ts):
 *  - a score sheet's check against the scoring sheet (every criterion present, 0 ≤ points ≤ max, at most 2 decimals),
 *    shared with the web form (shared/schemas/councils.ts);
 *  - the aggregation of one dossier's sheets and the pass rule;
 *  - the acceptance rating given by most members;
 *  - the quorum, and whether the sitting may conclude (no verdict is given before it may).
 * Points are added in hundredths (integers) so that 70 = 69.5 + 0.5 exactly, never 69.99999.
 */
import type {
  CompositionRule, Criterion, Fraction, MemberRole, PassRule, Rating, ReasonCode, ScoringSheetRule,
} from '../../../shared/schemas/councils.ts';
import { RATINGS, checkScores, type SheetProblem } from '../../../shared/schemas/councils.ts';

export { checkScores, type SheetProblem };

const hundredths = (n: number) => Math.round(n * 100);
const fromHundredths = (n: number) => n / 100;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function sheetTotal(sheet: ScoringSheetRule, scores: Record<string, number>): number {
  return fromHundredths(sheet.criteria.reduce((sum, c) => sum + hundredths(scores[c.key] ?? 0), 0));
}

/** `count > share × total`, exactly: count·denominator > numerator·total. */
export const exceedsShare = (count: number, total: number, share: Fraction) => count * share.denominator > share.numerator * total;

/** The smallest count that reaches the share of total: ⌈total · numerator / denominator⌉. */
export const shareOf = (total: number, share: Fraction) => Math.ceil((total * share.numerator) / share.denominator);

export interface Reason { code: ReasonCode; params: Record<string, unknown> }

export interface ScoredDossier {
  count: number;
  /** Average of the members' totals, rounded to 2 decimals for display (the pass test uses the exact value). */
  average: number | null;
  totals: number[];
  criteria: { key: string; name: Criterion['name']; maxPoints: number; average: number | null; zeroCount: number; zeroLimitExceeded: boolean }[];
  passed: boolean | null;
  reasons: Reason[];
}

/**
 * Aggregates the score sheets of one dossier (only those of members without a declared conflict) and applies the
 * pass rule: the average total reaches `minAverage`, and no criterion is scored 0 by more than `maxZeroShare` of
 * the members who scored. Without sheets there is no verdict (passed = null).
 */
export function aggregateScores(sheet: ScoringSheetRule, rule: PassRule, sheets: Record<string, number>[]): ScoredDossier {
  const n = sheets.length;
  const totals = sheets.map((s) => sheetTotal(sheet, s));
  const criteria = sheet.criteria.map((c) => {
    const values = sheets.map((s) => s[c.key] ?? 0);
    const zeroCount = values.filter((v) => v === 0).length;
    return {
      key: c.key, name: c.name, maxPoints: c.maxPoints,
      average: n ? round2(fromHundredths(values.reduce((a, v) => a + hundredths(v), 0)) / n) : null,
      zeroCount,
      zeroLimitExceeded: n > 0 && exceedsShare(zeroCount, n, rule.maxZeroShare),
    };
  });
  if (n === 0) return { count: 0, average: null, totals, criteria, passed: null, reasons: [{ code: 'no_sheets', params: {} }] };
  const sum = totals.reduce((a, t) => a + hundredths(t), 0);
  const average = round2(fromHundredths(sum) / n);
  const averageOk = sum >= hundredths(rule.minAverage) * n;
  const zeroFailures = criteria.filter((c) => c.zeroLimitExceeded);
  const reasons: Reason[] = [];
  const share = `${rule.maxZeroShare.numerator}/${rule.maxZeroShare.denominator}`;
  if (!averageOk) reasons.push({ code: 'average_below', params: { average, min: rule.minAverage } });
  for (const c of zeroFailures) {
    reasons.push({ code: 'zero_scores', params: { criterion: c.name, count: c.zeroCount, scorers: n, share } });
  }
  const passed = averageOk && zeroFailures.length === 0;
  if (passed) reasons.push({ code: 'passed', params: { average, min: rule.minAverage, share } });
  return { count: n, average, totals, criteria, passed, reasons };
}

export interface RatedDossier {
  count: number;
  ratings: Record<Rating, number>;
  rating: Rating | null;
  passed: boolean | null;
  reasons: Reason[];
}

/** The rating given by most members; a tie goes to the lower (or higher) of the tied ratings, per the rule. */
export function aggregateRatings(rule: PassRule, ratings: Rating[]): RatedDossier {
  const counts: Record<Rating, number> = { failed: 0, passed: 0, excellent: 0 };
  for (const r of ratings) counts[r]++;
  if (ratings.length === 0) return { count: 0, ratings: counts, rating: null, passed: null, reasons: [{ code: 'no_sheets', params: {} }] };
  const most = Math.max(...RATINGS.map((r) => counts[r]));
  const tied = RATINGS.filter((r) => counts[r] === most); // lowest first
  const rating = rule.acceptance.tieBreak === 'lower' ? tied[0] : tied[tied.length - 1];
  return {
    count: ratings.length,
    ratings: counts,
    rating,
    passed: rating !== 'failed',
    reasons: [{ code: 'rating', params: { rating, count: counts[rating], raters: ratings.length, tie: tied.length > 1 } }],
  };
}

export interface QuorumMember { role: MemberRole; present: boolean; conflictDeclared: boolean }

export interface Quorum {
  members: number;
  eligiblePresent: number;
  required: number;
  met: boolean;
  presidingPresent: boolean;
  presidingRequired: boolean;
  /** Quorum met and, when required, someone to preside: the sitting may conclude (and close). */
  canConclude: boolean;
}

export function quorumOf(rule: CompositionRule, members: QuorumMember[]): Quorum {
  const eligible = members.filter((m) => m.present && !m.conflictDeclared);
  const required = shareOf(members.length, rule.quorum);
  const presidingPresent = eligible.some((m) => m.role === 'chair' || m.role === 'vice_chair');
  const met = members.length > 0 && eligible.length >= required;
  return {
    members: members.length,
    eligiblePresent: eligible.length,
    required,
    met,
    presidingPresent,
    presidingRequired: rule.presidingRequired,
    canConclude: met && (!rule.presidingRequired || presidingPresent),
  };
}

/**
 * Why the sitting may not conclude yet, the first reason only (empty when it may): a council without members, below
 * quorum, or with nobody to preside. While there is one, a dossier's tally is shown but no verdict.
 */
export function conclusionBlocker(q: Quorum): Reason[] {
  if (q.members === 0) return [{ code: 'no_members', params: {} }];
  if (!q.met) return [{ code: 'no_quorum', params: { present: q.eligiblePresent, members: q.members, required: q.required } }];
  if (q.presidingRequired && !q.presidingPresent) return [{ code: 'no_presiding', params: {} }];
  return [];
}

export type CompositionProblem =
  | { kind: 'too_few'; count: number; min: number }
  | { kind: 'too_many'; count: number; max: number }
  | { kind: 'role_too_few'; role: MemberRole; count: number; min: number }
  | { kind: 'role_too_many'; role: MemberRole; count: number; max: number };

/** Problems of a council's membership against the composition rule (checked when the council opens). */
export function checkComposition(rule: CompositionRule, roles: MemberRole[]): CompositionProblem[] {
  const problems: CompositionProblem[] = [];
  if (roles.length < rule.minMembers) problems.push({ kind: 'too_few', count: roles.length, min: rule.minMembers });
  if (roles.length > rule.maxMembers) problems.push({ kind: 'too_many', count: roles.length, max: rule.maxMembers });
  for (const [role, b] of Object.entries(rule.roles) as [MemberRole, { min: number; max?: number }][]) {
    const count = roles.filter((r) => r === role).length;
    if (count < b.min) problems.push({ kind: 'role_too_few', role, count, min: b.min });
    if (b.max !== undefined && count > b.max) problems.push({ kind: 'role_too_many', role, count, max: b.max });
  }
  return problems;
}
