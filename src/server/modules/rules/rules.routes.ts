import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { RuleHistory, RuleKeyParams, RuleList, RuleListQuery, RuleVersion, RuleVersionInput } from '../../../shared/schemas/rules.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './rules.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The request body, with the value checked against its key's registered schema (field paths under `value`). */
const RuleVersionBody = RuleVersionInput.superRefine((body, ctx) => {
  const issues = service.ruleValueIssues(body.key, body.value);
  if (issues === 'unknown_key') {
    ctx.addIssue({ code: 'custom', path: ['key'], message: 'rules.unknown_key', params: { i18n: 'rules.unknown_key', key: body.key } });
  } else if (issues) {
    for (const issue of issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
  }
});

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/rules', {
    schema: { tags: ['rules'], summary: 'Rules in force on a date (the province\'s own version, else the national default), with their legal basis',
      querystring: RuleListQuery, response: { 200: RuleList, ...errors } },
  }, async (req) => service.listRules(ctxOf(req), req.query));

  app.get('/api/rules/:key/history', {
    schema: { tags: ['rules'], summary: 'Every version of a rule, provincial and national, newest first',
      params: RuleKeyParams, response: { 200: RuleHistory, ...errors } },
  }, async (req) => service.ruleHistory(ctxOf(req), req.params.key));

  app.post('/api/rules', {
    schema: { tags: ['rules'], summary: 'Enter a new version of a rule for the province (admins); the version in force is closed the day before',
      body: RuleVersionBody, response: { 201: RuleVersion, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createRuleVersion(ctxOf(req), req.body)));
};
