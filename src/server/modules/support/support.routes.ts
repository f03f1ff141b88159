import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, Id, IsoDate, Version } from '../../../shared/schemas/common.ts';
import {
  ApplicationSupport, Certificate, CertificateInput, CertificateUpdate, Decision, DecisionInput, DecisionUpdate, FiguresQuery,
  Outcome, OutcomeInput, OutcomeUpdate, Ranking, ReviewCouncil, ReviewCouncilInput, SupportCallList, SupportFigures, SupportTypeRule,
} from '../../../shared/schemas/support.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendDocx, sendXlsx } from '../../http/downloads.ts';
import * as service from './support.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['support'];
const AppParams = z.object({ id: Id });
const CertParams = z.object({ id: Id, certificateId: Id });
const CallParams = z.object({ id: Id });
const SupportTypeList = z.object({ legalBasis: z.string(), effectiveFrom: z.string(), types: z.array(z.object({ key: z.string(), rule: SupportTypeRule })) });

export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/support/types', {
    schema: { tags, summary: 'The support types and their counterpart rule in force on a date (default today)', querystring: z.object({ onDate: IsoDate.optional() }), response: { 200: SupportTypeList, ...errors } },
  }, async (req) => service.listSupportTypes(ctxOf(req), req.query.onDate));

  app.get('/api/support/applications/:id', {
    schema: { tags, summary: 'The support of an application: its review verdict, decision, outcome and certificates (an applicant: its own)', params: AppParams, response: { 200: ApplicationSupport, ...errors } },
  }, async (req) => service.applicationSupport(ctxOf(req), req.params.id));

  app.post('/api/support/applications/:id/decision', {
    schema: { tags, summary: 'Record the support decision (checked against the support-type rule on its date)', params: AppParams, body: DecisionInput, response: { 201: Decision, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createDecision(ctxOf(req), req.params.id, req.body)));

  app.put('/api/support/applications/:id/decision', {
    schema: { tags, summary: 'Correct the support decision (send the version you read)', params: AppParams, body: DecisionUpdate, response: { 200: Decision, ...errors } },
  }, async (req) => service.updateDecision(ctxOf(req), req.params.id, req.body));

  app.get('/api/support/applications/:id/decision.docx', {
    schema: { tags, summary: 'The support decision as DOCX (Decree 30/2020 layout), in the name of the agency in force on its date', params: AppParams },
  }, async (req, reply) => {
    const { filename, buffer } = await service.decisionDocx(ctxOf(req), req.params.id);
    return sendDocx(reply, filename, buffer);
  });

  app.post('/api/support/applications/:id/outcome', {
    schema: { tags, summary: 'Record what the support achieved', params: AppParams, body: OutcomeInput, response: { 200: Outcome, ...errors } },
  }, async (req) => service.saveOutcome(ctxOf(req), req.params.id, req.body));

  app.put('/api/support/applications/:id/outcome', {
    schema: { tags, summary: 'Correct the outcome (send the version you read)', params: AppParams, body: OutcomeUpdate, response: { 200: Outcome, ...errors } },
  }, async (req) => service.saveOutcome(ctxOf(req), req.params.id, req.body));

  app.post('/api/support/applications/:id/certificates', {
    schema: { tags, summary: 'Record a certificate the support led to', params: AppParams, body: CertificateInput, response: { 201: Certificate, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addCertificate(ctxOf(req), req.params.id, req.body)));

  app.put('/api/support/applications/:id/certificates/:certificateId', {
    schema: { tags, summary: 'Correct a certificate (send the version you read)', params: CertParams, body: CertificateUpdate, response: { 200: Certificate, ...errors } },
  }, async (req) => service.updateCertificate(ctxOf(req), req.params.id, req.params.certificateId, req.body));

  app.delete('/api/support/applications/:id/certificates/:certificateId', {
    schema: { tags, summary: 'Remove a certificate recorded by mistake', params: CertParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.removeCertificate(ctxOf(req), req.params.id, req.params.certificateId, req.query.version);
    return reply.status(204).send(null);
  });

  app.get('/api/support/calls', {
    schema: { tags, summary: 'The province\'s calls with their applications submitted, in review and decided', response: { 200: SupportCallList, ...errors } },
  }, async (req) => service.listSupportCalls(ctxOf(req)));

  app.post('/api/support/calls/:id/review-council', {
    schema: { tags, summary: 'Set up the call\'s review council (once) and add its applications in review as dossiers', params: CallParams, body: ReviewCouncilInput, response: { 200: ReviewCouncil, ...errors } },
  }, async (req) => service.prepareReviewCouncil(ctxOf(req), req.params.id, req.body));

  app.get('/api/support/calls/:id/ranking', {
    schema: { tags, summary: 'The call\'s ranking from its review council: averages, ties explained, the top N selected', params: CallParams, response: { 200: Ranking, ...errors } },
  }, async (req) => service.callRanking(ctxOf(req), req.params.id));

  app.get('/api/support/calls/:id/ranking.xlsx', {
    schema: { tags, summary: 'The call\'s ranking as XLSX', params: CallParams },
  }, async (req, reply) => {
    const { filename, buffer } = await service.rankingXlsx(ctxOf(req), req.params.id, pickLang(req.headers['accept-language']));
    return sendXlsx(reply, filename, buffer);
  });

  app.get('/api/support/figures', {
    schema: { tags, summary: 'Supported organisations and decisions by programme, support type, year and commune', querystring: FiguresQuery, response: { 200: SupportFigures, ...errors } },
  }, async (req) => service.supportFigures(ctxOf(req), { year: req.query.year ?? null }));

  app.get('/api/support/figures/export.xlsx', {
    schema: { tags, summary: 'The support figures as XLSX', querystring: FiguresQuery },
  }, async (req, reply) => {
    const { filename, buffer } = await service.figuresXlsx(ctxOf(req), { year: req.query.year ?? null }, req.query.lang ?? pickLang(req.headers['accept-language']));
    return sendXlsx(reply, filename, buffer);
  });
};
