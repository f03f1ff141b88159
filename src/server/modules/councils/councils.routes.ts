import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, Id, IdParams, Version } from '../../../shared/schemas/common.ts';
import {
  AssignmentsInput, ConflictInput, Council, CouncilDetail, CouncilDossier, CouncilDossierInput, CouncilInput,
  CouncilKindList, CouncilKindQuery, CouncilListQuery, CouncilMember, CouncilMemberInput, CouncilPage, CouncilResults,
  CouncilUpdate, CouncilVersionBody, PresenceInput, Sheet, SheetInput,
} from '../../../shared/schemas/councils.ts';
import { pickLang } from '../../../shared/i18n/messages.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendDocx } from '../../http/downloads.ts';
import * as service from './councils.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['councils'];
const MemberParams = z.object({ id: Id, memberId: Id });
const DossierParams = z.object({ id: Id, dossierId: Id });
const SheetParams = z.object({ id: Id, dossierId: Id, memberId: Id });

export const councilRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/council-kinds', {
    schema: { tags, summary: 'The registered council kinds (for a subject type), each with its evaluation mode in force on the date',
      querystring: CouncilKindQuery, response: { 200: CouncilKindList, ...errors } },
  }, async (req) => service.listCouncilKinds(ctxOf(req), req.query));

  app.get('/api/councils', {
    schema: { tags, summary: 'List councils (a reviewer sees only the councils they sit on)', querystring: CouncilListQuery, response: { 200: CouncilPage, ...errors } },
  }, async (req) => service.listCouncils(ctxOf(req), req.query));

  app.post('/api/councils', {
    schema: { tags, summary: 'Create a council about a subject (its rules are resolved on the meeting date)', body: CouncilInput, response: { 201: Council, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createCouncil(ctxOf(req), req.body)));

  app.get('/api/councils/:id', {
    schema: { tags, summary: 'Read a council with its members and dossiers (a reviewer: only the dossiers assigned to them)', params: IdParams, response: { 200: CouncilDetail, ...errors } },
  }, async (req) => service.getCouncil(ctxOf(req), req.params.id));

  app.put('/api/councils/:id', {
    schema: { tags, summary: 'Update a council (send the version you read)', params: IdParams, body: CouncilUpdate, response: { 200: Council, ...errors } },
  }, async (req) => service.updateCouncil(ctxOf(req), req.params.id, req.body));

  app.delete('/api/councils/:id', {
    schema: { tags, summary: 'Delete a council still in preparation', params: IdParams,
      querystring: z.object({ version: z.coerce.number().pipe(Version) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteCouncil(ctxOf(req), req.params.id, req.query.version);
    return reply.status(204).send(null);
  });

  app.post('/api/councils/:id/members', {
    schema: { tags, summary: 'Add a member from the expert registry (assigned every dossier)', params: IdParams, body: CouncilMemberInput, response: { 201: CouncilMember, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addCouncilMember(ctxOf(req), req.params.id, req.body)));

  app.delete('/api/councils/:id/members/:memberId', {
    schema: { tags, summary: 'Remove a member (council in preparation)', params: MemberParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.removeCouncilMember(ctxOf(req), req.params.id, req.params.memberId);
    return reply.status(204).send(null);
  });

  app.put('/api/councils/:id/members/:memberId/conflict', {
    schema: { tags, summary: 'Declare or withdraw a conflict of interest (the member, or the DOST for them)', params: MemberParams, body: ConflictInput, response: { 200: CouncilMember, ...errors } },
  }, async (req) => service.declareConflict(ctxOf(req), req.params.id, req.params.memberId, req.body));

  app.put('/api/councils/:id/members/:memberId/presence', {
    schema: { tags, summary: 'Mark a member present or absent', params: MemberParams, body: PresenceInput, response: { 200: CouncilMember, ...errors } },
  }, async (req) => service.setPresence(ctxOf(req), req.params.id, req.params.memberId, req.body.present));

  app.post('/api/councils/:id/dossiers', {
    schema: { tags, summary: 'Add a dossier to evaluate (assigned to every member)', params: IdParams, body: CouncilDossierInput, response: { 201: CouncilDossier, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.addCouncilDossier(ctxOf(req), req.params.id, req.body)));

  app.delete('/api/councils/:id/dossiers/:dossierId', {
    schema: { tags, summary: 'Remove a dossier (council in preparation)', params: DossierParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.removeCouncilDossier(ctxOf(req), req.params.id, req.params.dossierId);
    return reply.status(204).send(null);
  });

  app.put('/api/councils/:id/dossiers/:dossierId/assignments', {
    schema: { tags, summary: 'Set which members evaluate a dossier', params: DossierParams, body: AssignmentsInput, response: { 200: CouncilDossier, ...errors } },
  }, async (req) => service.setAssignments(ctxOf(req), req.params.id, req.params.dossierId, req.body));

  app.put('/api/councils/:id/dossiers/:dossierId/sheets/:memberId', {
    schema: { tags, summary: 'Submit a member\'s sheet for a dossier: points per criterion, or an acceptance rating',
      params: SheetParams, body: SheetInput, response: { 200: Sheet, ...errors } },
  }, async (req) => service.submitSheet(ctxOf(req), {
    councilId: req.params.id, dossierId: req.params.dossierId, memberId: req.params.memberId, input: req.body,
  }));

  app.post('/api/councils/:id/open', {
    schema: { tags, summary: 'Open the sitting (composition checked, rules frozen)', params: IdParams, body: CouncilVersionBody, response: { 200: Council, ...errors } },
  }, async (req) => service.openCouncil(ctxOf(req), req.params.id, req.body.version));

  app.post('/api/councils/:id/close', {
    schema: { tags, summary: 'Close the sitting (refused below quorum)', params: IdParams, body: CouncilVersionBody, response: { 200: Council, ...errors } },
  }, async (req) => service.closeCouncil(ctxOf(req), req.params.id, req.body.version));

  app.get('/api/councils/:id/results', {
    schema: { tags, summary: 'Aggregated results per dossier with the pass rule applied', params: IdParams, response: { 200: CouncilResults, ...errors } },
  }, async (req) => service.getCouncilResults(ctxOf(req), req.params.id, pickLang(req.headers['accept-language'])));

  app.get('/api/councils/:id/minutes.docx', {
    // 200: the .docx bytes (application/vnd.openxmlformats-officedocument.wordprocessingml.document).
    schema: { tags, summary: 'The minutes (biên bản) as DOCX in the Decree 30/2020 layout', params: IdParams, response: { ...errors } },
  }, async (req, reply) => {
    const { filename, buffer } = await service.councilMinutesDocx(ctxOf(req), req.params.id);
    return sendDocx(reply, filename, buffer);
  });
};
