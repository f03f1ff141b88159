import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../../shared/schemas/common.ts';
import { AdminUnitDetail, AdminUnitListQuery, AdminUnitPage } from '../../../shared/schemas/admin-units.ts';
import * as service from './admin-units.service.ts';

const errors = { 400: ErrorBody, 404: ErrorBody };

/** Public reference data: no login needed. */
export const adminUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/admin-units', {
    schema: { tags: ['reference'], summary: 'Administrative units in force on a day (asOf, default today); search ignores diacritics; Vietnamese name order',
      querystring: AdminUnitListQuery, response: { 200: AdminUnitPage, ...errors } },
  }, async (req) => service.listAdminUnits(app.db, req.query));

  app.get('/api/admin-units/:id', {
    schema: { tags: ['reference'], summary: 'An administrative unit with its parent, validity, predecessors and successors',
      params: IdParams, response: { 200: AdminUnitDetail, ...errors } },
  }, async (req) => service.getAdminUnit(app.db, req.params.id));
};
