/** Pure logic of the support module: the counterpart check, the ranking with its ties, the reminder threshold. */
import { describe, expect, it } from 'vitest';
import { counterpartProblems, type SupportTypeRule } from '../../../shared/schemas/support.ts';
import { rankRows } from './support.service.ts';
import { thresholdFor } from './support.reminders.ts';
import { NATIONAL_SUPPORT_TYPES } from './support.rules.ts';

const half: SupportTypeRule = NATIONAL_SUPPORT_TYPES.types.management_system;

describe('counterpartProblems', () => {
  it.each([
    ['exactly half paid by the firm', { totalCost: 100_000_000, stateAmount: 50_000_000, counterpartAmount: 50_000_000 }, []],
    ['more than half paid by the firm', { totalCost: 100_000_000, stateAmount: 30_000_000, counterpartAmount: 70_000_000 }, []],
    ['a counterpart below half', { totalCost: 100_000_000, stateAmount: 60_000_000, counterpartAmount: 40_000_000 }, ['share']],
    ['parts that do not add up', { totalCost: 100_000_000, stateAmount: 50_000_000, counterpartAmount: 60_000_000 }, ['sum']],
    ['an odd total whose half is rounded up to the dong', { totalCost: 101, stateAmount: 51, counterpartAmount: 50 }, ['share']],
  ] as const)('%s', (_name, amounts, kinds) => {
    expect(counterpartProblems(half, amounts).map((p) => p.kind)).toEqual(kinds);
  });

  it('refuses a state part above the type\'s cap and words the cap in both languages', () => {
    const [p] = counterpartProblems({ ...half, maxStateAmount: 40_000_000 }, { totalCost: 100_000_000, stateAmount: 50_000_000, counterpartAmount: 50_000_000 });
    expect(p).toMatchObject({ kind: 'cap', path: 'stateAmount', params: { max: { vi: '40.000.000 đồng', en: 'VND 40,000,000' } } });
  });

  it('says the share reached in the language\'s notation', () => {
    const [p] = counterpartProblems(half, { totalCost: 80_000_000, stateAmount: 50_000_000, counterpartAmount: 30_000_000 });
    expect(p.params).toMatchObject({ min: { vi: '50%', en: '50%' }, share: { vi: '37,5%', en: '37.5%' } });
  });
});

const row = (id: string, average: number | null, firstCriterion: number | null, submittedAt: string, passed: boolean | null = true) => ({
  applicationId: id, code: id, title: `Hồ sơ ${id}`, organizationName: 'Công ty', stage: 'review', submittedAt, average, firstCriterion, passed,
});
const criterion = { vi: 'Tính cấp thiết', en: 'Necessity' };

describe('rankRows', () => {
  it('orders by average, then the first criterion, then the earlier submission, and explains each broken tie', () => {
    const ranked = rankRows([
      row('a', 80, 15, '2026-03-02'), row('b', 85, 10, '2026-03-05'), row('c', 80, 18, '2026-03-09'), row('d', 80, 18, '2026-03-01'),
    ], { order: ['first_criterion', 'earlier_submission'] }, null, criterion);
    expect(ranked.map((r) => [r.applicationId, r.rank])).toEqual([['b', 1], ['d', 2], ['c', 3], ['a', 4]]);
    expect(ranked[0].tieNote).toBeNull();
    expect(ranked[1].tieNote?.vi).toContain('nộp sớm hơn (01/03/2026 so với 09/03/2026)');
    expect(ranked[2].tieNote?.vi).toContain('điểm tiêu chí "Tính cấp thiết" cao hơn (18 so với 15)');
    expect(ranked[2].tieNote?.en).toContain('criterion "Necessity" (18 against 15)');
  });

  it('follows the rule\'s order: submission first when the rule says so', () => {
    const ranked = rankRows([row('late-high', 80, 20, '2026-03-09'), row('early-low', 80, 10, '2026-03-01')], { order: ['earlier_submission'] }, null, criterion);
    expect(ranked.map((r) => r.applicationId)).toEqual(['early-low', 'late-high']);
  });

  it('selects the top N among those that passed, and leaves unscored rows unranked at the end', () => {
    const ranked = rankRows([
      row('a', 90, 18, '2026-03-01', false), row('b', 85, 18, '2026-03-01'), row('c', 80, 18, '2026-03-01'), row('d', 75, 18, '2026-03-01'),
      row('e', null, null, '2026-03-01', null),
    ], { order: ['first_criterion'] }, 2, criterion);
    expect(ranked.filter((r) => r.selected).map((r) => r.applicationId)).toEqual(['b', 'c']);
    expect(ranked.at(-1)).toMatchObject({ applicationId: 'e', rank: null, selected: false });
  });
});

describe('thresholdFor', () => {
  it.each([[120, null], [90, 90], [45, 90], [30, 30], [0, 30], [-1, null]] as const)('%i days left → %s', (left, expected) => {
    expect(thresholdFor(left, [90, 30])).toBe(expected);
  });
});
