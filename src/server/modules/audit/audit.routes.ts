import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditExportQuery, AuditPage, AuditQuery } from '../../../shared/schemas/audit.ts';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendXlsx } from '../../http/downloads.ts';
import { exportAudit, listAudit } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', {
    schema: {
      tags: ['audit'], summary: 'Audit log of the province (admins): in words, filtered by who, what and when',
      querystring: AuditQuery, response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => listAudit(ctxOf(req), req.query));

  app.get('/api/audit/export.xlsx', {
    schema: {
      tags: ['audit'], summary: 'Export the audit log (same filters as the list) as XLSX, one row per changed field',
      querystring: AuditExportQuery,
      // 200: the .xlsx bytes (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).
      response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    const { lang, ...filters } = req.query;
    const file = await exportAudit(ctxOf(req), filters, lang ?? pickLang(req.headers['accept-language']));
    return sendXlsx(reply, file.filename, file.buffer);
  });
};
