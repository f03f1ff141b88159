import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { HomeExportQuery, HomeFigureParams, HomeFilterQuery, HomeOverview, HomeQuery, HomeTaskList } from '../../../shared/schemas/home.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendXlsx } from '../../http/downloads.ts';
import * as service from './home.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['home'];

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/home', {
    schema: {
      tags, summary: "The leader's home: tasks by stage, field and level, funding by year and the counterpart share against its target, overdue, awaiting the leader, accepted and replicated in a year; each figure with the filter of its list",
      querystring: HomeQuery, response: { 200: HomeOverview, ...errors },
    },
  }, async (req) => service.homeOverview(ctxOf(req), req.query));

  app.get('/api/home/tasks', {
    schema: { tags, summary: "The tasks a figure of the home counts (its filter: stage, field, level, overdue, awaiting the leader, accepted or replicated in a year…)",
      querystring: HomeFilterQuery, response: { 200: HomeTaskList, ...errors } },
  }, async (req) => service.tasksOf(ctxOf(req), req.query));

  app.get('/api/home/figures/:figure/export.xlsx', {
    schema: { tags, summary: "A figure of the home as an Excel workbook: its numbers and the tasks behind it (those of the filter when given)",
      params: HomeFigureParams, querystring: HomeExportQuery },
  }, async (req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const { buffer, fileName } = await service.exportFigure(ctxOf(req), req.params.figure, req.query, lang);
    return sendXlsx(reply, fileName, buffer);
  });
};
