/**
 * Attached files of any subject (a task, later a council, a plan item…): the read models, the upload's query and
 * fields, and the dated rule `attachments.limits.<subject type>` that says which file types and sizes each kind of
 * file may have. The file types are a closed list: what the server can recognise from the bytes themselves.
 */
import { z } from 'zod';
import { Id, LocalizedText, optionalText } from './common.ts';

/**
 * The file types the server recognises from their bytes, with the file-name extensions each may carry. A rule can
 * only allow types listed here; markup and scripts (HTML, SVG, XML, JavaScript) are not and never will be: a
 * browser could run them.
 */
export const FILE_TYPES = {
  'application/pdf': { exts: ['pdf'], label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { exts: ['docx'], label: 'DOCX' },
  'application/msword': { exts: ['doc'], label: 'DOC' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { exts: ['xlsx'], label: 'XLSX' },
  'application/vnd.ms-excel': { exts: ['xls'], label: 'XLS' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { exts: ['pptx'], label: 'PPTX' },
  'application/vnd.ms-powerpoint': { exts: ['ppt'], label: 'PPT' },
  'application/vnd.oasis.opendocument.text': { exts: ['odt'], label: 'ODT' },
  'application/vnd.oasis.opendocument.spreadsheet': { exts: ['ods'], label: 'ODS' },
  'image/png': { exts: ['png'], label: 'PNG' },
  'image/jpeg': { exts: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPEG' },
  'image/tiff': { exts: ['tif', 'tiff'], label: 'TIFF' },
  'application/zip': { exts: ['zip'], label: 'ZIP' },
  'application/x-rar-compressed': { exts: ['rar'], label: 'RAR' },
  'application/x-7z-compressed': { exts: ['7z'], label: '7Z' },
  'text/plain': { exts: ['txt', 'text', 'log', 'md'], label: 'TXT' },
  'text/csv': { exts: ['csv'], label: 'CSV' },
} as const satisfies Record<string, { exts: readonly string[]; label: string }>;
export type FileType = keyof typeof FILE_TYPES;
export const FILE_TYPE_NAMES = Object.keys(FILE_TYPES) as [FileType, ...FileType[]];

/** Files are held in memory while checked and stored as bytea: beyond this an object store is the place. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export const SubjectType = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/);
export const AttachmentKindKey = z.string().regex(/^[a-z][a-z0-9_]*$/).max(60);

export const AttachmentLimit = z.object({
  /** Largest file of the kind, in bytes. */
  maxBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  /** The file types the kind accepts (recognised from the bytes, not from the name or the declared type). */
  types: z.array(z.enum(FILE_TYPE_NAMES)).min(1),
});
export type AttachmentLimit = z.infer<typeof AttachmentLimit>;

/** The value of rule `attachments.limits.<subject type>`: a default for every kind, and per-kind overrides. */
export const AttachmentLimits = z.object({
  default: AttachmentLimit,
  kinds: z.record(AttachmentKindKey, AttachmentLimit.partial()).default({}),
});
export type AttachmentLimits = z.infer<typeof AttachmentLimits>;

export const AttachmentSubjectParams = z.object({ subjectType: SubjectType, subjectId: Id });
export const AttachmentParams = AttachmentSubjectParams.extend({ id: Id });

/** `POST /api/attachments/:subjectType/:subjectId?kind=…`: the kind decides the limits, so it comes before the bytes. */
export const AttachmentUploadQuery = z.object({ kind: AttachmentKindKey });
/** The multipart form's text fields (besides the one `file`). */
export const AttachmentFields = z.object({ note: optionalText(1000) });

export const Attachment = z.object({
  id: Id,
  subjectType: z.string(),
  subjectId: Id,
  kind: z.string(),
  kindName: LocalizedText,
  fileName: z.string(),
  /** The type recognised from the bytes (what the download is served as). */
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Display name of the account that attached it. */
  createdBy: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

/** A kind of file the subject takes, with its limits in force today. */
export const AttachmentKind = z.object({
  kind: z.string(),
  name: LocalizedText,
  maxBytes: z.number().int(),
  types: z.array(z.string()),
  /** File-name extensions of those types (for a file picker's `accept`). */
  extensions: z.array(z.string()),
});
export type AttachmentKind = z.infer<typeof AttachmentKind>;

export const AttachmentList = z.object({
  items: z.array(Attachment),
  kinds: z.array(AttachmentKind),
  /** What the caller may do with this subject's files. */
  may: z.object({ attach: z.boolean(), remove: z.boolean() }),
});
export type AttachmentList = z.infer<typeof AttachmentList>;
