import { z } from 'zod';
import { Id, IsoDate } from './common.ts';

/** Who did what, when: by account, by entity and action, by day (Vietnam dates, both ends included). */
export const AuditFilters = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(50).optional(),
  /** From this day (yyyy-mm-dd, in Vietnam time). */
  from: IsoDate.optional(),
  /** Up to and including this day. */
  to: IsoDate.optional(),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditQuery = AuditFilters.extend({
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The export takes the list's filters and the workbook's language. */
export const AuditExportQuery = AuditFilters.extend({ lang: z.enum(['vi', 'en']).optional() });

/** A text in both languages (values can be long: a summary, a legal basis). */
export const AuditText = z.object({ vi: z.string(), en: z.string() });
export type AuditText = z.infer<typeof AuditText>;

/** One changed field in words: its label and the values before and after (null: empty). */
export const AuditChange = z.object({
  field: z.string(),
  label: AuditText,
  before: AuditText.nullable(),
  after: AuditText.nullable(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** The time in Vietnam, written for each language. */
  atText: AuditText,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  actionLabel: AuditText,
  entity: z.string(),
  entityLabel: AuditText,
  entityId: z.string().nullable(),
  /** The record's name (a task's title, an account's name) when it can be found. */
  subjectName: z.string().nullable(),
  changes: z.array(AuditChange),
  /** The stored snapshots, for machine clients; people read `changes`. */
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
