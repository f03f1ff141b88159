/**
 * Accounts (tài khoản) of a province. Admins create and edit their province's accounts; the command line
 * (`khcn user add`) and the demo seed create them through `createUser`. Passwords are hashed with argon2id by
 * auth.service.ts and never leave the server, not even in the audit log. A role change or a deactivation takes
 * effect on the user's next request: the cached actor is evicted once the change is committed.
 */
import { systemActor, type Ctx, type Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound, validationError, AppError } from '../../errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { versionedRecords, type Writer } from '../../records/versioned-record.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { Role } from '../../../shared/roles.ts';
import { UserInput, type PasswordReset, type User, type UserListQuery, type UserUpdate } from '../../../shared/schemas/users.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertAcceptablePassword, endSessionsOf, evictUser, hashPassword, revokeApiTokensOf } from '../auth/auth.service.ts';
import { assertAgencyInForce } from '../agencies/agencies.service.ts';
import { assertCommuneOfProvince } from '../admin-units/admin-units.service.ts';
import { assertOrganizationInTenant } from '../organizations/organizations.service.ts';
import { getTenant } from '../tenants/tenants.service.ts';
import * as repo from './users.repo.ts';
import { statusOfAccount } from './account-requests.repo.ts';
import { can } from './users.policy.ts';

const ENTITY = 'user';

export interface NewUser {
  tenantId: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
  organizationId?: string | null;
  agencyId?: string | null;
  adminUnitId?: string | null;
  email?: string | null;
}

/** Who made a change: a signed-in admin, or nobody (command line, demo seed). */
type Author = Pick<Ctx, 'actor' | 'requestId'>;

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function toDto({ sortKey: _sk, ...r }: Row): User {
  return { ...r, role: r.role as Role, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

const records = versionedRecords({
  entity: ENTITY,
  constraints: {
    foreignKeys: { users_organization_id_fkey: 'organizationId', users_agency_id_fkey: 'agencyId', users_admin_unit_id_fkey: 'adminUnitId' },
    unique: { users_username_key: 'username' },
  },
  find: repo.findById,
  toDto,
  writes: repo.writes,
});

/**
 * The references an account makes, checked inside the write's transaction: its organisation is one of the
 * province's; its unit is an agency of the province in force today, or a commune of the province in force today.
 * Only what changed is checked on an update, so an account keeps the unit it had when that unit closes.
 */
async function checkReferences(tx: Tx, tenantId: string, next: Partial<Pick<NewUser, 'organizationId' | 'agencyId' | 'adminUnitId'>>,
  before: Row | null = null) {
  if (next.organizationId && next.organizationId !== before?.organizationId) {
    await assertOrganizationInTenant(tx, tenantId, next.organizationId, 'body.organizationId');
  }
  if (next.agencyId && next.agencyId !== before?.agencyId) await assertAgencyInForce(tx, tenantId, next.agencyId, 'body.agencyId');
  if (next.adminUnitId && next.adminUnitId !== before?.adminUnitId) {
    const tenant = await getTenant(tx, tenantId);
    await assertCommuneOfProvince(tx, next.adminUnitId, tenant.provinceUnitId, 'body.adminUnitId');
  }
}

/** The same checks as the route's body schema, for callers that do not come through HTTP (CLI, seed). */
function parseNewUser(input: NewUser) {
  const { tenantId, ...fields } = input;
  const parsed = UserInput.safeParse(fields);
  if (!parsed.success) {
    // Worded in the caller's language where it is shown (the error handler, the command line: localizeDetails).
    throw validationError(parsed.error.issues.map((issue) => {
      const params = (issue as { params?: Record<string, unknown> }).params;
      const path = ['body', ...issue.path].join('.');
      const code = typeof params?.detail === 'string' ? params.detail : issue.code;
      return typeof params?.i18n === 'string' ? { path, code, i18n: params.i18n, params } : { path, code, message: issue.message };
    }));
  }
  // The schema's rules, then the server's own: the zxcvbn dictionaries (auth.passwords.ts).
  assertAcceptablePassword(parsed.data.password, { username: parsed.data.username, displayName: parsed.data.displayName });
  return { tenantId, ...parsed.data };
}

/**
 * Creates an account: validates, hashes the password, refuses a taken username (409 common.duplicate on
 * body.username), an organisation of another province and a unit not in force (400 naming the field), and audits
 * the write. Without `by` the author is the system (command line, demo seed).
 */
export async function createUser(db: Db | Tx, input: NewUser, by?: Author): Promise<User> {
  const data = parseNewUser(input);
  const writer: Writer = { db, ...(by ?? { actor: systemActor(data.tenantId, 'Hệ thống (dòng lệnh)') }) };
  const passwordHash = await hashPassword(data.password);
  return records.create(writer, {
    username: data.username,
    displayName: data.displayName,
    email: data.email ?? null,
    passwordHash,
    role: data.role,
    organizationId: data.organizationId ?? null,
    agencyId: data.agencyId ?? null,
    adminUnitId: data.adminUnitId ?? null,
    active: true,
  }, { input: data, check: (tx) => checkReferences(tx, data.tenantId, data) });
}

/** POST /api/users: an admin creates an account in their own province. */
export async function createUserInTenant(ctx: Ctx, input: UserInput): Promise<User> {
  if (!can(ctx.actor, 'create')) throw forbidden();
  return createUser(ctx.db, { ...input, tenantId: ctx.actor.tenantId }, ctx);
}

export async function listUsers(ctx: Ctx, q: UserListQuery) {
  if (!can(ctx.actor, 'list')) throw forbidden();
  const rows = await repo.list(ctx.db, ctx.actor.tenantId, q, decodeCursor(q.cursor));
  return page(rows, q.limit, (r) => toDto(r));
}

export const getUser = (ctx: Ctx, id: string): Promise<User> => records.get(ctx, id, () => can(ctx.actor, 'read'));

export async function updateUser(ctx: Ctx, id: string, input: UserUpdate): Promise<User> {
  if (!can(ctx.actor, 'update')) throw forbidden();
  // An admin who demotes or disables themself could leave the province without an admin.
  if (id === ctx.actor.userId && (input.role !== 'admin' || !input.active)) {
    throw new AppError('user.self_lockout', {
      status: 400, details: [{ path: input.active ? 'body.role' : 'body.active', code: 'self_lockout' }],
    });
  }
  const after = await records.update(ctx, id, input.version, {
    displayName: input.displayName,
    role: input.role,
    active: input.active,
    organizationId: input.organizationId ?? null,
    agencyId: input.agencyId ?? null,
    adminUnitId: input.adminUnitId ?? null,
    email: input.email ?? null,
  }, {
    input,
    check: async (tx, before) => {
      // A requested account is opened by confirming its request (account-requests.service), which records the decision.
      if (input.active && !before?.active && (await statusOfAccount(tx, id)) === 'pending') {
        throw new AppError('user.request_pending', { status: 409, details: [{ path: 'body.active', code: 'request_pending' }] });
      }
      await checkReferences(tx, ctx.actor.tenantId, input, before);
    },
  });
  // After the commit, so no request can re-cache the old role, organisation, unit or active flag.
  evictUser(id);
  return after;
}

/**
 * POST /api/users/:id/password: an admin sets a new password (checked against the account's username and name);
 * the user's open sessions end and their API tokens are revoked, since whoever knew the old password may hold one.
 */
export async function resetPassword(ctx: Ctx, id: string, input: PasswordReset): Promise<void> {
  if (!can(ctx.actor, 'reset_password')) throw forbidden();
  const user = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!user) throw notFound(ENTITY, id);
  assertAcceptablePassword(input.password, { username: user.username, displayName: user.displayName });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.setPasswordHash(tx, ctx.actor.tenantId, id, passwordHash))) throw notFound(ENTITY, id);
    const sessionsEnded = await endSessionsOf(tx, id);
    const tokensRevoked = await revokeApiTokensOf(tx, id);
    await recordAudit(tx, ctx, { action: 'reset_password', entity: ENTITY, entityId: id, after: { sessionsEnded, tokensRevoked } });
  });
  // After the commit: the cached actors of its sessions and tokens.
  evictUser(id);
}

/**
 * Active reviewer accounts of the province, for linking a council member to the account they score with. Other
 * modules decide who may ask (a DOST officer setting up a council is not an admin and cannot list users).
 */
export function reviewerAccounts(db: Db | Tx, tenantId: string) {
  return repo.activeAccountsWithRole(db, tenantId, 'reviewer');
}

/**
 * For other modules (the account a council member scores with): throws `o.code` (400, `unknown_reference` at
 * `o.path`) unless `id` is an active account of the province. The code is the caller's.
 */
export async function assertActiveAccount(db: Db | Tx, tenantId: string, id: string, o: { path: string; code: MessageKey }) {
  const user = await repo.findById(db, tenantId, id);
  if (!user || !user.active) throw new AppError(o.code, { status: 400, details: [{ path: o.path, code: 'unknown_reference' }] });
}

/** Who an inbox item, a reminder or an e-mail is for: every field given must match (a role in a unit…). */
export interface AccountMatch {
  userId?: string;
  role?: Role;
  agencyId?: string;
  adminUnitId?: string;
  organizationId?: string;
}

/**
 * For other modules: the active accounts of the province matching any of `matches` (the inbox resolves the e-mail
 * recipients of an item with it; the tasks reminders check that the officer in charge still works here).
 */
export async function activeAccountsMatching(db: Db | Tx, tenantId: string, matches: AccountMatch[]) {
  const rows = await repo.activeMatching(db, tenantId, matches);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}
