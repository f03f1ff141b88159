/**
 * The text check at the edge, for every route: before any schema runs, every string of the parsed params, query
 * and JSON body (keys included) must pass `isCleanText` (shared/schemas/common.ts) — no NUL, no lone surrogate —
 * or the request is answered 400 `common.validation_failed` with `{ path: 'body.username', code: 'invalid_text' }`
 * per string. So a route whose schema has a bare `z.string()`, or none, cannot hand such text to the database.
 */
import type { FastifyInstance } from 'fastify';
import { isCleanText } from '../../shared/schemas/common.ts';
import { validationError } from '../errors.ts';

/** Beyond this depth a value is not walked further (a JSON body is parsed with no depth limit of its own). */
const MAX_DEPTH = 64;
/** At most this many problems are named. */
const MAX_PROBLEMS = 20;

function walk(value: unknown, path: string, out: string[], depth: number) {
  if (out.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    if (!isCleanText(value)) out.push(path);
    return;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}.${i}`, out, depth + 1));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    // A key that fails the check is named by its position, since it cannot be shown as it is.
    if (!isCleanText(key)) {
      out.push(`${path}.${JSON.stringify(key).slice(1, -1)}`);
      continue;
    }
    walk(v, `${path}.${key}`, out, depth + 1);
  }
}

/** The paths (`body.a.0.b`, `querystring.code`, `params.id`) of the strings that fail the text check. */
export function uncleanTextPaths(parts: { params?: unknown; querystring?: unknown; body?: unknown }): string[] {
  const out: string[] = [];
  for (const [where, value] of Object.entries(parts)) walk(value, where, out, 0);
  return out;
}

export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const paths = uncleanTextPaths({ params: req.params, querystring: req.query, body: req.body });
    if (paths.length > 0) throw validationError(paths.map((path) => ({ path, code: 'invalid_text', i18n: 'common.invalid_text' })));
  });
}
