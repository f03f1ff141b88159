/**
 * Reading one uploaded file from a multipart/form-data request (@fastify/multipart, registered once in
 * http/app.ts): the bytes are hashed as they arrive and the stream stops at the kind's limit, so a request larger
 * than the limit never holds more than the limit in memory. The HTTP side of uploads; the service gets bytes.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { AppError, validationError } from '../../errors.ts';
import { isCleanText } from '../../../shared/schemas/common.ts';

export interface ReceivedFile {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
  sha256: string;
  /** The file was longer than `maxBytes` and was cut there. */
  truncated: boolean;
  /** The form's text fields. */
  fields: Record<string, string>;
}

const FIELD = 'file';
const LIMIT_ERRORS = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PROTO_VIOLATION']);

const invalidText = (path: string) => validationError([{ path, code: 'invalid_text' }]);

export async function receiveFile(req: FastifyRequest, o: { maxBytes: number }): Promise<ReceivedFile> {
  if (!req.isMultipart()) throw new AppError('attachment.multipart_expected', { status: 415, details: [{ path: 'body', code: 'multipart_expected' }] });
  const missing = () => new AppError('attachment.file_missing', { status: 400, details: [{ path: `body.${FIELD}`, code: 'required' }] });
  const fields: Record<string, string> = {};
  let file: Omit<ReceivedFile, 'fields'> | null = null;
  // Cut at the limit rather than fail: the service refuses a cut file with the kind's limit in the message.
  // (@fastify/multipart reads throwFileSizeLimit here; its types list busboy's options only.)
  const options = { limits: { fileSize: o.maxBytes, files: 1, fields: 8, fieldSize: 8_000, parts: 9 }, throwFileSizeLimit: false };
  const parts = req.parts(options);
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        const value = String(part.value);
        // The request's text check (http/text-guard.ts) runs before the handler reads the form: apply it here.
        if (!isCleanText(part.fieldname) || !isCleanText(value)) throw invalidText(`body.${part.fieldname}`);
        fields[part.fieldname] = value;
        continue;
      }
      if (part.fieldname !== FIELD || file) {
        part.file.resume();
        throw missing();
      }
      if (!isCleanText(part.filename)) {
        part.file.resume();
        throw invalidText(`body.${FIELD}`);
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        hash.update(chunk);
        chunks.push(chunk);
      }
      file = {
        fileName: part.filename, declaredType: part.mimetype, bytes: Buffer.concat(chunks), sha256: hash.digest('hex'),
        truncated: part.file.truncated,
      };
    }
  } catch (e) {
    // More than one file, or more parts than a form of one file has.
    if (e instanceof Error && LIMIT_ERRORS.has((e as { code?: string }).code ?? '')) throw missing();
    throw e;
  }
  if (!file) throw missing();
  return { ...file, fields };
}
