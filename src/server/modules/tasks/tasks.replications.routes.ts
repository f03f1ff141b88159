/** Routes of the register of replicated models (tasks.replications.ts): list, read, write, export. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import {
  ReplicatedModel, ReplicatedModelDelete, ReplicatedModelInput, ReplicatedModelListQuery, ReplicatedModelPage, ReplicatedModelUpdate,
} from '../../../shared/schemas/replications.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendXlsx } from '../../http/downloads.ts';
import * as service from './tasks.replications.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['replications'];

export const replicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/replications', {
    schema: {
      tags, summary: 'Replicated models (mô hình nhân rộng) of the province: by year, place as of a date (units under and before it), source, policy; with the count',
      querystring: ReplicatedModelListQuery, response: { 200: ReplicatedModelPage, ...errors },
    },
  }, async (req) => service.listReplicatedModels(ctxOf(req), req.query));

  app.get('/api/replications/export.xlsx', {
    schema: { tags, summary: 'The replicated models (same filters) as an Excel workbook', querystring: ReplicatedModelListQuery.omit({ cursor: true, limit: true }) },
  }, async (req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const buffer = await service.exportReplicatedModels(ctxOf(req), req.query, lang);
    return sendXlsx(reply, lang === 'vi' ? 'mo-hinh-nhan-rong.xlsx' : 'replicated-models.xlsx', buffer);
  });

  app.get('/api/replications/:id', {
    schema: { tags, summary: 'One replicated model', params: IdParams, response: { 200: ReplicatedModel, ...errors } },
  }, async (req) => service.getReplicatedModel(ctxOf(req), req.params.id));

  app.post('/api/replications', {
    schema: {
      tags, summary: 'Record a replicated model: of a khcn task (in a stage that records replication) or of a described source',
      body: ReplicatedModelInput, response: { 201: ReplicatedModel, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.createReplicatedModel(ctxOf(req), req.body)));

  app.put('/api/replications/:id', {
    schema: { tags, summary: 'Update a replicated model (send the version you read; a stale one gets 409)', params: IdParams, body: ReplicatedModelUpdate, response: { 200: ReplicatedModel, ...errors } },
  }, async (req) => service.updateReplicatedModel(ctxOf(req), req.params.id, req.body));

  app.delete('/api/replications/:id', {
    schema: { tags, summary: 'Delete a replicated model', params: IdParams, querystring: ReplicatedModelDelete, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteReplicatedModel(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
};
