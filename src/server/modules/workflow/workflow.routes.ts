import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IsoDate } from '../../../shared/schemas/common.ts';
import { RuleScope } from '../../../shared/schemas/rules.ts';
import { CurrentStages, CurrentStagesQuery, StageDurations, StageDurationsQuery, WorkflowDefinition } from '../../../shared/schemas/workflow.ts';
import { forbidden } from '../../errors.ts';
import { ctxOf } from '../../http/auth.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { can } from './workflow.policy.ts';
import * as service from './workflow.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const ResolvedDefinition = z.object({
  workflow: z.string(),
  onDate: z.string(),
  ruleVersionId: z.string(),
  scope: RuleScope,
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  definition: WorkflowDefinition,
});

export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/workflows/:name', {
    schema: { tags: ['workflow'], summary: 'The workflow definition in force on a date for the province (stages, transitions, legal basis)',
      params: z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/).max(60) }), querystring: z.object({ onDate: IsoDate.optional() }),
      response: { 200: ResolvedDefinition, ...errors } },
  }, async (req) => {
    const ctx = ctxOf(req);
    if (!can(ctx.actor, 'read_definition')) throw forbidden();
    const onDate = req.query.onDate ?? todayInVietnam();
    const rule = await service.resolveWorkflow(ctx.db, { tenantId: ctx.actor.tenantId, workflow: req.params.name, regimeDate: onDate });
    return {
      workflow: req.params.name, onDate, ruleVersionId: rule.id, scope: rule.scope, legalBasis: rule.legalBasis,
      effectiveFrom: rule.effectiveFrom, effectiveTo: rule.effectiveTo, definition: rule.value,
    };
  });

  app.get('/api/stage-timing/durations', {
    schema: { tags: ['workflow'], summary: 'Median and 90th-percentile calendar and working days spent in each stage, per year the stay ended (readers: those the subject type\'s module lets list its records)',
      querystring: StageDurationsQuery, response: { 200: StageDurations, ...errors } },
  }, async (req) => {
    const ctx = ctxOf(req);
    if (!can(ctx.actor, 'read_timing')) throw forbidden();
    service.assertCanListStages(ctx.actor, req.query.subjectType);
    return { items: await service.stageDurations(ctx.db, { tenantId: ctx.actor.tenantId, ...req.query }) };
  });

  app.get('/api/stage-timing/current', {
    schema: { tags: ['workflow'], summary: 'Where each subject is now (or on a date): stage, since when, calendar and working days, targets, due date, overdue (readers: those the subject type\'s module lets list its records)',
      querystring: CurrentStagesQuery, response: { 200: CurrentStages, ...errors } },
  }, async (req) => {
    const ctx = ctxOf(req);
    if (!can(ctx.actor, 'read_timing')) throw forbidden();
    service.assertCanListStages(ctx.actor, req.query.subjectType);
    return service.currentStages(ctx.db, {
      tenantId: ctx.actor.tenantId, subjectType: req.query.subjectType, asOf: req.query.asOf, overdueOnly: req.query.overdue,
    });
  });
};
