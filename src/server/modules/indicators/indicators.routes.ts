import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import {
  DashboardQuery, Indicator, IndicatorDashboard, IndicatorDeleteQuery, IndicatorFigure, IndicatorFigureQuery, IndicatorInput,
  IndicatorList, IndicatorSourceList, IndicatorTarget, IndicatorTargetInput, IndicatorTargetList, IndicatorTargetParams,
  IndicatorUpdate, IndicatorValue, IndicatorValueInput, IndicatorValueList, IndicatorValueListQuery, IndicatorValueParams,
  IndicatorValueUpdate, PlanItemIndicators, PlanItemIndicatorsInput, TfpQuery, TfpResult, ValueTemplateQuery, ValueUploadResult,
} from '../../../shared/schemas/indicators.ts';
import { Version } from '../../../shared/schemas/common.ts';
import { AppError } from '../../errors.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendXlsx } from '../../http/downloads.ts';
import { receiveFile } from '../attachments/attachments.multipart.ts';
import * as service from './indicators.service.ts';
import { buildValueTemplate, importValueTemplate } from './indicators.excel.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['indicators'];
/** An uploaded template is a few hundred rows: 5 MB is far more than one needs. */
const MAX_UPLOAD = 5 * 1024 * 1024;

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/indicators', {
    schema: { tags, summary: "The province's indicators", response: { 200: IndicatorList, ...errors } },
  }, async (req) => service.listIndicators(ctxOf(req)));

  app.get('/api/indicators/sources', {
    schema: { tags, summary: 'The formula sources modules registered', response: { 200: IndicatorSourceList, ...errors } },
  }, async (req) => service.listSources(ctxOf(req)));

  app.get('/api/indicators/dashboard', {
    schema: {
      tags, summary: 'Target against actual per indicator (of a plan, or all), with status and trend series, on the boundaries of a date or as reported',
      querystring: DashboardQuery, response: { 200: IndicatorDashboard, ...errors },
    },
  }, async (req) => service.indicatorDashboard(ctxOf(req), req.query));

  app.get('/api/indicators/tfp', {
    schema: {
      tags, summary: 'Growth accounting: TFP growth and its share of GRDP growth per year and on average, against the plan\'s target',
      querystring: TfpQuery, response: { 200: TfpResult, ...errors },
    },
  }, async (req) => service.tfpCalculator(ctxOf(req), req.query));

  app.get('/api/indicators/values/template.xlsx', {
    schema: { tags, summary: "The period's value-entry template for a unit (default: the caller's own)", querystring: ValueTemplateQuery },
  }, async (req, reply) => {
    const file = await buildValueTemplate(ctxOf(req), req.query);
    return sendXlsx(reply, file.filename, file.buffer);
  });

  app.post('/api/indicators/values/upload', {
    schema: {
      tags, summary: 'Upload a filled template (multipart, field `file`): every cell checked, all values written or none',
      consumes: ['multipart/form-data'], response: { 200: ValueUploadResult, 413: ErrorBody, 415: ErrorBody, ...errors },
    },
  }, async (req) => {
    const ctx = ctxOf(req);
    const file = await receiveFile(req, { maxBytes: MAX_UPLOAD });
    if (file.truncated) throw new AppError('indicators.upload.too_large', { status: 413, params: { limit: '5 MB' } });
    return importValueTemplate(ctx, file.bytes);
  });

  app.post('/api/indicators', {
    schema: { tags, summary: 'Create an indicator', body: IndicatorInput, response: { 201: Indicator, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createIndicator(ctxOf(req), req.body)));

  app.get('/api/indicators/:id', {
    schema: { tags, summary: 'Read an indicator', params: IdParams, response: { 200: Indicator, ...errors } },
  }, async (req) => service.getIndicator(ctxOf(req), req.params.id));

  app.put('/api/indicators/:id', {
    schema: { tags, summary: 'Update an indicator (send the version you read)', params: IdParams, body: IndicatorUpdate, response: { 200: Indicator, ...errors } },
  }, async (req) => service.updateIndicator(ctxOf(req), req.params.id, req.body));

  app.delete('/api/indicators/:id', {
    schema: { tags, summary: 'Delete an indicator with its targets and values', params: IdParams, querystring: IndicatorDeleteQuery, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteIndicator(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.get('/api/indicators/:id/figure', {
    schema: {
      tags, summary: 'A figure and what it is made of: the values, their units, where each was counted, their sources',
      params: IdParams, querystring: IndicatorFigureQuery, response: { 200: IndicatorFigure, ...errors },
    },
  }, async (req) => service.indicatorFigure(ctxOf(req), req.params.id, req.query));

  app.get('/api/indicators/:id/targets', {
    schema: { tags, summary: "An indicator's targets (the province's and the plans')", params: IdParams, response: { 200: IndicatorTargetList, ...errors } },
  }, async (req) => service.listTargets(ctxOf(req), req.params.id));

  app.post('/api/indicators/:id/targets', {
    schema: { tags, summary: 'Set a target for a year: a value, a range, at least or at most', params: IdParams, body: IndicatorTargetInput, response: { 201: IndicatorTarget, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createTarget(ctxOf(req), req.params.id, req.body)));

  app.put('/api/indicators/:id/targets/:targetId', {
    schema: {
      tags, summary: 'Change a target (send the version you read)', params: IndicatorTargetParams,
      body: IndicatorTargetInput.and(z.object({ version: Version })), response: { 200: IndicatorTarget, ...errors },
    },
  }, async (req) => service.updateTarget(ctxOf(req), req.params.id, req.params.targetId, req.body));

  app.delete('/api/indicators/:id/targets/:targetId', {
    schema: { tags, summary: 'Delete a target', params: IndicatorTargetParams, querystring: IndicatorDeleteQuery, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteTarget(ctxOf(req), req.params.id, req.params.targetId, req.query.version);
    return reply.status(204).send(null);
  });

  app.get('/api/indicators/:id/values', {
    schema: { tags, summary: 'Entered values of an indicator', params: IdParams, querystring: IndicatorValueListQuery, response: { 200: IndicatorValueList, ...errors } },
  }, async (req) => service.listValues(ctxOf(req), req.params.id, req.query));

  app.post('/api/indicators/:id/values', {
    schema: { tags, summary: "Enter a value for a period and unit, with its source (a unit officer: its own unit's)", params: IdParams, body: IndicatorValueInput, response: { 201: IndicatorValue, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createValue(ctxOf(req), req.params.id, req.body)));

  app.put('/api/indicators/:id/values/:valueId', {
    schema: { tags, summary: 'Correct a value (send the version you read)', params: IndicatorValueParams, body: IndicatorValueUpdate, response: { 200: IndicatorValue, ...errors } },
  }, async (req) => service.updateValue(ctxOf(req), req.params.id, req.params.valueId, req.body));

  app.delete('/api/indicators/:id/values/:valueId', {
    schema: { tags, summary: 'Delete a value', params: IndicatorValueParams, querystring: IndicatorDeleteQuery, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteValue(ctxOf(req), req.params.id, req.params.valueId, req.query.version);
    return reply.status(204).send(null);
  });

  app.get('/api/plan-items/:id/indicators', {
    schema: { tags, summary: 'The indicators a plan item serves', params: IdParams, response: { 200: PlanItemIndicators, ...errors } },
  }, async (req) => service.planItemIndicators(ctxOf(req), req.params.id));

  app.put('/api/plan-items/:id/indicators', {
    schema: { tags, summary: 'Set the indicators a plan item serves', params: IdParams, body: PlanItemIndicatorsInput, response: { 200: PlanItemIndicators, ...errors } },
  }, async (req) => service.setPlanItemIndicators(ctxOf(req), req.params.id, req.body.indicatorIds));
};
