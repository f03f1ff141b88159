import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import { PasswordReset, User, UserInput, UserListQuery, UserPage, UserUpdate } from '../../../shared/schemas/users.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './users.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', {
    schema: { tags: ['accounts'], summary: 'List the accounts of my province, by username (admins)',
      querystring: UserListQuery, response: { 200: UserPage, ...errors } },
  }, async (req) => service.listUsers(ctxOf(req), req.query));

  app.get('/api/users/:id', {
    schema: { tags: ['accounts'], summary: 'Read an account (admins)', params: IdParams, response: { 200: User, ...errors } },
  }, async (req) => service.getUser(ctxOf(req), req.params.id));

  app.post('/api/users', {
    schema: { tags: ['accounts'], summary: 'Create an account in my province (admins; password of at least 10 characters)',
      body: UserInput, response: { 201: User, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createUserInTenant(ctxOf(req), req.body)));

  app.put('/api/users/:id', {
    schema: { tags: ['accounts'], summary: 'Change role, name, organisation, unit or active flag (admins; send the version you read)',
      params: IdParams, body: UserUpdate, response: { 200: User, ...errors } },
  }, async (req) => service.updateUser(ctxOf(req), req.params.id, req.body));

  app.post('/api/users/:id/password', {
    schema: { tags: ['accounts'], summary: "Set a new password for an account (admins); the account's sessions end",
      params: IdParams, body: PasswordReset, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.resetPassword(ctxOf(req), req.params.id, req.body);
    return reply.status(204).send(null);
  });
};
