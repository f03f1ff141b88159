/**
 * The home's rule: the share of counterpart funding (kinh phí đối ứng) against the state budget the province
 * reports its tasks against. Seed article 000 (Sở KH&CN Long An) reports enterprises contributing "từ 70% nguồn
 * kinh phí thực hiện trên tổng kinh phí nhà nước chi cho nhiệm vụ"; that is a reported outcome, not a legal norm,
 * so the national default is marked illustrative until a province enters the decision that sets its own target.
 */
import type { DbHandle } from '../../db/client.ts';
import { CounterpartShareTargetRule } from '../../../shared/schemas/home.ts';
import { ensureNationalRules, registerRuleKey } from '../rules/rules.service.ts';

export const COUNTERPART_TARGET_RULE = 'home.counterpart_share_target';

export function registerHomeRules(): void {
  registerRuleKey(COUNTERPART_TARGET_RULE, CounterpartShareTargetRule, {
    vi: 'Tỷ lệ kinh phí đối ứng tối thiểu so với kinh phí ngân sách nhà nước của nhiệm vụ KH&CN (%)',
    en: 'Minimum counterpart funding as a share of the state budget of S&T tasks (%)',
  });
}

/** Reference loader: the illustrative national default (70 %), from 2014 (the 2013 S&T Law's regime) on. */
export async function loadHomeRules(h: DbHandle): Promise<void> {
  await ensureNationalRules(h.db, [{
    key: COUNTERPART_TARGET_RULE,
    effectiveFrom: '2014-01-01',
    legalBasis: 'Giá trị minh họa: Sở KH&CN tỉnh Long An báo cáo doanh nghiệp tham gia đối ứng từ 70% kinh phí nhà nước chi cho nhiệm vụ '
      + '(bài viết của Sở, không phải văn bản quy phạm pháp luật); tỉnh thay bằng quyết định của mình',
    value: { minPercent: 70, illustrative: true } satisfies CounterpartShareTargetRule,
    note: 'Giá trị minh họa (illustrative): kinh phí đối ứng ≥ 70% kinh phí ngân sách nhà nước.',
  }]);
}
