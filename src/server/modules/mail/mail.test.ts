/**
 * E-mail through a real SMTP server the test starts on 127.0.0.1 (the `smtp-server` package), reading what
 * arrived: the overdue-stage reminder of the tasks module, its Vietnamese subject intact, sent once.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testEnv, type AuthHeaders, type TestEnv } from '../../testing/harness.ts';
import type { TaskCreate } from '../../../shared/schemas/tasks.ts';
import { sendNotice } from '../inbox/inbox.service.ts';
import { remindOverdueStages } from '../tasks/tasks.reminders.ts';
import { MAX_ATTEMPTS, outboxOf, sendOutbox } from './mail.service.ts';

interface Received { from: string; to: string[]; raw: string }

let env: TestEnv;
let smtp: SMTPServer;
let smtpUrl: string;
let received: Received[] = [];
const log = () => undefined;

beforeAll(async () => {
  env = await testEnv();
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  received = [];
  process.env.KHCN_SMTP_URL = smtpUrl;
  process.env.KHCN_MAIL_FROM = 'Sở KH&CN thử nghiệm <khcn@example.vn>';
});
afterAll(async () => {
  delete process.env.KHCN_SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await env.close();
});

// ---- reading a message as a mail client would ----

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), adjacent ones joined before decoding to UTF-8. */
function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  const out: string[] = [];
  let bytes: Buffer[] = [];
  let last = 0;
  for (const m of joined.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    if (m.index! > last) {
      out.push(Buffer.concat(bytes).toString('utf8'), joined.slice(last, m.index));
      bytes = [];
    }
    bytes.push(m[2].toUpperCase() === 'B' ? Buffer.from(m[3], 'base64')
      : Buffer.from(m[3].replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
    last = m.index! + m[0].length;
  }
  out.push(Buffer.concat(bytes).toString('utf8'), joined.slice(last));
  return out.join('');
}

function parse(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { subject: decodeWords(headers.get('subject') ?? ''), to: headers.get('to') ?? '', body };
}

// ---- set-up ----

async function officerWithMail(email: string | null): Promise<AuthHeaders & { userId: string }> {
  const o = await env.as('dost_officer');
  await env.h.query('UPDATE users SET email = $1 WHERE id = $2', [email, o.userId]);
  return o;
}

const PROPOSED = new Date('2026-01-15T08:00:00+07:00');
const daysAfterProposal = (days: number) => new Date(PROPOSED.getTime() + days * 86_400_000);

async function newTask(by: AuthHeaders, title: string): Promise<string> {
  const input: TaskCreate = {
    title, type: 'research_topic', level: 'provincial', scienceField: '2', proposalYear: 2026, proposedOn: '2026-01-15',
    members: [], funding: [], products: [],
  };
  const res = await env.app.inject({ method: 'POST', url: '/api/tasks', headers: by, payload: input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const notice = (userId: string) => ({
  tenantId: env.tenantId, kind: 'test.notice', title: 'task.reminder.stage_overdue' as const,
  params: { title: 'Thử gửi thư', stage: { vi: 'Đề xuất nhiệm vụ', en: 'Proposal' } }, to: [{ userId }],
});

describe('e-mail copies of inbox items', () => {
  it("bring the overdue-stage reminder to the officer's address once, its Vietnamese subject intact", async () => {
    const me = await officerWithMail('can.bo.quan.ly@example.vn');
    const title = 'Ứng dụng công nghệ sinh học sản xuất phân hữu cơ vi sinh từ phụ phẩm nông nghiệp';
    const task = await newTask(me, title);
    const now = daysAfterProposal(61);
    await remindOverdueStages({ db: env.h.db, now });
    // The mail job runs on today's clock: the copy was queued just now.
    expect(await sendOutbox({ db: env.h.db, now: new Date(), log })).toMatchObject({ sent: 1 });

    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['can.bo.quan.ly@example.vn']);
    expect(received[0].from).toBe('khcn@example.vn');
    const mail = parse(received[0].raw);
    expect(mail.subject).toBe(`Nhiệm vụ "${title}" quá hạn ở giai đoạn "Đề xuất nhiệm vụ"`);
    expect(mail.body).toContain('thời hạn của giai đoạn đến ngày 16/03/2026');
    expect(mail.body).toContain(`Task "${title}" is overdue at "Proposal"`);
    expect((await env.app.inject({ method: 'GET', url: '/api/inbox', headers: me })).json().items[0]).toMatchObject({ subjectId: task });

    // The jobs run again (another worker, a rerun): nothing more is queued or sent.
    await remindOverdueStages({ db: env.h.db, now });
    await sendOutbox({ db: env.h.db, now: new Date(), log });
    expect(received).toHaveLength(1);
  });

  it('go only to active accounts that have an address', async () => {
    const without = await officerWithMail(null);
    const inactive = await officerWithMail('da.nghi@example.vn');
    await env.h.query('UPDATE users SET active = false WHERE id = $1', [inactive.userId]);
    const sent = await sendNotice(env.h.db, { ...notice(without.userId), to: [{ userId: without.userId }, { userId: inactive.userId }] });
    expect(sent!.mailed).toBe(0);
    await sendOutbox({ db: env.h.db, now: new Date(), log });
    expect(received).toHaveLength(0);
  });

  it('are retried after a failed delivery, later, and sent once', async () => {
    const me = await officerWithMail('thu.lai@example.vn');
    const sent = (await sendNotice(env.h.db, notice(me.userId)))!;
    expect(sent.mailed).toBe(1);
    // An SMTP server that is not there.
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.KHCN_SMTP_URL = `smtp://127.0.0.1:${port}`;
    const t0 = new Date();
    expect(await sendOutbox({ db: env.h.db, now: t0, log })).toMatchObject({ failed: 1 });
    const [row] = await outboxOf(env.h.db, [sent.id]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());

    process.env.KHCN_SMTP_URL = smtpUrl;
    expect(await sendOutbox({ db: env.h.db, now: t0, log })).toEqual({}); // not due yet
    expect(await sendOutbox({ db: env.h.db, now: new Date(row.nextAttemptAt.getTime() + 1000), log })).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.to)).toEqual([['thu.lai@example.vn']]);
    expect((await outboxOf(env.h.db, [sent.id]))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it(`give up after ${MAX_ATTEMPTS} failed attempts`, async () => {
    const me = await officerWithMail('bo.cuoc@example.vn');
    const sent = (await sendNotice(env.h.db, notice(me.userId)))!;
    process.env.KHCN_SMTP_URL = 'smtp://127.0.0.1:1';
    let at = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await sendOutbox({ db: env.h.db, now: at, log });
      at = new Date(at.getTime() + 61 * 60_000);
    }
    expect((await outboxOf(env.h.db, [sent.id]))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('queue nothing when SMTP is not configured', async () => {
    delete process.env.KHCN_SMTP_URL;
    const me = await officerWithMail('khong.gui@example.vn');
    const sent = (await sendNotice(env.h.db, notice(me.userId)))!;
    expect(sent.mailed).toBe(0);
    expect(await outboxOf(env.h.db, [sent.id])).toEqual([]);
  });
});
