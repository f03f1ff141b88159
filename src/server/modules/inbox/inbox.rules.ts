/**
 * The reminder schedules every module may use, registered with the rules module: `reminders.stage_overdue` (a
 * workflow stage past its target) and `reminders.council_sheet` (a council member's missing sheet). National
 * defaults ship from the inbox's reference loader; a province sets its own through /api/rules. A module with a
 * schedule of its own registers its own key (tasks: `tasks.progress_check`).
 */
import type { DbHandle } from '../../db/client.ts';
import { CouncilSheetRule, StageOverdueRule } from '../../../shared/schemas/inbox.ts';
import { ensureNationalRules, registerRuleKey, type NationalRuleInput } from '../rules/rules.service.ts';

export const REMINDER_RULES = {
  stageOverdue: 'reminders.stage_overdue',
  councilSheet: 'reminders.council_sheet',
} as const;

export function registerReminderRules(): void {
  registerRuleKey(REMINDER_RULES.stageOverdue, StageOverdueRule, {
    vi: 'Nhắc việc khi quá thời hạn của giai đoạn: nhắc lần đầu sau số ngày quá hạn, rồi nhắc lại theo chu kỳ (ngày) khi còn quá hạn',
    en: 'Reminder when a stage passes its target: first after the days given, then every N days while it stays overdue',
  });
  registerRuleKey(REMINDER_RULES.councilSheet, CouncilSheetRule, {
    vi: 'Nhắc thành viên hội đồng chưa nộp phiếu đánh giá: bắt đầu từ số ngày sau ngày họp, rồi nhắc lại theo chu kỳ (ngày)',
    en: 'Reminder to a council member without a submitted sheet: from the days after the meeting date given, then every N days',
  });
}

const ILLUSTRATIVE = 'Quy ước nhắc việc của hệ thống (giá trị minh họa, không phải quy định pháp luật); tỉnh thay bằng quy chế của Sở';

export const REMINDER_NATIONAL_RULES: NationalRuleInput[] = [
  {
    key: REMINDER_RULES.stageOverdue, effectiveFrom: '2014-01-01', legalBasis: ILLUSTRATIVE,
    value: { afterDays: 0, everyDays: 7 } satisfies StageOverdueRule,
    note: 'Giá trị minh họa: nhắc ngay khi giai đoạn quá thời hạn, sau đó 7 ngày một lần khi còn quá hạn.',
  },
  {
    key: REMINDER_RULES.councilSheet, effectiveFrom: '2014-01-01', legalBasis: ILLUSTRATIVE,
    value: { afterDays: 0, everyDays: 2 } satisfies CouncilSheetRule,
    note: 'Giá trị minh họa: nhắc từ ngày họp hội đồng, sau đó 2 ngày một lần khi phiếu còn thiếu và hội đồng chưa kết thúc.',
  },
];

/** Reference loader: the national default reminder schedules. */
export async function loadReminderRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, REMINDER_NATIONAL_RULES);
}
