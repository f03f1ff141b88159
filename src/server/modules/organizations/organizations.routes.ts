import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Version } from '../../../shared/schemas/common.ts';
import {
  Organization, OrganizationInput, OrganizationListQuery, OrganizationPage, OrganizationUpdate, RegistryStats,
} from '../../../shared/schemas/organizations.ts';
import { ctxOf } from '../../http/auth.ts';
import { countPeople } from '../people/people.service.ts';
import * as service from './organizations.service.ts';
import { exportOrganizations } from './organizations.export.ts';
import { sendXlsx } from '../../http/downloads.ts';
import { LANGS, pickLang } from '../../../shared/i18n/messages.ts';

const ExportQuery = OrganizationListQuery.omit({ cursor: true, limit: true, total: true }).extend({
  /** Language of headers and labels; default from Accept-Language. */
  lang: z.enum(LANGS).optional(),
});

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/organizations', {
    schema: { tags: ['registry'], summary: 'List organisations (search ignores diacritics and case; Vietnamese name order)',
      querystring: OrganizationListQuery, response: { 200: OrganizationPage, ...errors } },
  }, async (req) => service.listOrganizations(ctxOf(req), req.query));

  app.get('/api/registry/stats', {
    schema: { tags: ['registry'], summary: 'Counts: organisations by kind, S&T enterprises, people and experts', response: { 200: RegistryStats, ...errors } },
  }, async (req) => {
    const ctx = ctxOf(req);
    return service.registryStats(ctx, await countPeople(ctx));
  });

  app.get('/api/organizations/export.xlsx', {
    schema: {
      tags: ['registry'], summary: 'Export the organisation list (same filters as the list) as XLSX',
      querystring: ExportQuery,
      // 200: the .xlsx bytes (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).
      response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    const { lang, ...filters } = req.query;
    const file = await exportOrganizations(ctxOf(req), filters, lang ?? pickLang(req.headers['accept-language']));
    return sendXlsx(reply, file.filename, file.buffer);
  });

  app.get('/api/organizations/:id', {
    schema: { tags: ['registry'], summary: 'Read an organisation', params: IdParams, response: { 200: Organization, ...errors } },
  }, async (req) => service.getOrganization(ctxOf(req), req.params.id));

  app.post('/api/organizations', {
    schema: { tags: ['registry'], summary: 'Create an organisation', body: OrganizationInput, response: { 201: Organization, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createOrganization(ctxOf(req), req.body)));

  app.put('/api/organizations/:id', {
    schema: { tags: ['registry'], summary: 'Update an organisation (send the version you read; a stale one gets 409)',
      params: IdParams, body: OrganizationUpdate, response: { 200: Organization, ...errors } },
  }, async (req) => service.updateOrganization(ctxOf(req), req.params.id, req.body));

  app.delete('/api/organizations/:id', {
    schema: { tags: ['registry'], summary: 'Delete an organisation (refused while people or accounts refer to it)',
      params: IdParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteOrganization(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
};
