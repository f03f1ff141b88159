/**
 * Builds the Fastify app: zod validation and serialisation, OpenAPI at /api/docs, cookies + CSRF, login rate
 * limit, authentication, the feature routes, and the built web app (dist/) with SPA fallback.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DbHandle } from '../db/client.ts';
import { authPlugin } from './auth.ts';
import { installErrorHandler } from './error-handler.ts';
import { registerOpenApi } from './openapi.ts';
import { moduleRoutes, registerModules } from '../modules/index.ts';
import { pickLang, translate } from '../../shared/i18n/messages.ts';

export interface AppOptions {
  dbHandle: DbHandle;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; null serves the API only. Default: ./dist when it exists. */
  webDir?: string | null;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Sign-in attempts allowed per minute for one address and username. */
  loginAttemptsPerMinute?: number;
}

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: true,
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.dbHandle.db);
  app.decorate('loginAttemptsPerMinute', options.loginAttemptsPerMinute ?? 10);

  installErrorHandler(app);
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await registerOpenApi(app);
  await app.register(authPlugin);
  registerModules();
  for (const routes of moduleRoutes()) await app.register(routes);

  const webDir = options.webDir === undefined ? path.resolve('dist') : options.webDir === null ? null : path.resolve(options.webDir);
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt dist/ (new hashed asset names) is served without a
  // restart; a path with no file falls through to the not-found handler below (the SPA's index.html).
  if (hasWeb) await app.register(fastifyStatic, { root: webDir!, wildcard: true });

  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    const lang = pickLang(req.headers['accept-language']);
    return reply.status(404).send({
      code: 'common.route_not_found',
      message: translate(lang, 'common.route_not_found', { method: req.method, url: req.url.split('?')[0] }),
    });
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    loginAttemptsPerMinute: number;
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>;
