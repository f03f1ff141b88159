/**
 * E-mail, optional: inbox items can also go by mail through SMTP (nodemailer), configured by the environment —
 * `KHCN_SMTP_URL` (smtp://user:pass@host:587, smtps://… for TLS) and `KHCN_MAIL_FROM` ("Sở KH&CN <khcn@…>").
 * When KHCN_SMTP_URL is unset nothing is queued and nothing is sent.
 *
 * Copies are written to `mail_outbox` in the transaction that writes the inbox item (so a rolled-back reminder
 * mails nobody), and sent by the `mail.send_outbox` job: each row is claimed with a lease, sent, marked sent; a
 * failure is retried later with a growing delay, at most MAX_ATTEMPTS times. A worker that dies between the SMTP
 * server's acceptance and the commit of "sent" leaves the lease to run out and the copy is sent again: delivery is
 * at least once, and exactly once in every other case.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/client.ts';
import type { Tx } from '../../context.ts';
import { defineJob, type JobContext, type JobResult } from '../jobs/jobs.types.ts';
import * as repo from './mail.repo.ts';

export const MAX_ATTEMPTS = 5;
const LEASE_SECONDS = 300;
const BATCH = 100;

export interface MailSettings {
  url: string;
  from: string;
}

/** The SMTP settings of this process, or null when mail is off. Read at each use, so tests can set them. */
export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const url = env.KHCN_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.KHCN_MAIL_FROM?.trim() || 'khcn@localhost' };
}

export const mailEnabled = (): boolean => mailSettings() !== null;

export interface OutgoingMail {
  tenantId: string;
  /** The inbox item it copies: one copy per item and address. */
  itemId: string | null;
  toUserId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
}

/** Queues copies inside the caller's transaction; returns how many were new. Nothing when mail is off. */
export async function enqueueMail(tx: Db | Tx, mails: OutgoingMail[]): Promise<number> {
  if (!mailEnabled()) return 0;
  return repo.enqueue(tx, mails);
}

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, 8… at most an hour. */
export const retryDelayMinutes = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1));

/** The job: sends the copies that are due, one claimed row at a time. */
export async function sendOutbox(ctx: Pick<JobContext, 'db' | 'now' | 'log'>): Promise<JobResult> {
  const settings = mailSettings();
  if (!settings) return {};
  const transport = transportFor(settings.url);
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < BATCH; i++) {
    const row = await repo.claimNext(ctx.db, ctx.now, LEASE_SECONDS);
    if (!row) break;
    try {
      await transport.sendMail({ from: settings.from, to: row.toAddress, subject: row.subject, text: row.bodyText });
      await repo.markSent(ctx.db, row.id, new Date());
      sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const retryAt = row.attempts < MAX_ATTEMPTS ? new Date(ctx.now.getTime() + retryDelayMinutes(row.attempts) * 60_000) : null;
      await repo.markFailed(ctx.db, row.id, { error: message, retryAt });
      ctx.log(`mail to ${row.toAddress} failed (attempt ${row.attempts}): ${message}`);
      failed++;
    }
  }
  return sent || failed ? { sent, failed } : {};
}

/** The outbox rows of some inbox items (tests and diagnostics). */
export function outboxOf(db: Db | Tx, itemIds: string[]) {
  return repo.ofItems(db, itemIds);
}

export const mailJobs = [
  defineJob({ name: 'mail.send_outbox', description: 'Send the queued e-mail copies of inbox items', everyMinutes: 1, run: sendOutbox }),
];
