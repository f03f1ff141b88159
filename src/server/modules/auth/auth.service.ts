/**
 * Sign-in, sessions and API tokens. Passwords are hashed with argon2id. Session and token secrets are random
 * 32-byte values; only their SHA-256 hashes are stored. Resolved actors are cached in-process for a short time
 * (ACTOR_CACHE_MS) so an authenticated read costs one query, not two; logout and revoke evict at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Db } from '../../db/client.ts';
import { accountOf, type Actor, type Ctx, type Tx } from '../../context.ts';
import { AppError, validationError } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as repo from './auth.repo.ts';
import type { LoginThrottle } from './auth.throttle.ts';
import { checkPasswordStrength } from './auth.passwords.ts';
import { PASSWORD_MAX, PASSWORD_MIN, passwordMessage, type PasswordContext } from '../../../shared/passwords.ts';
import { secondsText } from '../../../shared/i18n/messages.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const ACTOR_CACHE_MS = 30_000;
const ACTOR_CACHE_MAX = 10_000;

// algorithm 2 = Argon2id (a const enum in @node-rs/argon2's types, which isolatedModules cannot import).
const ARGON_OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON_OPTIONS);
}

/**
 * Throws 400 `common.validation_failed` naming `path` (`password_<reason>`) unless the password passes the policy:
 * the shared rules, the account's username and name, and the zxcvbn dictionaries (auth.passwords.ts).
 */
export function assertAcceptablePassword(password: string, context: PasswordContext, path = 'body.password') {
  const problem = checkPasswordStrength(password, context);
  if (!problem) return;
  throw validationError([{
    path, code: `password_${problem}`, i18n: passwordMessage(problem), params: { minimum: PASSWORD_MIN, maximum: PASSWORD_MAX },
  }]);
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

// A hash to verify against when the user does not exist, so both cases take the same time.
let dummyHash: Promise<string> | undefined;

const actorCache = new Map<string, { actor: Actor; until: number }>();

function cacheGet(key: string): Actor | null {
  const hit = actorCache.get(key);
  if (!hit) return null;
  if (hit.until < Date.now()) {
    actorCache.delete(key);
    return null;
  }
  return hit.actor;
}

function cachePut(key: string, actor: Actor) {
  if (actorCache.size >= ACTOR_CACHE_MAX) actorCache.delete(actorCache.keys().next().value as string);
  actorCache.set(key, { actor, until: Date.now() + ACTOR_CACHE_MS });
}

/** Forgets every cached actor of a user (role change, deactivation). */
export function evictUser(userId: string) {
  for (const [k, v] of actorCache) if (v.actor.userId === userId) actorCache.delete(k);
}

export interface LoginOptions {
  requestId?: string;
  /** The app's sign-in throttle and the client's address (auth.throttle.ts); none: no throttling (tools). */
  throttle?: LoginThrottle;
  address?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Signs in: 429 `common.rate_limited` (with `retryAfter` seconds) when the throttle refuses, else — after the wait
 * the throttle asks for — checks the password (the same work whether the account exists or not) and opens a session.
 */
export async function login(db: Db, credentials: { username: string; password: string }, o: LoginOptions = {}) {
  const { username, password } = credentials;
  const admission = o.throttle?.admit(username, o.address ?? '');
  if (admission?.refused) {
    const retryAfter = Math.ceil(admission.retryAfterMs / 1000);
    throw new AppError('common.rate_limited', { status: 429, params: { after: secondsText(retryAfter), retryAfter } });
  }
  if (admission?.delayMs) await sleep(admission.delayMs);
  const found = await repo.findUserForLogin(db, username);
  const ok = found
    ? await argonVerify(found.passwordHash, password)
    : (await argonVerify(await (dummyHash ??= hashPassword('not-a-password')), password), false);
  if (admission) {
    if (found && ok) o.throttle!.succeeded(admission.attempt);
    else o.throttle!.failed(admission.attempt);
  }
  if (!found || !ok) throw new AppError('auth.invalid_credentials', { status: 401 });
  if (!found.active) {
    // Only now that the password is right: an account requested on the public form and not yet confirmed (or
    // refused) says so; any other inactive account is disabled.
    const request = await repo.accountRequestStatus(db, found.actor.userId!);
    const code = request === 'pending' ? 'account_request.awaiting_confirmation' : request === 'refused' ? 'account_request.refused_sign_in' : 'auth.account_disabled';
    throw new AppError(code, { status: 403 });
  }
  const token = newSecret('s_');
  await db.transaction(async (tx) => {
    await repo.insertSession(tx, sha256(token), accountOf(found.actor), new Date(Date.now() + SESSION_TTL_MS));
    await recordAudit(tx, { actor: found.actor, requestId: o.requestId }, { action: 'login', entity: 'user', entityId: found.actor.userId });
  });
  return { token, actor: found.actor };
}

export async function logout(db: Db, token: string) {
  const h = sha256(token);
  actorCache.delete(`s:${h}`);
  await repo.deleteSession(db, h);
}

export async function actorFromSession(db: Db, token: string): Promise<Actor | null> {
  const key = `s:${sha256(token)}`;
  const cached = cacheGet(key);
  if (cached) return cached;
  const actor = await repo.findActorBySession(db, key.slice(2));
  if (actor) cachePut(key, actor);
  return actor;
}

export async function actorFromApiToken(db: Db, token: string): Promise<Actor | null> {
  const key = `t:${sha256(token)}`;
  const cached = cacheGet(key);
  if (cached) return cached;
  const actor = await repo.findActorByApiToken(db, key.slice(2));
  if (actor) cachePut(key, actor);
  return actor;
}

/** Ends every open session of an account (after a password reset), inside the caller's transaction. */
export function endSessionsOf(tx: Db | Tx, userId: string): Promise<number> {
  return repo.deleteSessionsOf(tx, userId);
}

/**
 * Revokes every API token of an account still in use (after a password reset), inside the caller's transaction;
 * returns how many. The caller evicts the account's cached actors once committed (`evictUser`).
 */
export function revokeApiTokensOf(tx: Db | Tx, userId: string): Promise<number> {
  return repo.revokeApiTokensOf(tx, userId);
}

export async function me(db: Db, actor: Actor) {
  const tenant = await repo.findTenant(db, actor.tenantId);
  if (!tenant) throw new AppError('common.not_found', { status: 404, params: { entity: 'tenant' } });
  return {
    id: actor.userId!, username: actor.username, displayName: actor.displayName, role: actor.role, tenant,
    organizationId: actor.organizationId, agencyId: actor.agencyId, adminUnitId: actor.adminUnitId, unitName: actor.unitName,
  };
}

export async function createApiToken(ctx: Ctx, input: { name: string; expiresInDays?: number }) {
  const token = newSecret('khcn_');
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const id = await ctx.db.transaction(async (tx) => {
    const id = await repo.insertApiToken(tx, { userId: accountOf(ctx.actor), name: input.name, tokenHash: sha256(token), expiresAt });
    await recordAudit(tx, ctx, { action: 'create', entity: 'api_token', entityId: id, after: { name: input.name, expiresAt } });
    return id;
  });
  return { id, name: input.name, token, expiresAt: expiresAt?.toISOString() ?? null };
}

export async function listApiTokens(ctx: Ctx) {
  const rows = await repo.listApiTokens(ctx.db, accountOf(ctx.actor));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    id: r.id, name: r.name, createdAt: r.createdAt.toISOString(), lastUsedAt: iso(r.lastUsedAt),
    expiresAt: iso(r.expiresAt), revokedAt: iso(r.revokedAt),
  }));
}

export async function revokeApiToken(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const tokenHash = await repo.revokeApiToken(tx, accountOf(ctx.actor), id);
    if (!tokenHash) throw new AppError('common.not_found', { status: 404, params: { entity: 'api_token' } });
    actorCache.delete(`t:${tokenHash}`);
    await recordAudit(tx, ctx, { action: 'revoke', entity: 'api_token', entityId: id });
  });
}
