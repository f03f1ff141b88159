import type { ACADEMIC_TITLES, DEGREES } from '../schemas/people.ts';
import type { Labels } from './labels.ts';

export const DEGREE_LABELS: Labels<(typeof DEGREES)[number]> = {
  TSKH: { vi: 'Tiến sĩ khoa học (TSKH)', en: 'Doctor of Science (TSKH)' },
  TS: { vi: 'Tiến sĩ (TS)', en: 'Doctor (TS)' },
  ThS: { vi: 'Thạc sĩ (ThS)', en: 'Master (ThS)' },
  KS: { vi: 'Kỹ sư (KS)', en: 'Engineer (KS)' },
  CN: { vi: 'Cử nhân (CN)', en: 'Bachelor (CN)' },
  BS: { vi: 'Bác sĩ (BS)', en: 'Medical doctor (BS)' },
  DS: { vi: 'Dược sĩ (DS)', en: 'Pharmacist (DS)' },
  KTS: { vi: 'Kiến trúc sư (KTS)', en: 'Architect (KTS)' },
  other: { vi: 'Khác', en: 'Other' },
};

export const ACADEMIC_TITLE_LABELS: Labels<(typeof ACADEMIC_TITLES)[number]> = {
  GS: { vi: 'Giáo sư (GS)', en: 'Professor (GS)' },
  PGS: { vi: 'Phó giáo sư (PGS)', en: 'Associate professor (PGS)' },
};
