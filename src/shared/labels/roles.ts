import type { Role } from '../roles.ts';
import type { Labels } from './labels.ts';

export const ROLE_LABELS: Labels<Role> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  dost_officer: { vi: 'Cán bộ Sở KH&CN', en: 'DOST officer' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer' },
  reviewer: { vi: 'Thành viên hội đồng', en: 'Council member' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  applicant: { vi: 'Doanh nghiệp / tổ chức', en: 'Enterprise / organisation' },
};
