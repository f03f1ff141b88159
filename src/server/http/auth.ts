/**
 * Request authentication: a session cookie (browser) or `Authorization: Bearer <API token>` (machine clients).
 * Cookie-authenticated writes must carry the CSRF token in `x-csrf-token`; token-authenticated ones need not.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, Ctx } from '../context.ts';
import type { Db } from '../db/client.ts';
import { AppError, unauthenticated } from '../errors.ts';
import { actorFromApiToken, actorFromSession } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'khcn_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authVia: 'session' | 'token' | null;
  }
  interface FastifyInstance {
    db: Db;
  }
}

/** Routes that take no CSRF token: signing in (there is no session yet). */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await actorFromApiToken(app.db, header.slice(7).trim());
      if (!actor) throw new AppError('auth.token_invalid', { status: 401 });
      req.actor = actor;
      req.authVia = 'token';
      return;
    }
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) {
      req.actor = await actorFromSession(app.db, sid);
      if (req.actor) req.authVia = 'session';
    }
    if (UNSAFE.has(req.method) && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
});

/** The service context of an authenticated request; 401 when nobody is signed in. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw unauthenticated();
  return { db: req.server.db, actor: req.actor, requestId: req.id };
}
