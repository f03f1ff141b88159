/** Routes of the incubation module: startup calls, a call's startups, a startup's services and outcome. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, Id, IdParams } from '../../../shared/schemas/common.ts';
import {
  IncubationCallList, IncubationKindList, IncubationKindQuery, IncubationOutcomeInput, IncubationServiceInput, IncubationServiceUpdate,
  ServiceDeleteQuery, StartupDetail, StartupList,
} from '../../../shared/schemas/incubation.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './incubation.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['incubation'];
const StartupParams = z.object({ applicationId: Id });

export const incubationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/incubation/kinds', {
    schema: { tags, summary: 'The kinds of incubation service in force on a day (rule data incubation.service_kinds)', querystring: IncubationKindQuery, response: { 200: IncubationKindList, ...errors } },
  }, async (req) => service.serviceKinds(ctxOf(req), req.query.on));

  app.get('/api/incubation/calls', {
    schema: { tags, summary: 'The calls of the province\'s startup programmes, with how many applications each has and how many are selected', response: { 200: IncubationCallList, ...errors } },
  }, async (req) => service.listStartupCalls(ctxOf(req)));

  app.get('/api/incubation/calls/:id/startups', {
    schema: { tags, summary: 'The submitted applications of a startup call, the selected first, with their services\' totals', params: IdParams, response: { 200: StartupList, ...errors } },
  }, async (req) => service.listStartups(ctxOf(req), req.params.id));

  app.get('/api/incubation/startups/:applicationId', {
    schema: { tags, summary: 'A startup: its application, services with totals by kind, and outcome', params: StartupParams, response: { 200: StartupDetail, ...errors } },
  }, async (req) => service.getStartup(ctxOf(req), req.params.applicationId));

  app.post('/api/incubation/startups/:applicationId/services', {
    schema: {
      tags, summary: 'Log an incubation service given to a selected startup (kind, date, provider, hours and/or cost)',
      params: StartupParams, body: IncubationServiceInput, response: { 201: StartupDetail, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.addService(ctxOf(req), req.params.applicationId, req.body)));

  app.put('/api/incubation/services/:id', {
    schema: { tags, summary: 'Change a logged service (send the version you read; a stale one gets 409)', params: IdParams, body: IncubationServiceUpdate, response: { 200: StartupDetail, ...errors } },
  }, async (req) => service.updateService(ctxOf(req), req.params.id, req.body));

  app.delete('/api/incubation/services/:id', {
    schema: { tags, summary: 'Delete a logged service', params: IdParams, querystring: ServiceDeleteQuery, response: { 200: StartupDetail, ...errors } },
  }, async (req) => service.removeService(ctxOf(req), req.params.id, req.query.version));

  app.put('/api/incubation/startups/:applicationId/outcome', {
    schema: {
      tags, summary: 'Record or update what a selected startup\'s incubation achieved (send the version read once it exists)',
      params: StartupParams, body: IncubationOutcomeInput, response: { 200: StartupDetail, ...errors },
    },
  }, async (req) => service.saveOutcome(ctxOf(req), req.params.applicationId, req.body));
};
