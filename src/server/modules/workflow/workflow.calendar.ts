/**
 * The working-day calendar as dated rule data (`calendar.working_days`, schema in shared/schemas/calendar.ts),
 * national by default, a province's own version first. The workflow module registers the key and ships the
 * national default; stage clocks (workflow.service.ts) and any module with a time limit in working days read it
 * with `workingCalendar(db, { tenantId, onDate })` and compute with src/lib/vi/working-days.ts.
 *
 * Which version: the one in force on the day of the computation ("what was known then"). Versions are
 * cumulative: a new notice is a new version listing every year again, effective from the notice's date.
 */
import type { Db, DbHandle } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import type { WorkingCalendar } from '../../../lib/vi/working-days.ts';
import { WorkingCalendarRule, calendarOf, type CalendarYear } from '../../../shared/schemas/calendar.ts';
import { ensureNationalRules, registerRuleKey, resolveRule, type NationalRuleInput } from '../rules/rules.service.ts';

export const CALENDAR_RULE_KEY = 'calendar.working_days';

const t = (vi: string, en: string) => ({ vi, en });

export function registerCalendarRule(): void {
  registerRuleKey(CALENDAR_RULE_KEY, WorkingCalendarRule, {
    vi: 'Lịch ngày làm việc: ngày nghỉ hằng tuần, ngày nghỉ lễ, Tết, nghỉ bù, hoán đổi và ngày làm bù của từng năm',
    en: 'Working-day calendar: weekly rest days, public holidays, Tết, compensatory and swapped days, make-up working days per year',
  });
}

const Y2025: CalendarYear = {
  year: 2025,
  basis: 'Thông báo lịch nghỉ Tết Âm lịch, Giỗ Tổ Hùng Vương, 30/4–1/5 và Quốc khánh năm 2025 đối với cán bộ, công chức, viên chức (Bộ Lao động – Thương binh và Xã hội; Bộ Nội vụ)',
  daysOff: [
    { from: '2025-01-01', name: t('Tết Dương lịch', "New Year's Day") },
    { from: '2025-01-25', to: '2025-02-02', name: t('Tết Âm lịch Ất Tỵ (5 ngày theo luật và 2 kỳ nghỉ hằng tuần)', 'Lunar New Year (Tết)') },
    { from: '2025-04-07', name: t('Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day') },
    { from: '2025-04-30', to: '2025-05-01', name: t('Ngày Chiến thắng và Quốc tế Lao động', 'Reunification Day and Labour Day') },
    { from: '2025-05-02', name: t('Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Swapped day off (worked on Saturday 26/04/2025)') },
    { from: '2025-09-01', to: '2025-09-02', name: t('Quốc khánh', 'National Day') },
  ],
  workdays: [{ date: '2025-04-26', name: t('Làm bù cho thứ Sáu 02/5/2025', 'Make-up working day for Friday 02/05/2025') }],
};

const Y2026: CalendarYear = {
  year: 2026,
  basis: 'Bộ luật Lao động 2019, Điều 111 và 112 (ngày âm lịch quy đổi); chưa đối chiếu thông báo nghỉ lễ năm 2026',
  illustrative: true,
  daysOff: [
    { from: '2026-01-01', name: t('Tết Dương lịch', "New Year's Day") },
    { from: '2026-02-14', to: '2026-02-22', name: t('Tết Âm lịch Bính Ngọ (mùng 1 Tết: 17/02/2026)', 'Lunar New Year (Tết; first day 17/02/2026)') },
    { from: '2026-04-26', name: t('Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)', 'Hung Kings Commemoration Day (a Sunday)') },
    { from: '2026-04-27', name: t('Nghỉ bù Giỗ Tổ Hùng Vương', 'Compensatory day off') },
    { from: '2026-04-30', to: '2026-05-01', name: t('Ngày Chiến thắng và Quốc tế Lao động', 'Reunification Day and Labour Day') },
    { from: '2026-09-01', to: '2026-09-02', name: t('Quốc khánh', 'National Day') },
  ],
  workdays: [],
};

export const NATIONAL_CALENDAR: WorkingCalendarRule = {
  weekend: [0, 6],
  annual: [
    { monthDay: '01-01', name: t('Tết Dương lịch', "New Year's Day") },
    { monthDay: '04-30', name: t('Ngày Chiến thắng', 'Reunification Day') },
    { monthDay: '05-01', name: t('Ngày Quốc tế Lao động', 'Labour Day') },
    { monthDay: '09-02', name: t('Quốc khánh', 'National Day') },
  ],
  years: [Y2025, Y2026],
};

export const CALENDAR_NATIONAL_RULES: NationalRuleInput[] = [{
  key: CALENDAR_RULE_KEY,
  effectiveFrom: '2021-01-01',
  legalBasis: 'Bộ luật Lao động 45/2019/QH14, Điều 111 (nghỉ hằng tuần, nghỉ bù) và Điều 112 (nghỉ lễ, Tết); Nghị định 145/2020/NĐ-CP; thông báo lịch nghỉ lễ, Tết hằng năm của cơ quan có thẩm quyền',
  value: NATIONAL_CALENDAR,
  note: 'Ngày nghỉ hằng tuần: thứ Bảy, Chủ nhật (cơ quan hành chính). Nghỉ lễ, Tết theo Điều 112: 1/1 dương lịch; Tết Âm lịch 5 ngày; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 và 1 ngày liền kề. '
    + 'Năm 2025 ghi theo lịch nghỉ đã công bố (Tết Ất Tỵ 25/01–02/02/2025; 30/4–04/5/2025 có hoán đổi thứ Sáu 02/5 với thứ Bảy 26/4). '
    + 'Năm 2026 là số liệu minh họa (illustrative), phải đối chiếu thông báo chính thức trước khi dùng. Năm chưa có danh sách chỉ có các ngày lễ dương lịch cố định.',
}];

/** Reference loader: the national default calendar. */
export async function loadCalendarRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, CALENDAR_NATIONAL_RULES);
}

/** The province's working-day calendar in force on a date (its own version, else the national one). */
export async function workingCalendar(db: Db | Tx, o: { tenantId: string; onDate: string }): Promise<WorkingCalendar> {
  const rule = await resolveRule<WorkingCalendarRule>(db, { tenantId: o.tenantId, key: CALENDAR_RULE_KEY, onDate: o.onDate });
  return calendarOf(rule.value);
}
