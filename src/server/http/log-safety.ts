/**
 * What the log may hold. Drizzle reports a failed query as "Failed query: <sql>\nparams: <values>" with the
 * driver's error as its cause, whose `detail` may repeat the row ("Failing row contains (…)", "Key (token_hash)=…").
 * `loggableError` keeps the SQL and the error codes, and drops the values of any query on the auth tables (a new
 * user's password hash, session and token hashes); other values are kept, cut short. `LOG_REDACT` keeps secrets
 * of the request (session cookie, API token, CSRF token) out of any log line that would carry headers.
 */

/** The tables whose values never reach the log. */
const AUTH_TABLES = /["\s(](users|sessions|api_tokens)["\s)]/i;
const MAX_VALUE = 200;
const MAX_PARAMS = 50;

/** pino `redact` paths: request and response headers that carry secrets. */
export const LOG_REDACT = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie'],
  censor: '[redacted]',
};

interface QueryError extends Error { query: string; params: unknown[] }

const isQueryError = (e: unknown): e is QueryError =>
  e instanceof Error && typeof (e as { query?: unknown }).query === 'string' && Array.isArray((e as { params?: unknown }).params);

function shortValue(v: unknown): unknown {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `<${v.byteLength} bytes>`;
  if (typeof v === 'string' && v.length > MAX_VALUE) return `${v.slice(0, MAX_VALUE)}… (${v.length} characters)`;
  return v;
}

/** The fields of a driver error worth logging (code, constraint, table…), `detail` only off the auth tables. */
function driverCause(cause: unknown, authQuery: boolean): Record<string, unknown> | undefined {
  if (!cause || typeof cause !== 'object') return undefined;
  const c = cause as Record<string, unknown>;
  const table = typeof c.table === 'string' ? c.table : undefined;
  const auth = authQuery || (table !== undefined && AUTH_TABLES.test(` ${table} `));
  const out: Record<string, unknown> = {};
  for (const key of ['code', 'severity', 'constraint', 'table', 'column', 'routine']) if (c[key] !== undefined) out[key] = c[key];
  out.message = typeof c.message === 'string' && !auth ? c.message : '[redacted: auth table]';
  if (typeof c.detail === 'string' && !auth) out.detail = c.detail;
  return out;
}

/** An error as the log may show it: a plain object (type, message, stack, the query's values, the driver's cause). */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (!isQueryError(error)) {
    const cause = (error as { cause?: unknown }).cause;
    return { type: error.name, message: error.message, stack: error.stack, ...(cause ? { cause: loggableError(cause) } : {}) };
  }
  const auth = AUTH_TABLES.test(` ${error.query} `);
  const params = auth ? '[redacted: auth table]' : error.params.slice(0, MAX_PARAMS).map(shortValue);
  const message = `Failed query: ${error.query}`;
  // The stack repeats the message, values included: keep only its frames.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  return { type: error.name, message, params, stack: `${error.name}: ${message}\n${frames}`, cause: driverCause(error.cause, auth) };
}
