import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenCreated, ApiTokenInput, ApiTokenSummary, LoginInput, Session } from '../../../shared/schemas/auth.ts';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import { ctxOf, SESSION_COOKIE } from '../../http/auth.ts';
import * as service from './auth.service.ts';

const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: 'auto' as const };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in with username and password; sets the session cookie', body: LoginInput,
      response: { 200: Session, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody } },
  }, async (req, reply) => {
    // Throttled per address and per (account, address), slowed down per account (auth.throttle.ts); req.ip is the
    // socket's address unless the peer is a trusted proxy.
    const { token, actor } = await service.login(app.db, req.body, { requestId: req.id, throttle: app.loginThrottle, address: req.ip });
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: service.SESSION_TTL_MS / 1000 });
    return { user: await service.me(app.db, actor), csrfToken: reply.generateCsrf() };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 204: z.null(), 403: ErrorBody } },
  }, async (req, reply) => {
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) await service.logout(app.db, sid);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/session', {
    schema: { tags: ['auth'], summary: 'Who is signed in, with a fresh CSRF token', response: { 200: Session, 401: ErrorBody } },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    return { user: await service.me(ctx.db, ctx.actor), csrfToken: reply.generateCsrf() };
  });

  app.get('/api/auth/tokens', {
    schema: { tags: ['auth'], summary: 'My API tokens', response: { 200: z.array(ApiTokenSummary), 401: ErrorBody } },
  }, async (req) => service.listApiTokens(ctxOf(req)));

  app.post('/api/auth/tokens', {
    schema: { tags: ['auth'], summary: 'Create an API token (shown once)', body: ApiTokenInput,
      response: { 201: ApiTokenCreated, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } },
  }, async (req, reply) => reply.status(201).send(await service.createApiToken(ctxOf(req), req.body)));

  app.delete('/api/auth/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParams,
      response: { 204: z.null(), 401: ErrorBody, 404: ErrorBody } },
  }, async (req, reply) => {
    await service.revokeApiToken(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
};
