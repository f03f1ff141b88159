/**
 * The national default of rule `attachments.limits.task`: which file types, and how large, each kind of task
 * document may be. Shipped by the attachments module's reference loader (the task's registration hands it over);
 * a province replaces it with a dated version of its own (POST /api/rules) citing its decision.
 *
 * Decree 30/2020/NĐ-CP (Appendix I) has electronic administrative documents in PDF; the other types are what
 * dossiers arrive in (Word, Excel, OpenDocument, scans as PNG/JPEG/TIFF, plain text). No legal document fixes the
 * sizes: the numbers are illustrative, sized for a database that stores the bytes (bytea).
 */
import type { AttachmentLimits } from '../../../shared/schemas/attachments.ts';

const MB = 1024 * 1024;

const DOCUMENTS = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
  'image/png', 'image/jpeg', 'image/tiff', 'text/plain',
] as const;

const value: AttachmentLimits = {
  default: { maxBytes: 10 * MB, types: [...DOCUMENTS] },
  kinds: {
    // A selection dossier gathers many papers (often zipped); the final report carries figures and photographs.
    application_dossier: { maxBytes: 30 * MB, types: [...DOCUMENTS, 'application/zip', 'application/x-rar-compressed'] },
    final_report: { maxBytes: 30 * MB },
    other: { types: [...DOCUMENTS, 'text/csv', 'application/zip'] },
  },
};

export const TASK_ATTACHMENT_LIMITS = {
  effectiveFrom: '2020-03-05',
  legalBasis: 'Minh họa (illustrative): định dạng văn bản điện tử .pdf theo Nghị định 30/2020/NĐ-CP, Phụ lục I; '
    + 'các loại tệp khác và dung lượng tối đa do khcn đặt, không có văn bản quy định — tỉnh thay bằng quyết định của mình',
  value,
};
