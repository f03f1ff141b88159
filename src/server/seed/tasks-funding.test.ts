/** The demo disbursement schedule (pure): consistent with the planned funding and with how far the task has got. */
import { describe, expect, it } from 'vitest';
import { DisbursementInput } from '../../shared/schemas/tasks.ts';
import { demoDisbursements } from './tasks-funding.ts';

const funding = [{ year: 2021, stateBudget: 350, counterpart: 180 }, { year: 2022, stateBudget: 420, counterpart: 220 }, { year: 2023, stateBudget: 150, counterpart: 60 }];
let n = 0;
const decision = (date: string) => ({ decisionNo: `${++n}/QĐ-SKHCN`, decisionDate: date });
const sum = (ds: DisbursementInput[], source: string) => Math.round(ds.filter((d) => d.source === source).reduce((s, d) => s + d.amount, 0) * 1000) / 1000;

describe('demoDisbursements', () => {
  it('pays nothing before the contract', () => {
    expect(demoDisbursements(funding, { contractOn: null, submittedOn: null, acceptedOn: null, until: '2026-01-01' }, decision)).toEqual([]);
  });

  it('pays everything planned once the results are accepted, the last remainder after the acceptance council', () => {
    const ds = demoDisbursements(funding, { contractOn: '2021-11-01', submittedOn: '2023-10-10', acceptedOn: '2023-11-26', until: '2023-12-30' }, decision);
    expect([sum(ds, 'state_budget'), sum(ds, 'counterpart')]).toEqual([920, 460]);
    expect(ds.every((d) => DisbursementInput.safeParse(d).success && d.disbursedOn > '2021-11-01')).toBe(true);
    expect(ds.at(-1)).toMatchObject({ disbursedOn: '2023-12-16', amount: 60, source: 'state_budget', note: 'Thanh toán phần kinh phí còn lại sau nghiệm thu' });
    // A first year that starts late in the year is paid at once; later years in two tranches.
    expect(ds.filter((d) => d.source === 'state_budget').map((d) => [d.disbursedOn, d.amount])).toEqual([
      ['2021-11-11', 350], ['2022-03-10', 252], ['2022-09-20', 168], ['2023-03-10', 90], ['2023-12-16', 60],
    ]);
  });

  it('withholds the last year\'s remainder while the task is carried out, and dates nothing after its last event', () => {
    const ds = demoDisbursements(funding, { contractOn: '2021-09-25', submittedOn: null, acceptedOn: null, until: '2023-06-30' }, decision);
    expect([sum(ds, 'state_budget'), sum(ds, 'counterpart')]).toEqual([350 + 420 + 90, 180 + 220]);
    expect(ds.every((d) => d.disbursedOn <= '2023-06-30')).toBe(true);
  });
});
