/**
 * Planned funding against what was disbursed (pure code): planned state budget and counterpart funding by budget
 * year (task_funding) and disbursements by the year of their date and by source (task_disbursements), summed per
 * year and in total, with the share disbursed and the counterpart share (provinces report counterpart funding
 * against ≥ 70 % of the state budget for tasks with enterprises). The same shape serves one task (its page, its
 * export) and a province's tasks (the leader's overview).
 */
import type { FundingSummary } from '../../../shared/schemas/tasks.ts';

export interface PlannedYear { year: number; stateBudget: number; counterpart: number }
export interface DisbursedAmount { year: number; source: string; amount: number }

/** Amounts in million VND to the thousand đồng, without binary noise (0.1 + 0.2). */
const money = (n: number) => Math.round(n * 1000) / 1000;
/** A part as a percentage of a whole, to 2 decimals; null when the whole is nothing. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

function row(planned: { stateBudget: number; counterpart: number }, disbursed: { state_budget: number; counterpart: number; other: number }) {
  const figures = (p: number, d: number) => ({ planned: money(p), disbursed: money(d), share: percentOf(d, p) });
  return {
    stateBudget: figures(planned.stateBudget, disbursed.state_budget),
    counterpart: figures(planned.counterpart, disbursed.counterpart),
    other: { disbursed: money(disbursed.other) },
    total: figures(planned.stateBudget + planned.counterpart, disbursed.state_budget + disbursed.counterpart + disbursed.other),
    counterpartShare: {
      planned: percentOf(planned.counterpart, planned.stateBudget),
      disbursed: percentOf(disbursed.counterpart, disbursed.state_budget),
    },
  };
}

/** Every year that has planned or disbursed money, in order, and the totals. An unknown source counts as other. */
export function summarizeFunding(planned: readonly PlannedYear[], disbursed: readonly DisbursedAmount[]): FundingSummary {
  const years = [...new Set([...planned.map((p) => p.year), ...disbursed.map((d) => d.year)])].sort((a, b) => a - b);
  const plannedIn = (year?: number) => planned.filter((p) => year === undefined || p.year === year).reduce(
    (s, p) => ({ stateBudget: s.stateBudget + p.stateBudget, counterpart: s.counterpart + p.counterpart }), { stateBudget: 0, counterpart: 0 });
  const disbursedIn = (year?: number) => disbursed.filter((d) => year === undefined || d.year === year).reduce((s, d) => {
    const key = d.source === 'state_budget' || d.source === 'counterpart' ? d.source : 'other';
    return { ...s, [key]: s[key] + d.amount };
  }, { state_budget: 0, counterpart: 0, other: 0 });
  return {
    years: years.map((year) => ({ year, ...row(plannedIn(year), disbursedIn(year)) })),
    totals: row(plannedIn(), disbursedIn()),
  };
}
