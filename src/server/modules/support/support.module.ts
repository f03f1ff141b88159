/**
 * Support through programmes (issue #13): review through a council of kind `programme_review` (one per call, the
 * call's own scoring sheet), ranking, support decisions with the counterpart check and their DOCX, outcomes and
 * certificates with expiry reminders, guards on the programmes workflow, and the figures (indicator source, a
 * periodic-report section, the leader's home).
 */
import { defineModule } from '../module.ts';
import { supportMessages } from '../../../shared/i18n/support.messages.ts';
import { formatNumber } from '../../../lib/vi/format.ts';
import { registerCouncilSubject } from '../councils/councils.subjects.ts';
import { registerIndicatorSource } from '../indicators/indicators.service.ts';
import { registerReportSection } from '../plans/plans.sections.ts';
import { registerApplicationGuard } from '../programmes/programmes.hooks.ts';
import { supportRoutes } from './support.routes.ts';
import { supportJobs } from './support.reminders.ts';
import { APPLICATION_SUBJECT, CALL_SUBJECT, loadSupportRules, registerSupportRules } from './support.rules.ts';
import {
  applicationAsCouncilSubject, callAsCouncilSubject, countSupportedOrganizations, guardComplete, guardConcludeReview, guardSupport,
  supportFigures,
} from './support.service.ts';
import * as tables from './support.tables.ts';

function register(): void {
  registerSupportRules();
  registerCouncilSubject(CALL_SUBJECT, { label: { vi: 'đợt xét chọn', en: 'call' }, find: callAsCouncilSubject });
  registerCouncilSubject(APPLICATION_SUBJECT, { label: { vi: 'hồ sơ đề nghị hỗ trợ', en: 'support application' }, find: applicationAsCouncilSubject });
  registerApplicationGuard('conclude_review', guardConcludeReview, 'support.review_concluded');
  registerApplicationGuard('support', guardSupport, 'support.decision_recorded');
  registerApplicationGuard('complete', guardComplete, 'support.outcome_recorded');
  registerIndicatorSource('support.enterprises_supported', {
    label: { vi: 'Số doanh nghiệp, tổ chức được hỗ trợ (theo loại hỗ trợ)', en: 'Enterprises and organisations supported (by support type)' },
    params: ['supportType'],
    describe: (p) => ({
      vi: `Số tổ chức có quyết định hỗ trợ trong năm${p.supportType ? ` thuộc loại ${String(p.supportType)}` : ''} (mỗi tổ chức tính một lần; theo xã, phường của tổ chức)`,
      en: `Organisations with a support decision in the year${p.supportType ? ` of type ${String(p.supportType)}` : ''} (each counted once; by the organisation's commune)`,
    }),
    compute: async (ctx, q) => {
      const types = q.params.supportType ? String(q.params.supportType).split(',').map((s) => s.trim()).filter(Boolean) : null;
      return countSupportedOrganizations(ctx, { year: q.year, asOf: q.asOf, supportTypes: types, adminUnitIds: q.wholeProvince ? null : q.adminUnitIds });
    },
  });
  registerReportSection('support', {
    title: 'Hỗ trợ doanh nghiệp, tổ chức qua các chương trình',
    order: 30,
    build: async (ctx, scope) => {
      const f = await supportFigures(ctx, { year: scope.year });
      if (f.total.decisions === 0) return null;
      return [
        { type: 'paragraph', text: `Năm ${scope.year}, Sở đã ban hành ${f.total.decisions} quyết định hỗ trợ ${f.total.organizations} doanh nghiệp, tổ chức với tổng kinh phí nhà nước ${formatNumber(f.total.stateAmount)} đồng; kinh phí đối ứng của các tổ chức ${formatNumber(f.total.counterpartAmount)} đồng; ${f.total.certificates} giấy chứng nhận được cấp.` },
        {
          type: 'table',
          columns: [{ header: 'Loại hỗ trợ', width: 4 }, { header: 'Số tổ chức', width: 1.2, align: 'right' }, { header: 'Số quyết định', width: 1.2, align: 'right' }, { header: 'Kinh phí nhà nước (đồng)', width: 2, align: 'right' }],
          rows: f.byType.map((r) => [r.label.vi, r.organizations, r.decisions, formatNumber(r.stateAmount)]),
        },
      ];
    },
  });
}

export const supportModule = defineModule({
  name: 'support', routes: [supportRoutes], tables,
  reads: ['programmes', 'organizations', 'admin-units'],
  register, referenceLoaders: [loadSupportRules], messages: supportMessages, jobs: supportJobs,
});
