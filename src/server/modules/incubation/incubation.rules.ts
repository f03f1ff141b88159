/**
 * Rule data of the incubation module: the kinds of incubation service (`incubation.service_kinds`), with vi/en labels.
 * The national default is illustrative: it follows the support and incubation activities Kế hoạch 522/KH-SKHCN
 * (26/4/2023) of the Long An DOST lists ("Hoạt động cộng đồng và Network Co-working, hoạt động đào tạo chuyên gia,
 * hoạt động bảo trợ thông tin và truyền thông, hoàn thiện bao bì, nhãn hàng sản phẩm"), plus mentoring and "other";
 * no national document fixes such a list. A province replaces it with a dated version of its own (POST /api/rules).
 */
import type { IncubationServiceKinds } from '../../../shared/schemas/incubation.ts';
import type { NationalRuleInput } from '../rules/rules.service.ts';

export const SERVICE_KINDS_RULE = 'incubation.service_kinds';

const t = (vi: string, en: string) => ({ vi, en });

export const DEFAULT_SERVICE_KINDS: IncubationServiceKinds = {
  kinds: [
    { key: 'coworking', label: t('Không gian làm việc chung (co-working), hoạt động cộng đồng', 'Co-working space and community activities') },
    { key: 'training', label: t('Đào tạo, tập huấn', 'Training') },
    { key: 'mentoring', label: t('Tư vấn, cố vấn (mentoring)', 'Mentoring and coaching') },
    { key: 'packaging_labels', label: t('Hoàn thiện bao bì, nhãn hàng sản phẩm', 'Packaging and product labels') },
    { key: 'media', label: t('Bảo trợ thông tin, truyền thông', 'Media and communication') },
    { key: 'other', label: t('Hỗ trợ khác', 'Other support') },
  ],
};

export const INCUBATION_NATIONAL_RULES: NationalRuleInput[] = [{
  key: SERVICE_KINDS_RULE,
  effectiveFrom: '2016-05-18',
  legalBasis: 'Minh họa (illustrative): các hoạt động hỗ trợ, ươm tạo nêu tại Kế hoạch 522/KH-SKHCN ngày 26/4/2023 của Sở KH&CN Long An, '
    + 'trong khuôn khổ Đề án "Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025" — tỉnh thay bằng danh mục của mình',
  value: DEFAULT_SERVICE_KINDS,
}];
