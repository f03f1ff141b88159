import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, Id, IdParams, Version } from '../../../shared/schemas/common.ts';
import {
  DeleteQuery, GroupInput, GroupMove, GroupUpdate, HandoverInput, IssueInput, ItemInput, ItemUpdate, MyItems, Plan, PlanDetail, PlanGroup, PlanGroupList, PlanInput,
  PlanItem, PlanItemDetail, PlanItemQuery, PlanList, PlanReport, PlanReportList, PlanUpdate, ProgressInput, ReportInput,
  ReportUpdate, TemplateQuery, TemplateResult, UrgeInput,
} from '../../../shared/schemas/plans.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { AppError } from '../../errors.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendDocx, sendXlsx } from '../../http/downloads.ts';
import { receiveFile } from '../attachments/attachments.multipart.ts';
import * as service from './plans.service.ts';
import * as report from './plans.report.ts';
import { progressTemplate, uploadTemplate } from './plans.excel.ts';
import { createItemWithIndicators, updateItemWithIndicators } from './plans.items.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['plans'];
/** An uploaded template: a few hundred rows are some tens of kB; 5 MB leaves room for long narratives. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/plans', {
    schema: { tags, summary: 'The province\'s plans with their item counts (a unit officer: the plans with its items)', response: { 200: PlanList, ...errors } },
  }, async (req) => service.listPlans(ctxOf(req)));

  app.post('/api/plans', {
    schema: { tags, summary: 'Create a plan (its decision, period and reporting schedule)', body: PlanInput, response: { 201: Plan, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createPlan(ctxOf(req), req.body)));

  app.get('/api/plans/:id', {
    schema: {
      tags, summary: 'A plan with its groups, its items (state, carriers, overdue flags) and reporting periods; filters by status, flag and unit',
      params: IdParams, querystring: PlanItemQuery, response: { 200: PlanDetail, ...errors },
    },
  }, async (req) => service.getPlan(ctxOf(req), req.params.id, req.query));

  app.put('/api/plans/:id', {
    schema: { tags, summary: 'Update a plan (send the version you read; a stale one gets 409)', params: IdParams, body: PlanUpdate, response: { 200: Plan, ...errors } },
  }, async (req) => service.updatePlan(ctxOf(req), req.params.id, req.body));

  app.post('/api/plans/:id/groups', {
    schema: { tags, summary: 'Add a group of items to a plan', params: IdParams, body: GroupInput, response: { 201: PlanGroup, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createGroup(ctxOf(req), req.params.id, req.body)));

  app.put('/api/plan-groups/:id', {
    schema: { tags, summary: 'Update a group of items', params: IdParams, body: GroupUpdate, response: { 200: PlanGroup, ...errors } },
  }, async (req) => service.updateGroup(ctxOf(req), req.params.id, req.body));

  app.delete('/api/plan-groups/:id', {
    schema: { tags, summary: 'Delete a group without items (send the version you read)', params: IdParams, querystring: DeleteQuery, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteGroup(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/plan-groups/:id/move', {
    schema: { tags, summary: 'Move a group one place up or down among its plan\'s groups; answers the groups in their new order', params: IdParams, body: GroupMove, response: { 200: PlanGroupList, ...errors } },
  }, async (req) => service.moveGroup(ctxOf(req), req.params.id, req.body));

  app.post('/api/plans/:id/items', {
    schema: { tags, summary: 'Add an item: its group, responsible unit (in force on its start), co-operating units, deadline, expected output and the indicators it serves', params: IdParams, body: ItemInput, response: { 201: PlanItem, ...errors } },
  }, async (req, reply) => reply.status(201).send(await createItemWithIndicators(ctxOf(req), req.params.id, req.body)));

  app.get('/api/plan-items/mine', {
    schema: { tags, summary: 'The items the caller\'s unit carries, across the province\'s plans ("Việc của đơn vị")', response: { 200: MyItems, ...errors } },
  }, async (req) => service.myItems(ctxOf(req)));

  app.get('/api/plan-items/:id', {
    schema: { tags, summary: 'An item with its progress history, urging and reporting periods', params: IdParams, response: { 200: PlanItemDetail, ...errors } },
  }, async (req) => service.getItem(ctxOf(req), req.params.id));

  app.put('/api/plan-items/:id', {
    schema: { tags, summary: 'Update an item (send the version you read; `indicatorIds`, when sent, replaces the indicators it serves)', params: IdParams, body: ItemUpdate, response: { 200: PlanItem, ...errors } },
  }, async (req) => updateItemWithIndicators(ctxOf(req), req.params.id, req.body));

  app.delete('/api/plan-items/:id', {
    schema: { tags, summary: 'Delete an item no unit has reported on (send the version you read)', params: IdParams, querystring: DeleteQuery, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteItem(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.put('/api/plan-items/:id/handover', {
    schema: { tags, summary: 'Name the unit carrying an item whose unit ended (null: its successors again)', params: IdParams, body: HandoverInput, response: { 200: PlanItem, ...errors } },
  }, async (req) => service.setHandover(ctxOf(req), req.params.id, req.body));

  app.post('/api/plan-items/:id/progress', {
    schema: { tags, summary: 'Log progress for a reporting period (the item\'s own unit, or the department)', params: IdParams, body: ProgressInput, response: { 201: PlanItemDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.logProgress(ctxOf(req), req.params.id, req.body)));

  app.post('/api/plan-items/:id/urge', {
    schema: { tags, summary: 'Urge (đôn đốc) the units carrying an item: a notice in their inbox, logged on the item', params: IdParams, body: UrgeInput, response: { 201: PlanItemDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.urgeItem(ctxOf(req), req.params.id, req.body)));

  app.get('/api/plans/:id/progress-template.xlsx', {
    schema: { tags, summary: 'The period\'s Excel progress template with the items the caller may report on', params: IdParams, querystring: TemplateQuery },
  }, async (req, reply) => {
    const { buffer, fileName } = await progressTemplate(ctxOf(req), req.params.id, req.query.period, pickLang(req.headers['accept-language']));
    return sendXlsx(reply, fileName, buffer);
  });

  app.post('/api/plans/:id/progress-template', {
    schema: {
      tags, summary: 'Upload a filled progress template (multipart/form-data, field `file`): every cell checked, all rows written or none',
      params: IdParams, querystring: TemplateQuery, consumes: ['multipart/form-data'], response: { 201: TemplateResult, 413: ErrorBody, 415: ErrorBody, ...errors },
    },
  }, async (req, reply) => {
    const file = await receiveFile(req, { maxBytes: MAX_TEMPLATE_BYTES });
    if (file.truncated) throw new AppError('plans.template_too_large', { status: 413, params: { max: '5 MB' } });
    return reply.status(201).send(await uploadTemplate(ctxOf(req), req.params.id, req.query.period, file.bytes));
  });

  app.get('/api/plans/:id/reports', {
    schema: { tags, summary: 'The plan\'s periodic reports (drafts and issued)', params: IdParams, response: { 200: PlanReportList, ...errors } },
  }, async (req) => report.listReports(ctxOf(req), req.params.id));

  app.post('/api/plans/:id/reports', {
    schema: { tags, summary: 'Start a draft periodic report for a reporting period', params: IdParams, body: ReportInput, response: { 201: PlanReport, ...errors } },
  }, async (req, reply) => reply.status(201).send(await report.createReport(ctxOf(req), req.params.id, req.body)));

  app.get('/api/plan-reports/:id', {
    schema: { tags, summary: 'A periodic report', params: IdParams, response: { 200: PlanReport, ...errors } },
  }, async (req) => report.getReport(ctxOf(req), req.params.id));

  app.put('/api/plan-reports/:id', {
    schema: { tags, summary: 'Edit a draft report\'s written sections, recipients and signer (an issued one: 409)', params: IdParams, body: ReportUpdate, response: { 200: PlanReport, ...errors } },
  }, async (req) => report.updateReport(ctxOf(req), req.params.id, req.body));

  app.delete('/api/plan-reports/:id', {
    schema: {
      tags, summary: 'Delete a draft report (an issued one stays)', params: IdParams,
      querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    await report.deleteReport(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/plan-reports/:id/issue', {
    schema: { tags, summary: 'Issue a draft: its number, date, and the DOCX and XLSX kept as issued', params: IdParams, body: IssueInput, response: { 200: PlanReport, ...errors } },
  }, async (req) => report.issueReport(ctxOf(req), req.params.id, req.body));

  app.get('/api/plan-reports/:id/report.docx', {
    schema: { tags, summary: 'The report as DOCX (Decree 30/2020 layout): an issued one as issued, a draft built now', params: z.object({ id: Id }) },
  }, async (req, reply) => {
    const { buffer, fileName } = await report.reportDocx(ctxOf(req), req.params.id);
    return sendDocx(reply, fileName, buffer);
  });

  app.get('/api/plan-reports/:id/annex.xlsx', {
    schema: { tags, summary: 'The report\'s XLSX annex: the indicator table and the items', params: z.object({ id: Id }) },
  }, async (req, reply) => {
    const { buffer, fileName } = await report.reportXlsx(ctxOf(req), req.params.id);
    return sendXlsx(reply, fileName, buffer);
  });
};
