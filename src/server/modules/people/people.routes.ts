import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Version } from '../../../shared/schemas/common.ts';
import { Person, PersonInput, PersonListQuery, PersonPage, PersonUpdate } from '../../../shared/schemas/people.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './people.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/people', {
    schema: { tags: ['registry'], summary: 'List people and experts (search over name and expertise ignores diacritics and case; '
      + 'ordered by given name, then family and middle names)',
    querystring: PersonListQuery, response: { 200: PersonPage, ...errors } },
  }, async (req) => service.listPeople(ctxOf(req), req.query));

  app.get('/api/people/:id', {
    schema: { tags: ['registry'], summary: 'Read a person', params: IdParams, response: { 200: Person, ...errors } },
  }, async (req) => service.getPerson(ctxOf(req), req.params.id));

  app.post('/api/people', {
    schema: { tags: ['registry'], summary: 'Create a person (the organisation must be one of this province)',
      body: PersonInput, response: { 201: Person, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createPerson(ctxOf(req), req.body)));

  app.put('/api/people/:id', {
    schema: { tags: ['registry'], summary: 'Update a person (send the version you read; a stale one gets 409)',
      params: IdParams, body: PersonUpdate, response: { 200: Person, ...errors } },
  }, async (req) => service.updatePerson(ctxOf(req), req.params.id, req.body));

  app.delete('/api/people/:id', {
    schema: { tags: ['registry'], summary: 'Delete a person',
      params: IdParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deletePerson(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
};
