import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import { ScienceFieldList, ScienceFieldQuery, ScienceFieldTree } from '../../../shared/schemas/science-fields.ts';
import * as service from './science-fields.service.ts';

export const scienceFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/science-fields', {
    schema: {
      tags: ['reference'],
      summary: 'S&T field classification (Bảng phân loại lĩnh vực nghiên cứu KH&CN, after OECD Frascati 2007); public. '
        + 'shape=flat (default) lists every field with its parentCode; shape=tree nests sub-fields under children',
      querystring: ScienceFieldQuery,
      // The tree comes first: a flat list fails it (no children) and falls through to the flat shape.
      response: { 200: z.union([ScienceFieldTree, ScienceFieldList]), 400: ErrorBody },
    },
  }, async (req, reply) => {
    // Reference data: the same for everyone and changed only by a migration.
    reply.header('cache-control', 'public, max-age=3600');
    return service.readScienceFields(req.server.db, req.query);
  });
};
