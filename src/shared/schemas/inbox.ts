/**
 * The inbox (hộp thư): items addressed to an account, a role of the province, a unit (an agency or a commune) or an
 * organisation's accounts, each linking to its subject; and the reminder schedules, which are rule data.
 */
import { z } from 'zod';
import { Id } from './common.ts';

export const InboxItem = z.object({
  id: Id,
  /** What happened, dotted: `task.stage_overdue`, `council.sheet_missing`. */
  kind: z.string(),
  /** In the reader's language (Accept-Language). */
  title: z.string(),
  body: z.string().nullable(),
  /** The record it is about; the web app maps the type to a page (`task` → /tasks/:id). */
  subjectType: z.string().nullable(),
  subjectId: Id.nullable(),
  createdAt: z.string(),
  read: z.boolean(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxPage = z.object({ items: z.array(InboxItem), nextCursor: z.string().nullable() });

export const InboxQuery = z.object({
  /** true: unread items only. */
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const UnreadCount = z.object({ unread: z.number().int() });

export const ReadAllResult = z.object({ marked: z.number().int() });

/* ---------- reminder schedules (rule values) ---------- */

/**
 * `reminders.stage_overdue`: a record whose stage has passed its target days is reminded once `afterDays` past the
 * target, then every `everyDays` while it stays in that stage.
 */
export const StageOverdueRule = z.object({
  afterDays: z.number().int().min(0).max(365).default(0),
  everyDays: z.number().int().min(1).max(365),
});
export type StageOverdueRule = z.infer<typeof StageOverdueRule>;

/**
 * `reminders.council_sheet`: a member of an open council who has not submitted a sheet for an assigned dossier is
 * reminded from `afterDays` after the meeting date (0: on the day), then every `everyDays` while it is missing.
 */
export const CouncilSheetRule = z.object({
  afterDays: z.number().int().min(-30).max(365).default(0),
  everyDays: z.number().int().min(1).max(365),
});
export type CouncilSheetRule = z.infer<typeof CouncilSheetRule>;
