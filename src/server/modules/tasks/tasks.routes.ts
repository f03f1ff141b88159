import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Version } from '../../../shared/schemas/common.ts';
import { StageEvent } from '../../../shared/schemas/workflow.ts';
import {
  DisbursementInput, DisbursementUpdate, DocumentUpload, FundingSummary, FundingSummaryQuery, ProgressInput, PublicTaskPage, PublicTaskQuery,
  ReplicationInput, ReproposeInput, SimilarTaskList, SimilarTaskQuery, TaskActions, TaskCreate, TaskDashboard, TaskDetail, TaskDisbursement,
  TaskListQuery, TaskPage, TaskUpdate, TransitionBody,
} from '../../../shared/schemas/tasks.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendAttachment, sendXlsx } from '../../http/downloads.ts';
import { getTenantBySlug } from '../tenants/tenants.service.ts';
import * as service from './tasks.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['tasks'];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/tasks', {
    schema: { tags, summary: 'List S&T tasks (filters: year, stage, field, host, modes, overdue; folded search)', querystring: TaskListQuery,
      response: { 200: TaskPage, ...errors } },
  }, async (req) => service.listTasks(ctxOf(req), req.query));

  app.get('/api/tasks/export.xlsx', {
    schema: { tags, summary: 'The task list (same filters) as an Excel workbook', querystring: TaskListQuery.omit({ cursor: true, limit: true }) },
  }, async (req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const buffer = await service.exportTasks(ctxOf(req), { ...req.query, limit: 200 }, lang);
    return sendXlsx(reply, lang === 'vi' ? 'nhiem-vu-khcn.xlsx' : 'st-tasks.xlsx', buffer);
  });

  app.get('/api/tasks/dashboard', {
    schema: { tags, summary: 'Where tasks are now, the overdue ones, and median / 90th-percentile days per stage and year',
      querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() }), response: { 200: TaskDashboard, ...errors } },
  }, async (req) => service.taskDashboard(ctxOf(req), req.query));

  app.get('/api/tasks/funding-summary', {
    schema: { tags, summary: "Planned funding against disbursements by year and source over the province's tasks, with the counterpart share",
      querystring: FundingSummaryQuery, response: { 200: FundingSummary, ...errors } },
  }, async (req) => service.fundingSummary(ctxOf(req), req.query));

  app.get('/api/tasks/reviewer-accounts', {
    schema: { tags, summary: 'Reviewer accounts a task council member may be linked to (DOST officers, admins)',
      response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), username: z.string(), displayName: z.string() })) }), ...errors } },
  }, async (req) => service.reviewerAccounts(ctxOf(req)));

  app.get('/api/tasks/similar', {
    schema: { tags, summary: 'Existing tasks most like a proposal being typed (this province, other provinces\' public ones)',
      querystring: SimilarTaskQuery, response: { 200: SimilarTaskList, ...errors } },
  }, async (req) => service.similarTasks(ctxOf(req), req.query));

  app.get('/api/tasks/:id/similar', {
    schema: { tags, summary: 'Existing tasks most like this one, with a similarity figure and the terms they share',
      params: IdParams, response: { 200: SimilarTaskList, ...errors } },
  }, async (req) => service.similarToTask(ctxOf(req), req.params.id));

  app.get('/api/tasks/:id', {
    schema: { tags, summary: 'A task with its members, funding, products, documents, progress, replication and lineage',
      params: IdParams, response: { 200: TaskDetail, ...errors } },
  }, async (req) => service.getTask(ctxOf(req), req.params.id));

  app.post('/api/tasks', {
    schema: { tags, summary: 'Propose a task (it enters the first stage of the workflow in force on its proposal date)',
      body: TaskCreate, response: { 201: TaskDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createTask(ctxOf(req), req.body)));

  app.put('/api/tasks/:id', {
    schema: { tags, summary: 'Edit a task (send the version you read; a stale one gets 409)', params: IdParams, body: TaskUpdate,
      response: { 200: TaskDetail, ...errors } },
  }, async (req) => service.updateTask(ctxOf(req), req.params.id, req.body));

  app.get('/api/tasks/:id/actions', {
    schema: { tags, summary: 'The stage and the actions the caller may take, with what each still needs', params: IdParams,
      response: { 200: TaskActions, ...errors } },
  }, async (req) => service.taskActions(ctxOf(req), req.params.id));

  app.post('/api/tasks/:id/transitions', {
    schema: { tags, summary: 'Move the task to its next stage; refused with 409 naming the stage and what is missing',
      params: IdParams, body: TransitionBody, response: { 200: TaskDetail, ...errors } },
  }, async (req) => service.transitionTask(ctxOf(req), req.params.id, req.body));

  app.get('/api/tasks/:id/history', {
    schema: { tags, summary: 'Stage history with dates, actors, notes and the legal basis of each step', params: IdParams,
      response: { 200: z.array(StageEvent), ...errors } },
  }, async (req) => service.taskHistory(ctxOf(req), req.params.id));

  app.post('/api/tasks/:id/documents', {
    bodyLimit: 15 * 1024 * 1024,
    schema: { tags, summary: 'Attach a document (base64 JSON, up to 10 MB; larger files: POST /api/attachments/task/{id}) of a kind the workflow names',
      params: IdParams, body: DocumentUpload,
      response: { 201: TaskDetail, 413: ErrorBody, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addDocument(ctxOf(req), req.params.id, req.body)));

  app.get('/api/tasks/:id/documents/:docId', {
    schema: { tags, summary: 'Download an attached document (as GET /api/attachments/task/{id}/{docId})', params: z.object({ id: z.uuid(), docId: z.uuid() }) },
  }, async (req, reply) => sendAttachment(reply, await service.getDocument(ctxOf(req), req.params.id, req.params.docId)));

  app.delete('/api/tasks/:id/documents/:docId', {
    schema: { tags, summary: 'Remove an attached document', params: z.object({ id: z.uuid(), docId: z.uuid() }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.removeDocument(ctxOf(req), req.params.id, req.params.docId);
    return reply.status(204).send(null);
  });

  app.post('/api/tasks/:id/progress', {
    schema: { tags, summary: 'Record a progress check, an extension (new end date) or an adjustment during implementation',
      params: IdParams, body: ProgressInput, response: { 201: TaskDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addProgress(ctxOf(req), req.params.id, req.body)));

  app.get('/api/tasks/:id/export.xlsx', {
    schema: { tags, summary: 'The task\'s funding as an Excel workbook: planned against disbursed by year, the disbursements, the organisations',
      params: IdParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await service.exportTask(ctxOf(req), req.params.id, pickLang(req.headers['accept-language']));
    return sendXlsx(reply, fileName, buffer);
  });

  const disbursementParams = z.object({ id: z.uuid(), disbursementId: z.uuid() });
  app.get('/api/tasks/:id/disbursements', {
    schema: { tags, summary: 'The disbursements of a task (cấp phát kinh phí) and planned against disbursed by year and source',
      params: IdParams, response: { 200: z.object({ items: z.array(TaskDisbursement), summary: FundingSummary }), ...errors } },
  }, async (req) => service.listDisbursements(ctxOf(req), req.params.id));

  app.post('/api/tasks/:id/disbursements', {
    schema: { tags, summary: 'Record a disbursement: date, amount (million VND), source, the decision that ordered it',
      params: IdParams, body: DisbursementInput, response: { 201: TaskDisbursement, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addDisbursement(ctxOf(req), req.params.id, req.body)));

  app.put('/api/tasks/:id/disbursements/:disbursementId', {
    schema: { tags, summary: 'Edit a disbursement (send the version you read; a stale one gets 409)',
      params: disbursementParams, body: DisbursementUpdate, response: { 200: TaskDisbursement, ...errors } },
  }, async (req) => service.updateDisbursement(ctxOf(req), req.params.id, req.params.disbursementId, req.body));

  app.delete('/api/tasks/:id/disbursements/:disbursementId', {
    schema: { tags, summary: 'Delete a disbursement recorded by mistake (with the version you read)',
      params: disbursementParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.removeDisbursement(ctxOf(req), req.params.id, req.params.disbursementId, req.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/tasks/:id/replications', {
    schema: { tags, summary: 'Record an application, transfer or replication of the result (where, by whom, scale)',
      params: IdParams, body: ReplicationInput, response: { 201: TaskDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addReplication(ctxOf(req), req.params.id, req.body)));

  app.post('/api/tasks/:id/repropose', {
    schema: { tags, summary: 'Propose a task that was not approved again in a later year, keeping the link to its history',
      params: IdParams, body: ReproposeInput, response: { 201: TaskDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.reproposeTask(ctxOf(req), req.params.id, req.body)));

  app.get('/api/public/tasks', {
    schema: { tags: ['public'], summary: 'Accepted tasks of a province (no sign-in): title, host, PI, years, products, abstract',
      querystring: PublicTaskQuery, response: { 200: PublicTaskPage, 400: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    const tenant = await getTenantBySlug(app.db, req.query.province);
    return service.listPublicTasks(app.db, { tenantId: tenant.id, q: req.query.q, cursor: req.query.cursor, limit: req.query.limit });
  });
};
