/**
 * The inbox (hộp thư): items addressed to an account, a role of the province, a unit or an organisation's accounts,
 * resolved when read (inbox.repo.ts), with read state per reader; and `notify`, which every module uses to put an
 * item in inboxes — once per period for a reminder — and, when SMTP is configured, its e-mail copies in the same
 * transaction.
 */
import { accountOf, type Actor, type Ctx, type Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { translate, type Lang, type MessageKey } from '../../../shared/i18n/messages.ts';
import type { InboxItem, InboxQuery } from '../../../shared/schemas/inbox.ts';
import { activeAccountsMatching, type AccountMatch } from '../users/users.service.ts';
import { enqueueMail, mailEnabled } from '../mail/mail.service.ts';
import * as repo from './inbox.repo.ts';
import { can } from './inbox.policy.ts';

export type Addressee = AccountMatch;

export interface Notice {
  tenantId: string;
  /** What happened, dotted (`task.stage_overdue`). */
  kind: string;
  /** The record it is about (the web app links to it). */
  subject?: { type: string; id: string };
  /**
   * For reminders: the period this one is for (`stage@2026-01-05T…#2`). (tenant, kind, subject, period) is sent
   * once, however many workers run the job and however often; needs a subject.
   */
  periodKey?: string;
  /** Message keys of the shared catalogue, rendered in each reader's language with `params`. */
  title: MessageKey;
  body?: MessageKey;
  /** Values for the placeholders; a { vi, en } object is shown in the reader's language. */
  params?: Record<string, unknown>;
  /** Any number of addressees; a reader matching several sees the item once. */
  to: Addressee[];
  /** Also by e-mail to the addressees' accounts that have an address (when SMTP is configured). Default true. */
  email?: boolean;
}

const isEmpty = (a: Addressee) => !a.userId && !a.role && !a.agencyId && !a.adminUnitId && !a.organizationId;

/** The text of an e-mail copy: Vietnamese first, then English, then the footer. */
function mailText(n: Notice) {
  const part = (lang: Lang) => [translate(lang, n.title, n.params), n.body ? translate(lang, n.body, n.params) : null]
    .filter(Boolean).join('\n\n');
  return {
    subject: translate('vi', n.title, n.params),
    bodyText: `${part('vi')}\n\n—\n${part('en')}\n\n${translate('vi', 'inbox.mail_footer')}\n${translate('en', 'inbox.mail_footer')}\n`,
  };
}

/**
 * Puts an item in its addressees' inboxes inside the caller's transaction. Returns null, writing nothing, when the
 * same reminder (kind, subject, period) was already sent. E-mail copies go to the active accounts that match an
 * addressee at this moment and have an address.
 */
export async function notify(tx: Tx, n: Notice): Promise<{ id: string; mailed: number } | null> {
  const to = n.to.filter((a) => !isEmpty(a));
  if (to.length === 0) throw new AppError('inbox.no_addressee', { status: 500, details: { kind: n.kind } });
  if (n.periodKey !== undefined && !n.subject) throw new Error(`notice ${n.kind}: a period key needs a subject`);
  const id = await repo.insertItemOnce(tx, {
    tenantId: n.tenantId, kind: n.kind, subjectType: n.subject?.type ?? null, subjectId: n.subject?.id ?? null,
    periodKey: n.periodKey ?? null, titleKey: n.title, bodyKey: n.body ?? null, params: n.params ?? {},
  });
  if (!id) return null;
  await repo.insertRecipients(tx, to.map((a) => ({
    itemId: id, userId: a.userId ?? null, role: a.role ?? null, agencyId: a.agencyId ?? null,
    adminUnitId: a.adminUnitId ?? null, organizationId: a.organizationId ?? null,
  })));
  let mailed = 0;
  if (n.email !== false && mailEnabled()) {
    const text = mailText(n);
    const accounts = (await activeAccountsMatching(tx, n.tenantId, to)).filter((u) => u.email);
    mailed = await enqueueMail(tx, accounts.map((u) => ({
      tenantId: n.tenantId, itemId: id, toUserId: u.id, toAddress: u.email!, ...text,
    })));
  }
  return { id, mailed };
}

/** `notify` in a transaction of its own. */
export function sendNotice(db: Db, n: Notice) {
  return db.transaction((tx) => notify(tx, n));
}

// ---- the reader's side ----

function readerOf(actor: Actor): repo.Reader {
  if (!can(actor, 'read')) throw forbidden();
  return {
    tenantId: actor.tenantId, userId: accountOf(actor), role: actor.role,
    agencyId: actor.agencyId, adminUnitId: actor.adminUnitId, organizationId: actor.organizationId,
  };
}

const toDto = (lang: Lang) => (r: repo.ItemRow): InboxItem => ({
  id: r.id, kind: r.kind,
  title: translate(lang, r.titleKey, r.params),
  body: r.bodyKey ? translate(lang, r.bodyKey, r.params) : null,
  subjectType: r.subjectType, subjectId: r.subjectId, createdAt: r.createdAt.toISOString(),
  read: r.readAt !== null, readAt: r.readAt?.toISOString() ?? null,
});

/** The reader's items, newest first, in their language; `unread` for the unread ones only. */
export async function listInbox(ctx: Ctx, q: InboxQuery, lang: Lang) {
  const reader = readerOf(ctx.actor);
  const rows = await repo.list(ctx.db, reader, { unread: q.unread, beforeSeq: q.cursor ? Number(q.cursor) : undefined, limit: q.limit });
  const kept = rows.slice(0, q.limit);
  return { items: kept.map(toDto(lang)), nextCursor: rows.length > q.limit ? String(kept[kept.length - 1].seq) : null };
}

export async function unreadCount(ctx: Ctx) {
  return { unread: await repo.unreadCount(ctx.db, readerOf(ctx.actor)) };
}

/** Marks one of the reader's items read (again: no change); 404 for an item that is not theirs. */
export async function markRead(ctx: Ctx, id: string, lang: Lang): Promise<InboxItem> {
  const reader = readerOf(ctx.actor);
  const row = await repo.findVisible(ctx.db, reader, id);
  if (!row) throw notFound('inbox_item', id);
  if (row.readAt === null) await repo.markRead(ctx.db, id, reader.userId, new Date());
  return toDto(lang)((await repo.findVisible(ctx.db, reader, id))!);
}

export async function markAllRead(ctx: Ctx) {
  return { marked: await repo.markAllRead(ctx.db, readerOf(ctx.actor), new Date()) };
}

/** For tests and diagnostics: what was sent about a subject (kind and period), oldest first. */
export function noticesAbout(db: Db | Tx, o: { tenantId: string; subjectType: string; subjectId: string }) {
  return repo.itemsAbout(db, o.tenantId, o.subjectType, o.subjectId);
}

/**
 * For the metrics: how many reminders have been sent, by kind, in every province — counted in the database, so the
 * number is the same whichever process (server or worker) sent them, and survives restarts.
 */
export function remindersSent(db: Db): Promise<{ kind: string; count: number }[]> {
  return repo.reminderCounts(db);
}
