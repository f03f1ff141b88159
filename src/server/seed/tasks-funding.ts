/**
 * The demo tasks' disbursements (cấp phát kinh phí), derived from each task's planned funding and its own history,
 * so that what was paid is consistent with what was planned and with the stage the task has reached. The schedule
 * is illustrative (the articles give no payment records), shaped as a DOST pays a provincial task:
 *  - nothing before the contract is signed;
 *  - each budget year's state funding in two tranches: an advance (tạm ứng) of 60 % once the contract is signed or
 *    the year's budget is allocated (10 March), the rest after the mid-year check (20 September) — at once when the
 *    year has too little left for two;
 *  - the last year's remainder only after the acceptance council (thanh toán, quyết toán), so a task still being
 *    carried out or awaiting acceptance shows it as not yet disbursed;
 *  - the host's counterpart funding as reported each year (20 December, or when the task is submitted for
 *    acceptance in its last year);
 *  - a year's budget the contract came too late for is paid, carried over, once the contract is signed;
 *  - nothing dated after the task's last recorded event.
 */
import { addDays } from '../../lib/vi/dates.ts';
import type { DisbursementInput } from '../../shared/schemas/tasks.ts';

export interface TaskHistoryDates {
  /** The day the contract was signed (the task entered implementation). */
  contractOn: string | null;
  /** The day the task was submitted for acceptance. */
  submittedOn: string | null;
  /** The day the acceptance council's result was recognised. */
  acceptedOn: string | null;
  /** The task's last recorded event: no disbursement after it. */
  until: string;
}

const ADVANCE = 0.6;
const round = (n: number) => Math.round(n * 1000) / 1000;
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Disbursements in date order, without their decision numbers (`decision(date)` gives one, dated a few days
 * before the payment, from the province's own series).
 */
export function demoDisbursements(
  funding: readonly { year: number; stateBudget: number; counterpart: number }[], h: TaskHistoryDates,
  decision: (date: string) => { decisionNo: string; decisionDate: string },
): DisbursementInput[] {
  if (!h.contractOn) return [];
  const years = [...funding].sort((a, b) => a.year - b.year);
  const out: DisbursementInput[] = [];
  const state = (disbursedOn: string, amount: number, note: string) => {
    if (amount > 0) out.push({ disbursedOn, amount: round(amount), source: 'state_budget', ...decision(disbursedOn), note });
  };
  years.forEach((f, i) => {
    const last = i === years.length - 1;
    const start = later(`${f.year}-03-10`, addDays(h.contractOn!, 10));
    const second = later(`${f.year}-09-20`, addDays(start, 60));
    const yearEnd = `${f.year}-12-15`;
    // A year's budget the contract came too late for is carried over (chuyển nguồn) to the year it is paid in.
    const carried = Number(start.slice(0, 4)) > f.year ? ` (chuyển nguồn sang năm ${start.slice(0, 4)})` : '';
    if (last) {
      // The advance now; the remainder once the results are accepted.
      const twoTranches = !!h.acceptedOn && h.acceptedOn > start;
      state(start, f.stateBudget * (twoTranches || h.acceptedOn === null ? ADVANCE : 1), `Tạm ứng kinh phí năm ${f.year}${carried}`);
      if (twoTranches) state(addDays(h.acceptedOn!, 20), f.stateBudget * (1 - ADVANCE), 'Thanh toán phần kinh phí còn lại sau nghiệm thu');
    } else if (second > yearEnd) {
      state(start, f.stateBudget, `Cấp kinh phí năm ${f.year}${carried}`);
    } else {
      state(start, f.stateBudget * ADVANCE, `Tạm ứng kinh phí năm ${f.year} (đợt 1)`);
      state(second, f.stateBudget * (1 - ADVANCE), `Cấp kinh phí năm ${f.year} (đợt 2) sau kiểm tra tiến độ`);
    }
    if (f.counterpart > 0) {
      const reported = later(start, last && h.submittedOn ? earlier(`${f.year}-12-20`, h.submittedOn) : `${f.year}-12-20`);
      out.push({ disbursedOn: reported, amount: round(f.counterpart), source: 'counterpart', note: `Kinh phí đối ứng năm ${f.year} theo báo cáo của tổ chức chủ trì` });
    }
  });
  return out.filter((d) => d.disbursedOn <= h.until).sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn));
}
