export const ROLES = ['admin', 'dost_officer', 'unit_officer', 'reviewer', 'leader', 'applicant'] as const;
export type Role = (typeof ROLES)[number];
