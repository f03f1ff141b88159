/**
 * What a file really is, from its bytes: never from its name or the type the sender declared (today's browsers
 * declare what the extension says, and anyone can send `Content-Type: application/pdf` with HTML inside).
 *
 * 1. Binary formats by their magic numbers (`file-type`). An OLE2 container (old .doc/.xls/.ppt, but also .msi or
 *    .msg) is named by the extension or the declared type only when that is one of the three Office formats.
 * 2. A file with no magic number is text when it is valid UTF-8 with no control characters other than tab, line
 *    and page breaks. Text that looks like markup or a script (starts with `<` or `#!`, or has an HTML/SVG/XML tag
 *    near the start) counts as HTML — never accepted — and any other text is text/plain (text/csv when named .csv).
 * 3. The declared type must agree with what was found (a generic one such as application/octet-stream says
 *    nothing), and so must the extension of the name, when it has one.
 * Whether the kind takes the type found is the service's decision (the kind's rule); markup and scripts are refused
 * here whatever a rule says.
 */
import { fileTypeFromBuffer } from 'file-type';
import { FILE_TYPES } from '../../../shared/schemas/attachments.ts';

export type Identified =
  | { ok: true; contentType: string }
  | { ok: false; reason: 'empty' | 'unrecognised' }
  | { ok: false; reason: 'content_mismatch'; declared: string; detected: string }
  | { ok: false; reason: 'extension_mismatch'; ext: string; detected: string }
  | { ok: false; reason: 'type_forbidden'; detected: string };

/** Declared types that say nothing about the content. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'application/force-download',
  'application/x-download']);

const ALIASES: Record<string, string> = {
  'application/x-pdf': 'application/pdf', 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/tif': 'image/tiff',
  'application/x-zip-compressed': 'application/zip', 'application/x-zip': 'application/zip',
  'application/vnd.rar': 'application/x-rar-compressed', 'application/x-rar': 'application/x-rar-compressed',
  'application/csv': 'text/csv', 'text/x-csv': 'text/csv', 'application/x-csv': 'text/csv', 'text/comma-separated-values': 'text/csv',
};

/** Markup and scripts: a browser (or the desktop) runs them. */
const FORBIDDEN_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'application/xml', 'text/xml',
  'application/javascript', 'text/javascript', 'application/x-javascript', 'application/ecmascript', 'text/ecmascript',
  'application/hta', 'application/x-httpd-php', 'application/x-sh', 'text/x-sh']);
const FORBIDDEN_EXTS: Record<string, string> = {
  html: 'text/html', htm: 'text/html', shtml: 'text/html', xhtml: 'application/xhtml+xml', svg: 'image/svg+xml',
  svgz: 'image/svg+xml', xml: 'application/xml', xsl: 'application/xml', js: 'text/javascript', mjs: 'text/javascript',
  cjs: 'text/javascript', hta: 'application/hta', php: 'application/x-httpd-php', sh: 'application/x-sh',
};

/** Old Office formats share one container (OLE2 / CFB); the name or the declared type says which. */
const CFB_BY_EXT: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };
const CFB_TYPES = new Set(Object.values(CFB_BY_EXT));

/** The media type without parameters, lower case, with common aliases resolved. */
export function normaliseType(declared: string | null | undefined): string {
  const base = (declared ?? '').split(';')[0].trim().toLowerCase();
  return ALIASES[base] ?? base;
}

export const extensionOf = (fileName: string): string | null => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : null;
};

/** "PDF (application/pdf)", for messages. */
export function typeLabel(type: string): string {
  const known = (FILE_TYPES as Record<string, { label: string }>)[type];
  if (known) return `${known.label} (${type})`;
  if (FORBIDDEN_TYPES.has(type)) return `HTML/SVG/script (${type})`;
  return type;
}

const MARKUP_TAG = /<\s*(?:!doctype|html|head|body|script|iframe|frame|frameset|svg|object|embed|meta|style|link|base|form|math|\?xml)[\s>/]/i;
// C0 controls other than tab, line feed, vertical tab, form feed and carriage return; and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

/** Text (UTF-8, no control characters), markup/script, or neither. */
export function textKind(bytes: Buffer): 'text' | 'markup' | 'binary' {
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'binary';
  }
  if (CONTROL.test(s)) return 'binary';
  const head = s.replace(/^\uFEFF/, '').slice(0, 4096).trimStart();
  if (head.startsWith('<') || head.startsWith('#!') || MARKUP_TAG.test(head)) return 'markup';
  return 'text';
}

function declaredFits(declared: string, detected: string): boolean {
  if (GENERIC.has(declared) || declared === detected) return true;
  // Windows declares a .csv as an Excel file when Excel is installed; any text/* subtype fits plain text.
  if (detected === 'text/csv') return declared === 'text/plain' || declared === 'application/vnd.ms-excel';
  if (detected === 'text/plain') return declared.startsWith('text/') && !FORBIDDEN_TYPES.has(declared);
  return false;
}

async function detect(bytes: Buffer, ext: string | null, declared: string): Promise<string | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    if (found.mime !== 'application/x-cfb') return found.mime;
    if (ext && CFB_BY_EXT[ext]) return CFB_BY_EXT[ext];
    if (!ext && CFB_TYPES.has(declared)) return declared;
    return found.mime;
  }
  switch (textKind(bytes)) {
    case 'text': return ext === 'csv' || (!ext && declared === 'text/csv') ? 'text/csv' : 'text/plain';
    case 'markup': return 'text/html';
    default: return null;
  }
}

/** The file's real type, or why it is refused. */
export async function identify(o: { bytes: Buffer; fileName: string; declaredType?: string | null }): Promise<Identified> {
  if (o.bytes.length === 0) return { ok: false, reason: 'empty' };
  const ext = extensionOf(o.fileName);
  const declared = normaliseType(o.declaredType);
  const detected = await detect(o.bytes, ext, declared);
  if (detected === null) {
    const claimed = FORBIDDEN_TYPES.has(declared) ? declared : ext ? FORBIDDEN_EXTS[ext] : undefined;
    return claimed ? { ok: false, reason: 'type_forbidden', detected: claimed } : { ok: false, reason: 'unrecognised' };
  }
  // Markup or script sent as such is never taken; markup that claims to be something harmless is a mismatch.
  if (FORBIDDEN_TYPES.has(declared)) return { ok: false, reason: 'type_forbidden', detected: declared };
  if (FORBIDDEN_TYPES.has(detected) && GENERIC.has(declared)) return { ok: false, reason: 'type_forbidden', detected };
  if (!declaredFits(declared, detected)) return { ok: false, reason: 'content_mismatch', declared, detected };
  const known = (FILE_TYPES as Record<string, { exts: readonly string[] }>)[detected];
  if (ext && known && !known.exts.includes(ext)) return { ok: false, reason: 'extension_mismatch', ext, detected };
  if (ext && FORBIDDEN_EXTS[ext]) return { ok: false, reason: 'extension_mismatch', ext, detected };
  return { ok: true, contentType: detected };
}

/** The Content-Type a stored file is served with: text is UTF-8 (it was checked to be). */
export const servedType = (contentType: string) => (contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType);
