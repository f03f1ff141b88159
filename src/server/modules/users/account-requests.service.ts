/**
 * Enterprise account requests (issue #11): a company may hold several applicant accounts, each confirmed by the DOST.
 *
 * A visitor fills in the public form: the company by its exact tax code in the province's registry (the form learns
 * its name and nothing else), the person, and the account. The account is created at once as an inactive applicant
 * of that organisation — so the username is taken and the password hashed like any other — with an
 * `account_requests` row for the phone, position and decision. Signing in with the right password then says it awaits
 * confirmation (auth.service). The province's DOST officers get an inbox notice; the requester an e-mail receipt
 * when mail is configured. An officer (or admin) confirms — the account becomes active, the requester is told by
 * e-mail and inbox — or refuses with a reason (by e-mail; the account stays inactive and its username taken). Every
 * step is audited on the account (`request_account`, `confirm_account`, `refuse_account`).
 */
import type { Actor, Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { decodeCursor, encodeCursor } from '../../db/paging.ts';
import { AppError, forbidden, notFound, validationError, versionConflict } from '../../errors.ts';
import { translate, type Lang, type MessageKey } from '../../../shared/i18n/messages.ts';
import type {
  AccountRequest, AccountRequestInput, AccountRequestListQuery, AccountRequestRefuse,
} from '../../../shared/schemas/account-requests.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/auth.service.ts';
import { notify } from '../inbox/inbox.service.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { assertOrganizationInTenant } from '../organizations/organizations.service.ts';
import { findTenantBySlug, listTenants } from '../tenants/tenants.service.ts';
import { can } from './account-requests.policy.ts';
import * as repo from './account-requests.repo.ts';
import { writes as userWrites } from './users.repo.ts';

const ENTITY = 'account_request';
const USER_CONSTRAINTS = { entity: 'user', unique: { users_username_key: 'username' } };

/** The provinces the public form offers. */
export async function requestForm(db: Db) {
  return (await listTenants(db)).map((t) => ({ slug: t.slug, name: t.name }));
}

const unknownTaxCode = (path: string) =>
  validationError([{ path, code: 'unknown_tax_code', i18n: 'account_request.unknown_tax_code' }]);

async function tenantOf(db: Db | Tx, slug: string, path: string) {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw validationError([{ path, code: 'unknown_reference', i18n: 'account_request.unknown_province' }]);
  return tenant;
}

/** The public lookup: the name of the province's organisation with exactly this tax code; 400 on `query.taxCode` if none. */
export async function lookupOrganization(db: Db, q: { province: string; taxCode: string }) {
  const tenant = await tenantOf(db, q.province, 'query.province');
  const org = await repo.organizationByTaxCode(db, tenant.id, q.taxCode);
  if (!org) throw unknownTaxCode('query.taxCode');
  return { name: org.name };
}

/** An e-mail of both languages, Vietnamese first (as the inbox's copies). */
function mailText(title: MessageKey, body: MessageKey, params: Record<string, unknown>) {
  const part = (lang: Lang) => `${translate(lang, title, params)}\n\n${translate(lang, body, params)}`;
  return {
    subject: translate('vi', title, params),
    bodyText: `${part('vi')}\n\n—\n${part('en')}\n\n${translate('vi', 'inbox.mail_footer')}\n${translate('en', 'inbox.mail_footer')}\n`,
  };
}

/**
 * POST /api/public/account-requests: creates the inactive applicant account and its pending request, notifies the
 * province's DOST officers and queues the receipt, in one transaction. 400 naming `body.province` or `body.taxCode`
 * when either is unknown, `body.password` when the password is refused; 409 on `body.username` when it is taken.
 */
export async function requestAccount(db: Db, input: AccountRequestInput, o: { requestId?: string } = {}) {
  const tenant = await tenantOf(db, input.province, 'body.province');
  const org = await repo.organizationByTaxCode(db, tenant.id, input.taxCode);
  if (!org) throw unknownTaxCode('body.taxCode');
  assertAcceptablePassword(input.password, { username: input.username, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const userId = await userWrites.insert(tx, tenant.id, {
      username: input.username, displayName: input.displayName, email: input.email, passwordHash, role: 'applicant',
      organizationId: org.id, agencyId: null, adminUnitId: null, active: false,
    }).catch((e: unknown) => mapConstraintError(e, USER_CONSTRAINTS, input));
    const id = await repo.writes.insert(tx, tenant.id, {
      userId, organizationId: org.id, phone: input.phone, position: input.position, status: 'pending',
    });
    // The person asking is the author: their account exists from this transaction on.
    const requester: Actor = {
      userId, username: input.username, displayName: input.displayName, role: 'applicant', tenantId: tenant.id,
      organizationId: org.id, agencyId: null, adminUnitId: null, unitName: null,
    };
    await recordAudit(tx, { actor: requester, requestId: o.requestId }, {
      action: 'request_account', entity: 'user', entityId: userId,
      after: {
        username: input.username, displayName: input.displayName, email: input.email, phone: input.phone,
        position: input.position, organizationId: org.id, role: 'applicant', active: false,
      },
    });
    const params = { name: input.displayName, position: input.position, organization: org.name, username: input.username, province: tenant.name };
    await notify(tx, {
      tenantId: tenant.id, kind: 'account_request.submitted', subject: { type: ENTITY, id },
      title: 'account_request.notice.submitted', body: 'account_request.notice.submitted.body', params,
      to: [{ role: 'dost_officer' }, { role: 'admin' }],
    });
    // The account is inactive, so the inbox's copies would not reach it: the receipt goes straight to the outbox.
    const mailed = await enqueueMail(tx, [{
      tenantId: tenant.id, itemId: null, toUserId: userId, toAddress: input.email,
      ...mailText('account_request.mail.receipt', 'account_request.mail.receipt.body', params),
    }]);
    return { id, status: 'pending' as const, username: input.username, organizationName: org.name, mailed: mailed > 0 };
  });
}

function toDto(r: repo.RequestRow, accounts: Awaited<ReturnType<typeof repo.accountsOf>>): AccountRequest {
  return {
    id: r.id, status: r.status, phone: r.phone, position: r.position, reason: r.reason,
    decidedAt: r.decidedAt?.toISOString() ?? null, decidedByName: r.decidedByName ?? null, version: r.version,
    createdAt: r.createdAt.toISOString(),
    user: { id: r.userId, username: r.username, displayName: r.displayName, email: r.email },
    organization: { id: r.organizationId, name: r.organizationName, taxCode: r.taxCode },
    otherAccounts: accounts.filter((a) => a.organizationId === r.organizationId && a.id !== r.userId)
      .map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, active: a.active, pending: Boolean(a.pending) })),
  };
}

async function withAccounts(db: Db | Tx, tenantId: string, rows: repo.RequestRow[]) {
  const accounts = await repo.accountsOf(db, tenantId, [...new Set(rows.map((r) => r.organizationId))]);
  return rows.map((r) => toDto(r, accounts));
}

/** GET /api/account-requests: the province's requests in one state (pending by default), oldest first. */
export async function listAccountRequests(ctx: Ctx, q: AccountRequestListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const c = decodeCursor(q.cursor);
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, c ? { at: c.k, id: c.id } : null);
  const kept = rows.slice(0, q.limit);
  const last = kept[kept.length - 1];
  return {
    items: await withAccounts(ctx.db, ctx.actor.tenantId, kept),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ r: 0, k: last.createdKey, id: last.id }) : null,
  };
}

export async function getAccountRequest(ctx: Ctx, id: string): Promise<AccountRequest> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  return (await withAccounts(ctx.db, ctx.actor.tenantId, [row]))[0];
}

/**
 * The decision's common sequence, in one transaction: lock the request, policy, version (stale → 409), still pending
 * (else 409 `account_request.already_decided`), write, audit on the account, then the caller's notices.
 */
async function decide(ctx: Ctx, id: string, version: number, d: {
  status: 'confirmed' | 'refused'; reason: string | null;
  then: (tx: Tx, row: repo.RequestRow) => Promise<void>;
}): Promise<AccountRequest> {
  if (!can(ctx.actor, 'decide')) throw forbidden();
  const tenantId = ctx.actor.tenantId;
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.writes.lock(tx, tenantId, id))) throw notFound(ENTITY, id);
    const before = await repo.findById(tx, tenantId, id);
    if (!before) throw notFound(ENTITY, id);
    if (before.version !== version) throw versionConflict(before.version, version);
    if (before.status !== 'pending') {
      throw new AppError('account_request.already_decided', {
        status: 409, params: { status: { vi: translate('vi', `account_request.status.${before.status}`), en: translate('en', `account_request.status.${before.status}`) } },
        details: { status: before.status },
      });
    }
    if (d.status === 'confirmed') {
      // The organisation must still be the province's (it could have been merged away since the request).
      await assertOrganizationInTenant(tx, tenantId, before.organizationId, 'organizationId');
      // No row changes when the account is active already (an admin unlocked it): the decision is recorded anyway.
      await repo.setAccountActive(tx, tenantId, before.userId, true);
    }
    const ok = await repo.writes.update(tx, tenantId, id, version, {
      status: d.status, reason: d.reason, decidedBy: ctx.actor.userId, decidedAt: new Date(),
    });
    if (!ok) throw versionConflict(before.version + 1, version);
    await recordAudit(tx, ctx, {
      action: d.status === 'confirmed' ? 'confirm_account' : 'refuse_account', entity: 'user', entityId: before.userId,
      before: { active: false },
      after: d.status === 'confirmed'
        ? { active: true, role: 'applicant', organizationId: before.organizationId }
        : { active: false, reason: d.reason },
    });
    await d.then(tx, before);
    const after = await repo.findById(tx, tenantId, id);
    if (!after) throw notFound(ENTITY, id);
    return (await withAccounts(tx, tenantId, [after]))[0];
  });
}

/** POST /api/account-requests/:id/confirm: the account becomes an active applicant of its organisation. */
export function confirmAccountRequest(ctx: Ctx, id: string, input: { version: number }) {
  return decide(ctx, id, input.version, {
    status: 'confirmed', reason: null,
    then: async (tx, row) => {
      // Active now, so the inbox's own e-mail copy reaches the address too. No subject: the requests page is the
      // department's, not the requester's.
      await notify(tx, {
        tenantId: ctx.actor.tenantId, kind: 'account_request.confirmed',
        title: 'account_request.notice.confirmed', body: 'account_request.notice.confirmed.body',
        params: { username: row.username, organization: row.organizationName }, to: [{ userId: row.userId }],
      });
    },
  });
}

/** POST /api/account-requests/:id/refuse: the account stays inactive; the requester is told why by e-mail. */
export function refuseAccountRequest(ctx: Ctx, id: string, input: AccountRequestRefuse) {
  return decide(ctx, id, input.version, {
    status: 'refused', reason: input.reason,
    then: async (tx, row) => {
      if (!row.email) return;
      await enqueueMail(tx, [{
        tenantId: ctx.actor.tenantId, itemId: null, toUserId: row.userId, toAddress: row.email,
        ...mailText('account_request.mail.refused', 'account_request.mail.refused.body',
          { username: row.username, organization: row.organizationName, reason: input.reason }),
      }]);
    },
  });
}
