import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../../shared/schemas/audit.ts';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { forbidden } from '../../errors.ts';
import { ctxOf } from '../../http/auth.ts';
import { can } from './audit.policy.ts';
import { listAudit } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', {
    schema: { tags: ['audit'], summary: 'Audit log of the province (admins)', querystring: AuditQuery,
      response: { 200: AuditPage, 401: ErrorBody, 403: ErrorBody } },
  }, async (req) => {
    const ctx = ctxOf(req);
    if (!can(ctx.actor, 'read')) throw forbidden();
    return listAudit(ctx, req.query);
  });
};
