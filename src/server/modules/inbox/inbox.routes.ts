import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import { InboxItem, InboxPage, InboxQuery, ReadAllResult, UnreadCount } from '../../../shared/schemas/inbox.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './inbox.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['inbox'];

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/inbox', {
    schema: { tags, summary: "The signed-in account's inbox, newest first (unread=true: unread only), in the Accept-Language",
      querystring: InboxQuery, response: { 200: InboxPage, ...errors } },
  }, async (req) => service.listInbox(ctxOf(req), req.query, pickLang(req.headers['accept-language'])));

  app.get('/api/inbox/unread-count', {
    schema: { tags, summary: 'How many inbox items the signed-in account has not read', response: { 200: UnreadCount, ...errors } },
  }, async (req) => service.unreadCount(ctxOf(req)));

  app.post('/api/inbox/:id/read', {
    schema: { tags, summary: 'Mark one inbox item read', params: IdParams, response: { 200: InboxItem, ...errors } },
  }, async (req) => service.markRead(ctxOf(req), req.params.id, pickLang(req.headers['accept-language'])));

  app.post('/api/inbox/read-all', {
    schema: { tags, summary: 'Mark every inbox item read', response: { 200: ReadAllResult, ...errors } },
  }, async (req) => service.markAllRead(ctxOf(req)));
};
