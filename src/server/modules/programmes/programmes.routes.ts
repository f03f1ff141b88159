import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Version } from '../../../shared/schemas/common.ts';
import {
  AdditionAnswerInput, AdditionRequestInput, ApplicationDetail, ApplicationInput, ApplicationListQuery, ApplicationPage, ApplicationUpdate, Call,
  CallInput, CallListQuery, CallPage, CallStatusInput, CallTiming, CallUpdate, Programme, ProgrammeInput, ProgrammeListQuery, ProgrammePage,
  ProgrammeUpdate, TransitionInput, VersionBody,
} from '../../../shared/schemas/programmes.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './programmes.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['programmes'];

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- programmes ----
  app.get('/api/programmes', {
    schema: { tags, summary: 'Support programmes (applicants: the active ones)', querystring: ProgrammeListQuery, response: { 200: ProgrammePage, ...errors } },
  }, async (req) => service.listProgrammes(ctxOf(req), req.query));
  app.post('/api/programmes', {
    schema: { tags, summary: 'Create a support programme on its legal basis', body: ProgrammeInput, response: { 201: Programme, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createProgramme(ctxOf(req), req.body)));
  app.get('/api/programmes/:id', {
    schema: { tags, summary: 'A support programme', params: IdParams, response: { 200: Programme, ...errors } },
  }, async (req) => service.getProgramme(ctxOf(req), req.params.id));
  app.put('/api/programmes/:id', {
    schema: { tags, summary: 'Edit a support programme (with the version read)', params: IdParams, body: ProgrammeUpdate, response: { 200: Programme, ...errors } },
  }, async (req) => service.updateProgramme(ctxOf(req), req.params.id, req.body));

  // ---- calls ----
  app.get('/api/programme-calls', {
    schema: { tags, summary: 'Calls of the programmes (applicants: the open and closed ones)', querystring: CallListQuery, response: { 200: CallPage, ...errors } },
  }, async (req) => service.listCalls(ctxOf(req), req.query));
  app.post('/api/programme-calls', {
    schema: { tags, summary: 'Create a call (draft) with its form as a JSON Schema (compiled with ajv; 400 listing every problem)',
      body: CallInput, response: { 201: Call, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createCall(ctxOf(req), req.body)));
  app.get('/api/programme-calls/:id', {
    schema: { tags, summary: 'A call with its form', params: IdParams, response: { 200: Call, ...errors } },
  }, async (req) => service.getCall(ctxOf(req), req.params.id));
  app.put('/api/programme-calls/:id', {
    schema: { tags, summary: 'Edit a call; its form and required files are fixed once applications are in (409)', params: IdParams, body: CallUpdate,
      response: { 200: Call, ...errors } },
  }, async (req) => service.updateCall(ctxOf(req), req.params.id, req.body));
  app.post('/api/programme-calls/:id/status', {
    schema: { tags, summary: 'Open or close a call (draft → open → closed)', params: IdParams, body: CallStatusInput, response: { 200: Call, ...errors } },
  }, async (req) => service.setCallStatus(ctxOf(req), req.params.id, req.body));
  app.get('/api/programme-calls/:id/form-validator.js', {
    schema: { tags, summary: "The call's form compiled by ajv as a JavaScript module (validation in the browser without eval)", params: IdParams,
      querystring: z.object({ lang: z.enum(['vi', 'en']).default('vi') }) },
  }, async (req, reply) => reply.type('text/javascript; charset=utf-8').send(await service.callFormValidatorModule(ctxOf(req), req.params.id, req.query.lang)));
  app.get('/api/programme-calls/:id/timing', {
    schema: { tags, summary: 'Submission to decision per call: median and longest working days, clock stops left out', params: IdParams,
      response: { 200: CallTiming, ...errors } },
  }, async (req) => service.callTiming(ctxOf(req), req.params.id));

  // ---- applications ----
  app.get('/api/programme-applications', {
    schema: { tags, summary: "Applications (staff: the province's submitted ones; an applicant: its organisation's, drafts too)",
      querystring: ApplicationListQuery, response: { 200: ApplicationPage, ...errors } },
  }, async (req) => service.listApplications(ctxOf(req), req.query));
  app.post('/api/programme-applications', {
    schema: { tags, summary: "A draft application of the caller's organisation to an open call; attach files with POST /api/attachments/programme_application/{id}",
      body: ApplicationInput, response: { 201: ApplicationDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createApplication(ctxOf(req), req.body)));
  app.get('/api/programme-applications/:id', {
    schema: { tags, summary: 'An application with its history, requests for additions and what the caller may do', params: IdParams,
      response: { 200: ApplicationDetail, ...errors } },
  }, async (req) => service.getApplication(ctxOf(req), req.params.id));
  app.put('/api/programme-applications/:id', {
    schema: { tags, summary: 'Edit a draft (with the version read)', params: IdParams, body: ApplicationUpdate, response: { 200: ApplicationDetail, ...errors } },
  }, async (req) => service.updateApplication(ctxOf(req), req.params.id, req.body));
  app.delete('/api/programme-applications/:id', {
    schema: { tags, summary: 'Delete a draft and its files', params: IdParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }),
      response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteApplication(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });
  app.post('/api/programme-applications/:id/submit', {
    schema: { tags, summary: 'Submit a draft: 400 naming every missing field and file; else it is numbered and received', params: IdParams,
      body: VersionBody, response: { 200: ApplicationDetail, ...errors } },
  }, async (req) => service.submitApplication(ctxOf(req), req.params.id, req.body.version));
  app.post('/api/programme-applications/:id/transitions', {
    schema: { tags, summary: 'Move a submitted application (refuse and reject need a reason)', params: IdParams, body: TransitionInput,
      response: { 200: ApplicationDetail, ...errors } },
  }, async (req) => service.transitionApplication(ctxOf(req), req.params.id, req.body));
  app.post('/api/programme-applications/:id/requests', {
    schema: { tags, summary: 'Ask the applicant for additions (the stage clock stops); it is told in its inbox', params: IdParams,
      body: AdditionRequestInput, response: { 201: ApplicationDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.requestAdditions(ctxOf(req), req.params.id, req.body)));
  app.post('/api/programme-applications/:id/requests/:requestId/answer', {
    schema: { tags, summary: 'Answer the open request with a note, after attaching the files (the clock runs again)',
      params: z.object({ id: z.uuid(), requestId: z.uuid() }), body: AdditionAnswerInput, response: { 200: ApplicationDetail, ...errors } },
  }, async (req) => service.answerAdditions(ctxOf(req), req.params.id, req.params.requestId, req.body));
};
