import { describe, expect, it } from 'vitest';
import { CompositionRule, PassRule, ScoringSheetRule, sheetScores, type MemberRole } from '../../../shared/schemas/councils.ts';
import { NATIONAL_DEFAULTS } from './councils.rules.ts';
import {
  aggregateRatings, aggregateScores, checkComposition, checkScores, conclusionBlocker, exceedsShare, quorumOf, shareOf, sheetTotal,
} from './councils.scoring.ts';

const sheet = ScoringSheetRule.parse(NATIONAL_DEFAULTS.scoringSheet); // 20 / 30 / 30 / 20
const rule = PassRule.parse(NATIONAL_DEFAULTS.passRule); // average ≥ 70, zeros by at most 1/3
const composition = CompositionRule.parse(NATIONAL_DEFAULTS.composition);

/** A sheet from its four points: necessity, feasibility, effectiveness, replicability. */
const s = (necessity: number, feasibility: number, effectiveness: number, replicability: number) =>
  ({ necessity, feasibility, effectiveness, replicability });

describe('checkScores', () => {
  it.each([
    ['a full valid sheet', s(18, 25, 24.5, 15), []],
    ['zeros and maxima are in range', s(0, 30, 30, 0), []],
    ['two decimals', s(17.25, 25, 25, 10), []],
    ['over the maximum', s(21, 25, 25, 10), [['out_of_range', 'necessity', 21]]],
    ['negative', s(10, -1, 25, 10), [['out_of_range', 'feasibility', -1]]],
    ['three decimals', s(10, 20, 20.125, 10), [['precision', 'effectiveness', 20.125]]],
  ])('%s', (_name, scores, expected) => {
    expect(checkScores(sheet, scores).map((p) => [p.kind, 'criterion' in p ? p.criterion.key : p.key, 'value' in p ? p.value : undefined]))
      .toEqual(expected);
  });

  it('reports a missing and an unknown criterion', () => {
    expect(checkScores(sheet, { necessity: 10, feasibility: 10, effectiveness: 10, novelty: 5 }).map((p) => p.kind))
      .toEqual(['missing', 'unknown']);
  });

  it('is the zod schema the web form validates with: each issue at its criterion, naming its message', () => {
    const r = sheetScores(sheet).safeParse({ necessity: 25, feasibility: 10, effectiveness: 10.125, replicability: null });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), (i as { params?: { i18n?: string } }).params?.i18n])).toEqual([
      ['necessity', 'council.score_out_of_range'], ['effectiveness', 'council.score_precision'], ['replicability', 'council.score_missing'],
    ]);
    expect(sheetScores(sheet).safeParse(s(18, 25, 24.5, 15)).success).toBe(true);
  });

  it('adds totals in hundredths, without binary rounding', () => {
    expect(sheetTotal(sheet, s(0.1, 0.2, 0, 0))).toBe(0.3);
    expect(sheetTotal(sheet, s(17.35, 24.45, 20.1, 8.1))).toBe(70);
  });
});

describe('aggregateScores: average ≥ 70 and no criterion scored 0 by more than a third', () => {
  it('passes at exactly 70 and gives per-criterion averages', () => {
    const r = aggregateScores(sheet, rule, [s(20, 25, 25, 10), s(15, 20, 25, 10), s(16, 20, 20, 4)]);
    expect(r.totals).toEqual([80, 70, 60]);
    expect(r.average).toBe(70);
    expect(r.passed).toBe(true);
    expect(r.criteria.map((c) => [c.key, c.average, c.zeroCount])).toEqual([
      ['necessity', 17, 0], ['feasibility', 21.67, 0], ['effectiveness', 23.33, 0], ['replicability', 8, 0],
    ]);
    expect(r.reasons).toEqual([{ code: 'passed', params: { average: 70, min: 70, share: '1/3' } }]);
  });

  it('fails an average a hair under 70 (69.99), comparing exact sums rather than the rounded average', () => {
    const r = aggregateScores(sheet, rule, [s(20, 25, 25, 0), s(20, 25, 24.97, 0), s(20, 25, 25, 0)]);
    expect(r.average).toBe(69.99);
    expect(r.passed).toBe(false);
    expect(r.reasons[0]).toEqual({ code: 'average_below', params: { average: 69.99, min: 70 } });
    // Three zeros on replicability out of three scorers is more than a third as well.
    expect(r.reasons[1]).toMatchObject({ code: 'zero_scores', params: { count: 3, scorers: 3 } });
  });

  it.each([
    // scorers, members giving replicability 0, passes?
    [6, 2, true], // exactly a third: allowed
    [7, 2, true], // 2/7 < 1/3
    [7, 3, false], // 3/7 > 1/3
    [9, 3, true],
    [9, 4, false],
    [3, 1, true],
    [3, 2, false],
  ])('%i scorers, %i of them scoring a criterion 0 → passed %s', (scorers, zeros, passed) => {
    const sheets = Array.from({ length: scorers }, (_, i) => (i < zeros ? s(20, 30, 30, 0) : s(20, 30, 30, 20)));
    const r = aggregateScores(sheet, rule, sheets);
    expect(r.average).toBeGreaterThanOrEqual(80); // the average alone would pass
    expect(r.passed).toBe(passed);
    expect(r.criteria.find((c) => c.key === 'replicability')).toMatchObject({ zeroCount: zeros, zeroLimitExceeded: !passed });
    if (!passed) expect(r.reasons).toEqual([{ code: 'zero_scores', params: { criterion: { vi: 'Khả năng nhân rộng', en: 'Replicability' }, count: zeros, scorers, share: '1/3' } }]);
  });

  it('gives no verdict without sheets', () => {
    const r = aggregateScores(sheet, rule, []);
    expect(r).toMatchObject({ count: 0, average: null, passed: null, reasons: [{ code: 'no_sheets' }] });
  });

  it('follows a province rule with another threshold', () => {
    const strict = PassRule.parse({ minAverage: 75, maxZeroShare: { numerator: 0, denominator: 1 } });
    expect(aggregateScores(sheet, strict, [s(20, 25, 25, 5), s(20, 25, 25, 5)]).passed).toBe(true); // 75, no zero
    expect(aggregateScores(sheet, strict, [s(20, 30, 30, 0), s(20, 30, 30, 20)]).passed).toBe(false); // one zero is too many
  });
});

describe('aggregateRatings: the rating most members give', () => {
  it.each([
    [['excellent', 'excellent', 'passed'], 'excellent', true],
    [['passed', 'passed', 'failed', 'excellent'], 'passed', true],
    [['failed', 'failed', 'passed'], 'failed', false],
    [['excellent', 'passed'], 'passed', true], // a tie goes to the lower rating
    [['passed', 'failed', 'excellent'], 'failed', false],
  ] as const)('%j → %s', (ratings, rating, passed) => {
    const r = aggregateRatings(rule, [...ratings]);
    expect(r.rating).toBe(rating);
    expect(r.passed).toBe(passed);
  });

  it('can break ties upwards when the rule says so', () => {
    const up = PassRule.parse({ ...NATIONAL_DEFAULTS.passRule, acceptance: { tieBreak: 'higher' } });
    expect(aggregateRatings(up, ['excellent', 'passed']).rating).toBe('excellent');
  });

  it('counts the ratings and gives no verdict without any', () => {
    expect(aggregateRatings(rule, ['passed', 'passed', 'excellent']).ratings).toEqual({ failed: 0, passed: 2, excellent: 1 });
    expect(aggregateRatings(rule, [])).toMatchObject({ rating: null, passed: null });
  });
});

describe('quorum and composition', () => {
  const members = (n: number, present: number, conflicted = 0) => Array.from({ length: n }, (_, i) => ({
    role: (i === 0 ? 'chair' : 'member') as MemberRole, present: i < present, conflictDeclared: i >= present - conflicted && i < present,
  }));

  it.each([
    [9, 6, 0, 6, true],
    [9, 5, 0, 6, false],
    [7, 5, 0, 5, true],
    [7, 5, 1, 5, false], // a present member with a conflict does not count
    [8, 6, 0, 6, true],
  ])('%i members, %i present (%i conflicted): quorum %i, met %s', (n, present, conflicted, required, met) => {
    expect(quorumOf(composition, members(n, present, conflicted))).toMatchObject({ members: n, required, met });
  });

  it.each([
    ['no members', 0, 0, 'no_members'],
    ['below quorum', 7, 4, 'no_quorum'],
    ['quorum met with the chair', 7, 5, null],
  ])('concludes only with quorum (%s)', (_name, n, present, blocker) => {
    const q = quorumOf(composition, members(n, present));
    expect(conclusionBlocker(q).map((r) => r.code)).toEqual(blocker ? [blocker] : []);
    expect(q.canConclude).toBe(blocker === null);
  });

  it('does not conclude without someone to preside when the rule requires it', () => {
    const noChair = members(7, 7).map((m) => ({ ...m, role: 'member' as MemberRole }));
    expect(conclusionBlocker(quorumOf(composition, noChair))).toEqual([{ code: 'no_presiding', params: {} }]);
    expect(quorumOf({ ...composition, presidingRequired: false }, noChair).canConclude).toBe(true);
  });

  it('knows whether someone may preside', () => {
    expect(quorumOf(composition, members(7, 6)).presidingPresent).toBe(true);
    const noChair = members(7, 7).map((m) => ({ ...m, role: 'member' as MemberRole }));
    expect(quorumOf(composition, noChair).presidingPresent).toBe(false);
  });

  it('computes shares exactly', () => {
    expect(shareOf(7, { numerator: 2, denominator: 3 })).toBe(5);
    expect(shareOf(9, { numerator: 2, denominator: 3 })).toBe(6);
    expect(exceedsShare(3, 9, { numerator: 1, denominator: 3 })).toBe(false);
    expect(exceedsShare(4, 9, { numerator: 1, denominator: 3 })).toBe(true);
  });

  it('checks size and roles against the composition rule', () => {
    const good: MemberRole[] = ['chair', 'vice_chair', 'secretary', 'reviewer', 'reviewer', 'member', 'member'];
    expect(checkComposition(composition, good)).toEqual([]);
    expect(checkComposition(composition, good.slice(0, 6))).toEqual([{ kind: 'too_few', count: 6, min: 7 }]);
    expect(checkComposition(composition, [...good, 'member', 'member', 'member'])).toEqual([{ kind: 'too_many', count: 10, max: 9 }]);
    expect(checkComposition(composition, ['chair', 'chair', 'vice_chair', 'reviewer', 'reviewer', 'member', 'member']))
      .toEqual([{ kind: 'role_too_many', role: 'chair', count: 2, max: 1 }, { kind: 'role_too_few', role: 'secretary', count: 0, min: 1 }]);
  });
});
