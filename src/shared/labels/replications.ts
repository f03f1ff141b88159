/** Labels of the replicated models' coded values (server XLSX/DOCX and the web alike). */
import type { Labels } from './labels.ts';
import type { ReplicationSourceKind } from '../schemas/replications.ts';

export const REPLICATION_SOURCE_LABELS: Labels<ReplicationSourceKind> = {
  task: { vi: 'Nhiệm vụ KH&CN của tỉnh', en: 'A khcn S&T task of the province' },
  other_province: { vi: 'Nhiệm vụ của tỉnh, thành phố khác', en: 'Another province\'s task' },
  national_programme: { vi: 'Chương trình, nhiệm vụ cấp quốc gia', en: 'A national programme or task' },
  other: { vi: 'Nguồn khác (tiến bộ kỹ thuật, công nghệ)', en: 'Other source (technical or technological advance)' },
};
