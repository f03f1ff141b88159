import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../shared/schemas/common.ts';
import {
  Attachment, AttachmentFields, AttachmentList, AttachmentParams, AttachmentSubjectParams, AttachmentUploadQuery,
} from '../../../shared/schemas/attachments.ts';
import { validationError } from '../../errors.ts';
import { ctxOf } from '../../http/auth.ts';
import { sendAttachment } from '../../http/downloads.ts';
import { receiveFile } from './attachments.multipart.ts';
import * as service from './attachments.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['attachments'];

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/attachments/:subjectType/:subjectId', {
    schema: { tags, summary: "A subject's attached files, the kinds it takes with their type and size limits, and what the caller may do",
      params: AttachmentSubjectParams, response: { 200: AttachmentList, ...errors } },
  }, async (req) => service.listAttachments(ctxOf(req), req.params.subjectType, req.params.subjectId));

  app.post('/api/attachments/:subjectType/:subjectId', {
    schema: {
      tags, summary: 'Attach a file of a kind the subject takes (multipart/form-data)',
      description: 'The body is multipart/form-data with one file in the field `file` and an optional `note`. The kind is in the '
        + 'query, so the limit is known before the bytes arrive; the upload stops at the limit (413). The type is recognised from '
        + 'the bytes: a file whose content is not what its declared type or extension says is refused (400), and HTML, SVG or '
        + 'scripts always are.',
      params: AttachmentSubjectParams, querystring: AttachmentUploadQuery, consumes: ['multipart/form-data'],
      response: { 201: Attachment, 413: ErrorBody, 415: ErrorBody, ...errors },
    },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    const where = { ...req.params, kind: req.query.kind };
    const limit = await service.uploadLimit(ctx, where);
    const file = await receiveFile(req, { maxBytes: limit.maxBytes });
    const fields = AttachmentFields.safeParse(file.fields);
    if (!fields.success) {
      throw validationError(fields.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), code: i.code, message: i.message })));
    }
    const created = await service.attach(ctx, {
      ...where, fileName: file.fileName, declaredType: file.declaredType, bytes: file.bytes, sha256: file.sha256,
      truncated: file.truncated, note: fields.data.note,
    });
    return reply.status(201).send(created);
  });

  app.get('/api/attachments/:subjectType/:subjectId/:id', {
    schema: { tags, summary: 'Download an attached file (always as a download, as the type its bytes are)', params: AttachmentParams },
  }, async (req, reply) => {
    const { subjectType, subjectId, id } = req.params;
    return sendAttachment(reply, await service.readAttachment(ctxOf(req), subjectType, subjectId, id));
  });

  app.delete('/api/attachments/:subjectType/:subjectId/:id', {
    schema: { tags, summary: 'Remove an attached file', params: AttachmentParams, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const { subjectType, subjectId, id } = req.params;
    await service.removeAttachment(ctxOf(req), subjectType, subjectId, id);
    return reply.status(204).send(null);
  });
};
