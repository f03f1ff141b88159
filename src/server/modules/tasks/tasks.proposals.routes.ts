import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Version } from '../../../shared/schemas/common.ts';
import { TaskDetail } from '../../../shared/schemas/tasks.ts';
import {
  CouncilConclusionList, PaperAnswerInput, PaperRequestInput, ProposalInput, ProposalUpdate, TaskPaperRequest, TaskPaperRequestList, VersionBody,
} from '../../../shared/schemas/tasks-proposals.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './tasks.proposals.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['tasks'];

export const taskProposalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/tasks/proposals', {
    schema: { tags, summary: "An enterprise's draft proposal (its organisation hosts it); attach files with POST /api/attachments/task/{id}",
      body: ProposalInput, response: { 201: TaskDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createProposal(ctxOf(req), req.body)));

  app.put('/api/tasks/proposals/:id', {
    schema: { tags, summary: 'Edit a draft proposal (send the version you read; a stale one gets 409)', params: IdParams, body: ProposalUpdate,
      response: { 200: TaskDetail, ...errors } },
  }, async (req) => service.updateProposal(ctxOf(req), req.params.id, req.body));

  app.delete('/api/tasks/proposals/:id', {
    schema: { tags, summary: 'Delete a draft proposal and its files (with the version you read)', params: IdParams,
      querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteProposal(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/tasks/proposals/:id/submit', {
    schema: { tags, summary: 'Submit a draft to the DOST: checked, it enters the first stage and the officers are told; 400 naming what is missing',
      params: IdParams, body: VersionBody, response: { 200: TaskDetail, ...errors } },
  }, async (req) => service.submitProposal(ctxOf(req), req.params.id, req.body.version));

  app.get('/api/tasks/:id/paper-requests', {
    schema: { tags, summary: "The DOST's requests for missing papers and the host organisation's answers", params: IdParams,
      response: { 200: TaskPaperRequestList, ...errors } },
  }, async (req) => service.listPaperRequests(ctxOf(req), req.params.id));

  app.post('/api/tasks/:id/paper-requests', {
    schema: { tags, summary: 'Ask the host organisation for missing papers (the note lists them); it is told in its inbox',
      params: IdParams, body: PaperRequestInput, response: { 201: TaskPaperRequest, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.requestPapers(ctxOf(req), req.params.id, req.body)));

  app.post('/api/tasks/:id/paper-requests/:requestId/answer', {
    schema: { tags, summary: 'Answer the open request with a note, after attaching the new files; the officers are told',
      params: z.object({ id: z.uuid(), requestId: z.uuid() }), body: PaperAnswerInput, response: { 200: TaskPaperRequest, ...errors } },
  }, async (req) => service.answerPapers(ctxOf(req), req.params.id, req.params.requestId, req.body));

  app.get('/api/tasks/:id/council-conclusions', {
    schema: { tags, summary: "The closed councils' conclusions on the task (verdict and rating; no sheets or scores)", params: IdParams,
      response: { 200: CouncilConclusionList, ...errors } },
  }, async (req) => service.councilConclusions(ctxOf(req), req.params.id));
};
