/**
 * Accounts (tài khoản) of a province. Admins create and edit their province's accounts; the command line
 * (`khcn user add`) and the demo seed create them through `createUser`. Passwords are hashed with argon2id by
 * auth.service.ts and never leave the server, not even in the audit log. A role change or a deactivation takes
 * effect on the user's next request: the cached actor is evicted once the change is committed.
 */
import type { Actor, Ctx, Tx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound, validationError, versionConflict, AppError } from '../../errors.ts';
import { mapConstraintError } from '../../db/errors.ts';
import { decodeCursor, page } from '../../db/paging.ts';
import { translate } from '../../../shared/i18n/messages.ts';
import type { Role } from '../../../shared/roles.ts';
import { UserInput, type PasswordReset, type User, type UserListQuery, type UserUpdate } from '../../../shared/schemas/users.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { evictUser, hashPassword } from '../auth/auth.service.ts';
import * as repo from './users.repo.ts';
import { can } from './users.policy.ts';

const ENTITY = 'user';

const constraints = {
  entity: 'user',
  foreignKeys: { users_organization_id_fkey: 'organizationId' },
  unique: { users_username_key: 'username' },
};

export interface NewUser {
  tenantId: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
  organizationId?: string | null;
  unitName?: string | null;
  email?: string | null;
}

/** Who made a change: a signed-in admin, or nobody (command line, demo seed). */
type Author = Pick<Ctx, 'actor' | 'requestId'>;

/**
 * Writes from the command line and the demo seed have no signed-in author: the audit entry names the system and
 * leaves actor_id empty (the column is nullable; the Actor type is not, hence the cast).
 */
function systemAuthor(tenantId: string): Author {
  const actor: Actor = {
    userId: null as unknown as string, username: 'system', displayName: 'Hệ thống (dòng lệnh)', role: 'admin',
    tenantId, organizationId: null, unitName: null,
  };
  return { actor };
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function toDto({ sortKey: _sk, ...r }: Row): User {
  return { ...r, role: r.role as Role, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

async function assertOrganizationInTenant(db: Db | Tx, tenantId: string, id: string) {
  if (!(await repo.organizationInTenant(db, tenantId, id))) {
    throw validationError([{ path: 'body.organizationId', code: 'unknown_reference', message: `Unknown organizationId ${id}` }]);
  }
}

/** The same checks as the route's body schema, for callers that do not come through HTTP (CLI, seed). */
function parseNewUser(input: NewUser) {
  const { tenantId, ...fields } = input;
  const parsed = UserInput.safeParse(fields);
  if (!parsed.success) {
    throw validationError(parsed.error.issues.map((issue) => {
      const params = (issue as { params?: Record<string, unknown> }).params;
      const key = typeof params?.i18n === 'string' ? params.i18n : null;
      return { path: ['body', ...issue.path].join('.'), code: issue.code, message: key ? translate('vi', key, params) : issue.message };
    }));
  }
  return { tenantId, ...parsed.data };
}

/**
 * Creates an account: validates, hashes the password, refuses a taken username (409 common.duplicate on
 * body.username) and an organisation of another province (400 on body.organizationId), and audits the write.
 */
export async function createUser(db: Db | Tx, input: NewUser, by?: Author): Promise<User> {
  const data = parseNewUser(input);
  const author = by ?? systemAuthor(data.tenantId);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    if (data.organizationId) await assertOrganizationInTenant(tx, data.tenantId, data.organizationId);
    const id = await repo.insert(tx, data.tenantId, {
      username: data.username,
      displayName: data.displayName,
      email: data.email ?? null,
      passwordHash,
      role: data.role,
      organizationId: data.organizationId ?? null,
      unitName: data.unitName ?? null,
      active: true,
    }).catch((e) => mapConstraintError(e, constraints, data));
    const created = toDto((await repo.findById(tx, data.tenantId, id))!);
    await recordAudit(tx, author, { action: 'create', entity: ENTITY, entityId: id, after: created });
    return created;
  });
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

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  if (!can(ctx.actor, 'read')) throw forbidden();
  const row = await repo.findById(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound(ENTITY, id);
  return toDto(row);
}

export async function updateUser(ctx: Ctx, id: string, input: UserUpdate): Promise<User> {
  if (!can(ctx.actor, 'update')) throw forbidden();
  // An admin who demotes or disables themself could leave the province without an admin.
  if (id === ctx.actor.userId && (input.role !== 'admin' || !input.active)) {
    throw new AppError('user.self_lockout', {
      status: 400, details: [{ path: input.active ? 'body.role' : 'body.active', code: 'self_lockout' }],
    });
  }
  const after = await ctx.db.transaction(async (tx) => {
    const before = await repo.findById(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound(ENTITY, id);
    if (before.version !== input.version) throw versionConflict(before.version, input.version);
    if (input.organizationId && input.organizationId !== before.organizationId) {
      await assertOrganizationInTenant(tx, ctx.actor.tenantId, input.organizationId);
    }
    const ok = await repo.update(tx, ctx.actor.tenantId, id, input.version, {
      displayName: input.displayName,
      role: input.role,
      active: input.active,
      organizationId: input.organizationId ?? null,
      unitName: input.unitName ?? null,
      email: input.email ?? null,
    }).catch((e) => mapConstraintError(e, constraints, input));
    if (!ok) {
      const current = await repo.findById(tx, ctx.actor.tenantId, id);
      throw versionConflict(current?.version ?? 0, input.version);
    }
    const after = toDto((await repo.findById(tx, ctx.actor.tenantId, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: ENTITY, entityId: id, before: toDto(before), after });
    return after;
  });
  // After the commit, so no request can re-cache the old role, organisation or active flag.
  evictUser(id);
  return after;
}

/** POST /api/users/:id/password: an admin sets a new password; the user's open sessions end. */
export async function resetPassword(ctx: Ctx, id: string, input: PasswordReset): Promise<void> {
  if (!can(ctx.actor, 'reset_password')) throw forbidden();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.setPasswordHash(tx, ctx.actor.tenantId, id, passwordHash))) throw notFound(ENTITY, id);
    const sessionsEnded = await repo.deleteSessions(tx, id);
    await recordAudit(tx, ctx, { action: 'reset_password', entity: ENTITY, entityId: id, after: { sessionsEnded } });
  });
  evictUser(id);
}

/**
 * Active reviewer accounts of the province, for linking a council member to the account they score with. Other
 * modules decide who may ask (a DOST officer setting up a council is not an admin and cannot list users).
 */
export function reviewerAccounts(db: Db | Tx, tenantId: string) {
  return repo.activeAccountsWithRole(db, tenantId, 'reviewer');
}
