/**
 * Sending generated files as downloads: the reply side of the documents and exports services, which return bytes
 * and never see Fastify (a service returns data; the route turns it into a reply).
 */
import type { FastifyReply } from 'fastify';
import { DOCX_MIME } from '../modules/documents/documents.service.ts';
import { contentDisposition, XLSX_MIME } from '../modules/exports/exports.service.ts';

/** Sends bytes as a download with a UTF-8 (RFC 5987) file name, never cached. */
export function sendDownload(reply: FastifyReply, o: { filename: string; contentType: string; buffer: Buffer }) {
  return reply
    .header('content-type', o.contentType)
    .header('content-disposition', contentDisposition(o.filename))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(o.buffer);
}

/**
 * Sends a stored file someone uploaded: only ever as a download, as the type its bytes were recognised as, with
 * browsers told not to guess another type and not to run anything in it should it be opened in place.
 */
export function sendAttachment(reply: FastifyReply, o: { fileName: string; contentType: string; bytes: Buffer }) {
  reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin');
  return sendDownload(reply, { filename: o.fileName, contentType: o.contentType, buffer: o.bytes });
}

/** Sends an .xlsx (`toXlsx`) as a download. */
export const sendXlsx = (reply: FastifyReply, filename: string, buffer: Buffer) =>
  sendDownload(reply, { filename, contentType: XLSX_MIME, buffer });

/** Sends a .docx (`renderAdministrativeDocument`) as a download. */
export const sendDocx = (reply: FastifyReply, filename: string, buffer: Buffer) =>
  sendDownload(reply, { filename, contentType: DOCX_MIME, buffer });
