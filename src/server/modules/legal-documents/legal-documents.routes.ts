import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, Id, IdParams, Version } from '../../../shared/schemas/common.ts';
import {
  LegalDocument, LegalDocumentDetail, LegalDocumentInput, LegalDocumentIssuers, LegalDocumentListQuery, LegalDocumentPage,
  LegalDocumentUpdate, LegalRefExtract, LegalRefExtractInput, LegalRelationInput, PolicyChain, PolicyChainQuery,
} from '../../../shared/schemas/legal-documents.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './legal-documents.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['legal-documents'];

export const legalDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/legal-documents', {
    schema: {
      tags, summary: 'List legal documents: the national ones and the province\'s own (search ignores diacritics; Vietnamese title order)',
      querystring: LegalDocumentListQuery, response: { 200: LegalDocumentPage, ...errors },
    },
  }, async (req) => service.listLegalDocuments(ctxOf(req), req.query));

  app.get('/api/legal-documents/issuers', {
    schema: { tags, summary: 'The issuing bodies of the documents the province reads (the list\'s filter)', response: { 200: LegalDocumentIssuers, ...errors } },
  }, async (req) => service.listIssuers(ctxOf(req)));

  app.post('/api/legal-documents/extract', {
    schema: {
      tags, summary: 'The document references a text cites, each matched to the register (found) or offered for creation (missing)',
      body: LegalRefExtractInput, response: { 200: LegalRefExtract, ...errors },
    },
  }, async (req) => service.extractReferences(ctxOf(req), req.body));

  app.get('/api/legal-documents/:id', {
    schema: { tags, summary: 'Read a legal document with its relations both ways', params: IdParams, response: { 200: LegalDocumentDetail, ...errors } },
  }, async (req) => service.getLegalDocument(ctxOf(req), req.params.id));

  app.get('/api/legal-documents/:id/chain', {
    schema: {
      tags, summary: 'The policy chain: documents that carry this one out (down) and those it carries out (up), recursively',
      params: IdParams, querystring: PolicyChainQuery, response: { 200: PolicyChain, ...errors },
    },
  }, async (req) => service.policyChain(ctxOf(req), req.params.id, req.query.depth));

  app.post('/api/legal-documents', {
    schema: {
      tags, summary: 'Create a legal document (national: administrators only)', body: LegalDocumentInput, response: { 201: LegalDocument, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.createLegalDocument(ctxOf(req), req.body)));

  app.put('/api/legal-documents/:id', {
    schema: {
      tags, summary: 'Update a legal document (send the version you read; a stale one gets 409)',
      params: IdParams, body: LegalDocumentUpdate, response: { 200: LegalDocument, ...errors },
    },
  }, async (req) => service.updateLegalDocument(ctxOf(req), req.params.id, req.body));

  app.delete('/api/legal-documents/:id', {
    schema: {
      tags, summary: 'Delete a legal document and its relations',
      params: IdParams, querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    await service.deleteLegalDocument(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/legal-documents/:id/relations', {
    schema: {
      tags, summary: 'Relate this document to another: it implements, is based on, amends or replaces the target',
      params: IdParams, body: LegalRelationInput, response: { 201: LegalDocumentDetail, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.addRelation(ctxOf(req), req.params.id, req.body)));

  app.delete('/api/legal-documents/:id/relations/:relationId', {
    schema: {
      tags, summary: 'Remove a relation of this document (either direction)',
      params: z.object({ id: Id, relationId: Id }), response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    await service.removeRelation(ctxOf(req), req.params.id, req.params.relationId);
    return reply.status(204).send(null);
  });
};
