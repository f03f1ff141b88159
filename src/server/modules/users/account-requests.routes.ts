import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountRequest, AccountRequestConfirm, AccountRequestForm, AccountRequestInput, AccountRequestListQuery, AccountRequestPage,
  AccountRequestReceipt, AccountRequestRefuse, OrganizationLookup, OrganizationLookupQuery,
} from '../../../shared/schemas/account-requests.ts';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './account-requests.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

/**
 * Per address and minute, like sign-in (auth.throttle.ts allows 30 failures per address): the lookup confirms a
 * name per exact tax code, so guessing codes is slow; a form is sent a few times at most.
 */
export const ACCOUNT_REQUEST_LIMITS = { lookup: 30, submit: 10 };
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });

export const accountRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/public/account-requests/form', {
    schema: { tags: ['public'], summary: 'What the enterprise account form needs (no sign-in): the provinces and a CSRF token for sending it',
      response: { 200: AccountRequestForm, 429: ErrorBody } },
    config: perMinute(60),
  }, async (_req, reply) => ({ provinces: await service.requestForm(app.db), csrfToken: reply.generateCsrf() }));

  app.get('/api/public/account-requests/organization', {
    schema: { tags: ['public'], summary: "The name of the province's organisation with exactly this tax code (no sign-in; rate limited)",
      querystring: OrganizationLookupQuery, response: { 200: OrganizationLookup, 400: ErrorBody, 429: ErrorBody } },
    config: perMinute(ACCOUNT_REQUEST_LIMITS.lookup),
  }, async (req) => service.lookupOrganization(app.db, req.query));

  app.post('/api/public/account-requests', {
    schema: { tags: ['public'], summary: 'Ask for an enterprise (applicant) account; it signs in once the DOST confirms it (no sign-in; CSRF token from the form; rate limited)',
      body: AccountRequestInput, response: { 201: AccountRequestReceipt, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody } },
    config: perMinute(ACCOUNT_REQUEST_LIMITS.submit),
  }, async (req, reply) => reply.status(201).send(await service.requestAccount(app.db, req.body, { requestId: req.id })));

  app.get('/api/account-requests', {
    schema: { tags: ['accounts'], summary: "My province's enterprise account requests in one state (DOST officers, admins), with each organisation's other accounts",
      querystring: AccountRequestListQuery, response: { 200: AccountRequestPage, ...errors } },
  }, async (req) => service.listAccountRequests(ctxOf(req), req.query));

  app.get('/api/account-requests/:id', {
    schema: { tags: ['accounts'], summary: 'Read an enterprise account request (DOST officers, admins)', params: IdParams,
      response: { 200: AccountRequest, ...errors } },
  }, async (req) => service.getAccountRequest(ctxOf(req), req.params.id));

  app.post('/api/account-requests/:id/confirm', {
    schema: { tags: ['accounts'], summary: 'Confirm a request: the account becomes an active applicant of its organisation (send the version you read)',
      params: IdParams, body: AccountRequestConfirm, response: { 200: AccountRequest, ...errors } },
  }, async (req) => service.confirmAccountRequest(ctxOf(req), req.params.id, req.body));

  app.post('/api/account-requests/:id/refuse', {
    schema: { tags: ['accounts'], summary: 'Refuse a request with a reason; the account stays inactive (send the version you read)',
      params: IdParams, body: AccountRequestRefuse, response: { 200: AccountRequest, ...errors } },
  }, async (req) => service.refuseAccountRequest(ctxOf(req), req.params.id, req.body));
};
