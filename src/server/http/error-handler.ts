/** Renders every error as `{ code, message, details }` in the language of `Accept-Language` (vi by default). */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pickLang, translate, type Lang } from '../../shared/i18n/messages.ts';
import { AppError } from '../errors.ts';

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
  return reply.status(status).send({ code, message: translate(lang, code, params), ...(details === undefined ? {} : { details }) });
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    if (error instanceof AppError) return send(reply, req, error.status, error.code, error.params, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details: FieldProblem[] = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const issue = { code: v.keyword, message: v.message, ...(v.params as object) };
        return { path: path ? `${where}.${path}` : where, code: v.keyword, message: issueMessage(lang, issue) };
      });
      return send(reply, req, 400, 'common.validation_failed', {}, details);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, req, 413, 'common.body_too_large', { limit: app.initialConfig.bodyLimit });
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, req, 400, 'common.bad_json', {});
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, req, 415, 'common.unsupported_media_type', {});
      case 'FST_CSRF_INVALID_TOKEN':
      case 'FST_CSRF_MISSING_SECRET':
        return send(reply, req, 403, 'auth.csrf_invalid', {});
      default:
        break;
    }
    if (error.statusCode === 429) {
      return send(reply, req, 429, 'common.rate_limited', { after: (error as { after?: string }).after ?? '1 minute' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: error.code ?? 'common.bad_request', message: error.message });
    }
    req.log.error({ err: error, requestId: req.id }, 'unhandled error');
    return send(reply, req, 500, 'common.internal', { requestId: req.id });
  });
}
