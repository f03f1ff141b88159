/**
 * The daily reminder before a certificate expires: for each certificate the tightest threshold of the rule
 * `support.certificate_reminders` (e.g. 90 and 30 days, illustrative) its days left have reached is sent once to
 * the organisation's applicant accounts and the province's DOST officers. The notice's period key is the threshold,
 * so reruns, a second worker and the following days send nothing more until the next threshold is reached.
 */
import { calendarDaysBetween, addDays, todayInVietnam } from '../../../lib/vi/dates.ts';
import { formatDateIn } from '../../../shared/format.ts';
import type { CertificateRemindersRule } from '../../../shared/schemas/support.ts';
import { defineJob, type JobContext, type JobResult } from '../jobs/jobs.types.ts';
import { sendNotice } from '../inbox/inbox.service.ts';
import { resolveRule } from '../rules/rules.service.ts';
import * as repo from './support.repo.ts';
import { SUPPORT_RULES } from './support.rules.ts';

/** The tightest threshold the days left have reached (null: none yet, or already expired). */
export function thresholdFor(daysLeft: number, daysBefore: number[]): number | null {
  if (daysLeft < 0) return null;
  const reached = daysBefore.filter((d) => daysLeft <= d);
  return reached.length ? Math.min(...reached) : null;
}

export async function remindExpiringCertificates({ db, now }: Pick<JobContext, 'db' | 'now'>): Promise<JobResult> {
  const today = todayInVietnam(now);
  const rules = new Map<string, number[]>();
  let due = 0;
  let sent = 0;
  // Every province's rule allows at most 730 days (the rule's schema), so nothing further ahead is read.
  for (const c of await repo.expiringCertificates(db, today, addDays(today, 730))) {
    let days = rules.get(c.tenantId);
    if (!days) {
      days = (await resolveRule<CertificateRemindersRule>(db, { tenantId: c.tenantId, key: SUPPORT_RULES.reminders, onDate: today })).value.daysBefore;
      rules.set(c.tenantId, days);
    }
    const left = calendarDaysBetween(today, c.expiresOn);
    const threshold = thresholdFor(left, days);
    if (threshold === null) continue;
    due++;
    const r = await sendNotice(db, {
      // About the application (its page is where the applicant and the DOST find the certificate); once per
      // certificate and threshold.
      tenantId: c.tenantId, kind: 'support.certificate_expiring', subject: { type: 'programme_application', id: c.applicationId },
      periodKey: `${c.id}#before-${threshold}`,
      title: 'support.reminder.expiring', body: 'support.reminder.expiring.body',
      params: {
        standard: c.standard, number: c.number, organization: c.organizationName, days: left,
        date: { vi: formatDateIn('vi', c.expiresOn), en: formatDateIn('en', c.expiresOn) },
      },
      to: [{ organizationId: c.organizationId, role: 'applicant' }, { role: 'dost_officer' }],
    });
    if (r) sent++;
  }
  return { due, sent };
}

export const supportJobs = [
  defineJob({
    name: 'support.certificate_reminders', everyMinutes: 1440, run: remindExpiringCertificates,
    description: 'Remind the organisation and the DOST before a support certificate expires, once per certificate and threshold',
  }),
];
