/**
 * Builds the Fastify app: security headers, the text check at the edge, zod validation and serialisation, OpenAPI
 * at /api/docs, cookies + CSRF, sign-in throttling, authentication, the feature routes, and the built web app (dist/)
 * with SPA fallback. The client address (req.ip, req.protocol) is the socket's unless the peer is a trusted proxy.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DbHandle } from '../db/client.ts';
import { authPlugin } from './auth.ts';
import { installErrorHandler } from './error-handler.ts';
import { LOG_REDACT } from './log-safety.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { installTextGuard } from './text-guard.ts';
import { LoginThrottle, parseTrustedProxies, type LoginThrottleOptions } from '../modules/auth/auth.throttle.ts';
import { registerOpenApi } from './openapi.ts';
import { installOperations, type OperationsOptions } from './operations.ts';
import { moduleRoutes, registerModules } from '../modules/index.ts';
import { pickLang, translate } from '../../shared/i18n/messages.ts';

export interface AppOptions {
  dbHandle: DbHandle;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; null serves the API only. Default: ./dist when it exists. */
  webDir?: string | null;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Failed sign-ins allowed per minute for one address and username (the throttle's `perAccountAddress`). */
  loginAttemptsPerMinute?: number;
  /** The rest of the sign-in throttle (per address, the per-account slow-down): modules/auth/auth.throttle.ts. */
  loginThrottle?: Partial<LoginThrottleOptions>;
  /**
   * Reverse proxies whose X-Forwarded-For / -Proto are believed (addresses, CIDR ranges, `loopback`). Default: env
   * KHCN_TRUSTED_PROXIES (comma-separated), else none: the client is the socket's peer.
   */
  trustedProxies?: string[];
  /** /healthz, /readyz, /metrics (operations.ts): the process's job worker, who may read the metrics. */
  operations?: Omit<OperationsOptions, 'dbHandle'>;
}

/** pino options with the request's secrets redacted, whatever logger the caller asks for. */
function loggerOptions(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return { ...(logger === true ? {} : logger), redact: LOG_REDACT };
}

export async function buildApp(options: AppOptions) {
  const trustedProxies = options.trustedProxies ?? parseTrustedProxies(process.env.KHCN_TRUSTED_PROXIES);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.dbHandle.db);
  app.decorate('loginThrottle', new LoginThrottle({
    ...(options.loginAttemptsPerMinute === undefined ? {} : { perAccountAddress: options.loginAttemptsPerMinute }),
    ...options.loginThrottle,
  }));

  installErrorHandler(app);
  await installSecurityHeaders(app);
  installTextGuard(app);
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  // Per-route limits (`config.rateLimit`) for routes that want one; sign-in has its own throttle (auth.throttle.ts).
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  // multipart/form-data for file uploads: parsed only when a route asks (req.parts), with that route's limits
  // (attachments: the kind's size, one file); these are the defaults of a route that sets none.
  await app.register(multipart, { limits: { fileSize: 1_048_576, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });
  await registerOpenApi(app);
  await app.register(authPlugin);
  installOperations(app, { ...options.operations, dbHandle: options.dbHandle });
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
    loginThrottle: LoginThrottle;
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>;
