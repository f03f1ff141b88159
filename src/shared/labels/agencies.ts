import type { AgencyKind } from '../schemas/agencies.ts';
import type { Labels } from './labels.ts';

export const AGENCY_KIND_LABELS: Labels<AgencyKind> = {
  people_committee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  office: { vi: 'Văn phòng', en: 'Office' },
  department: { vi: 'Sở, cơ quan chuyên môn', en: 'Department' },
  agency: { vi: 'Ban, cơ quan, đơn vị sự nghiệp', en: 'Agency or public service unit' },
  dost_division: { vi: 'Phòng, đơn vị thuộc Sở', en: 'Division of a department' },
  other: { vi: 'Khác', en: 'Other' },
};
