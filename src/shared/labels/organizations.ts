import type { ORG_KINDS } from '../schemas/organizations.ts';
import type { Labels } from './labels.ts';

export const ORG_KIND_LABELS: Labels<(typeof ORG_KINDS)[number]> = {
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  research_institute: { vi: 'Viện, trung tâm nghiên cứu', en: 'Research institute or centre' },
  university: { vi: 'Trường đại học, cao đẳng', en: 'University or college' },
  state_agency: { vi: 'Cơ quan nhà nước', en: 'State agency' },
  startup: { vi: 'Doanh nghiệp khởi nghiệp', en: 'Startup' },
  household_business: { vi: 'Hộ kinh doanh', en: 'Household business' },
};
