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
    .send(o.buffer);
}

/** Sends an .xlsx (`toXlsx`) as a download. */
export const sendXlsx = (reply: FastifyReply, filename: string, buffer: Buffer) =>
  sendDownload(reply, { filename, contentType: XLSX_MIME, buffer });

/** Sends a .docx (`renderAdministrativeDocument`) as a download. */
export const sendDocx = (reply: FastifyReply, filename: string, buffer: Buffer) =>
  sendDownload(reply, { filename, contentType: DOCX_MIME, buffer });
