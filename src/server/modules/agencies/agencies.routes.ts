import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Agency, AgencyInput, AgencyListQuery, AgencyPage, AgencyUpdate } from '../../../shared/schemas/agencies.ts';
import { ErrorBody, IdParams, Version } from '../../../shared/schemas/common.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './agencies.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['accounts'];

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/agencies', {
    schema: { tags, summary: "The province's departments and agencies (filter by kind, or those in force on a date)",
      querystring: AgencyListQuery, response: { 200: AgencyPage, ...errors } },
  }, async (req) => service.listAgencies(ctxOf(req), req.query));

  app.get('/api/agencies/:id', {
    schema: { tags, summary: 'Read an agency', params: IdParams, response: { 200: Agency, ...errors } },
  }, async (req) => service.getAgency(ctxOf(req), req.params.id));

  app.post('/api/agencies', {
    schema: { tags, summary: 'Add an agency to the province (admins)', body: AgencyInput, response: { 201: Agency, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createAgency(ctxOf(req), req.body)));

  app.put('/api/agencies/:id', {
    schema: { tags, summary: 'Change an agency, e.g. close it on the day it merged (admins; send the version you read)',
      params: IdParams, body: AgencyUpdate, response: { 200: Agency, ...errors } },
  }, async (req) => service.updateAgency(ctxOf(req), req.params.id, req.body));

  app.delete('/api/agencies/:id', {
    schema: { tags, summary: 'Delete an agency no account or record refers to (admins)',
      params: IdParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteAgency(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
};
