/**
 * Renders every error as `{ code, message, details }` in the language of `Accept-Language` (vi by default), field
 * problems included (`localizeDetails`). Unknown errors are logged with the request id, through `loggableError`:
 * no parameter values of a query on the auth tables, and the request's headers are never logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localizeDetails, pickLang, secondsText, sizeText, translate, type Lang } from '../../shared/i18n/messages.ts';
import { AppError } from '../errors.ts';
import { loggableError } from './log-safety.ts';

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() };

interface FieldProblem { path: string; code: string; message: string }

function issueMessage(lang: Lang, issue: Record<string, unknown>): string {
  const params = issue.params as Record<string, unknown> | undefined;
  const i18n = params?.i18n;
  if (typeof i18n === 'string') return translate(lang, i18n, params);
  const out = zodLocales[lang].localeError(issue as never);
  return typeof out === 'string' ? out : (out?.message ?? String(issue.message));
}

function send(reply: FastifyReply, req: FastifyRequest, status: number, code: string, params: Record<string, unknown>, details?: unknown) {
  const lang = pickLang(req.headers['accept-language']);
  const body = { code, message: translate(lang, code, params), ...(details === undefined ? {} : { details: localizeDetails(lang, details) }) };
  return reply.status(status).send(body);
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    if (error instanceof AppError) {
      if (error.status === 429 && typeof error.params.retryAfter === 'number') reply.header('retry-after', String(error.params.retryAfter));
      return send(reply, req, error.status, error.code, error.params, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details: FieldProblem[] = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const issue = { code: v.keyword, message: v.message, ...(v.params as object) };
        // A custom issue may name its detail code (`invalid_text`, `password_common`); else zod's issue code.
        const detail = (issue as { params?: { detail?: unknown } }).params?.detail;
        return { path: path ? `${where}.${path}` : where, code: typeof detail === 'string' ? detail : v.keyword, message: issueMessage(lang, issue) };
      });
      return send(reply, req, 400, 'common.validation_failed', {}, details);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        // The limit of the route asked (an upload route accepts more than the app's default).
        return send(reply, req, 413, 'common.body_too_large', { limit: sizeText(req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0) });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, req, 400, 'common.bad_json', {});
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, req, 415, 'common.unsupported_media_type', {});
      case 'FST_CSRF_INVALID_TOKEN':
      case 'FST_CSRF_MISSING_SECRET':
        return send(reply, req, 403, 'auth.csrf_invalid', {});
      case 'FST_STATIC_FORBIDDEN_PATH': // a path @fastify/static will not map to a file (`/%00`, `..`)
        return send(reply, req, 404, 'common.route_not_found', { method: req.method, url: req.url.split('?')[0] });
      default:
        break;
    }
    if (error.statusCode === 429) { // a route's own limit (@fastify/rate-limit), which sets Retry-After
      const seconds = Number(reply.getHeader('retry-after')) || 60;
      return send(reply, req, 429, 'common.rate_limited', { after: secondsText(seconds) });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, req, error.statusCode, 'common.bad_request', {});
    }
    // Under `error`, not pino's `err`: its serializer would fold the cause back into the message.
    req.log.error({ error: loggableError(error), requestId: req.id }, 'unhandled error');
    return send(reply, req, 500, 'common.internal', { requestId: req.id });
  });
}
