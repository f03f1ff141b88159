/**
 * The one API client of the web app: JSON over fetch with the session cookie, the CSRF token on writes,
 * `Accept-Language` from the UI language (so server errors come back in it), and errors thrown as
 * `{ status, code, message, details }`.
 *
 * Calls are typed from the OpenAPI document (`paths` in api.gen.ts, `npm run api:types`): the path is the
 * document's (`/api/tasks/{id}`), path parameters, query and body are checked against it and the result is the
 * success response's body, so a contract change that breaks the web fails the type check:
 * `api.get('/api/tasks/{id}', { params: { id } })` → `Promise<Schemas['TaskDetail']>`.
 */
import type { components, paths } from './api.gen.ts';
import { currentLang, i18n } from './i18n/index.ts';

export interface FieldProblem {
  path: string;
  code: string;
  message?: string;
  params?: Record<string, unknown>;
}

export interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && typeof (e as ApiError).status === 'number' && typeof (e as ApiError).code === 'string';
}

/** The field problems of a validation error (`details: [{ path, code, message }]`), or none. */
export function fieldProblems(e: ApiError): FieldProblem[] {
  return Array.isArray(e.details) ? e.details.filter((d): d is FieldProblem => typeof d?.path === 'string') : [];
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when an authenticated call answers 401 (session expired or signed out elsewhere). */
export function onUnauthenticated(handler: (() => void) | null) {
  unauthenticatedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not report a 401 to the session (the session probe and sign-in itself). */
  quiet401?: boolean;
}

async function send(method: string, path: string, o: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLang() };
  // A FormData body is sent as multipart/form-data; fetch writes the content type with its boundary.
  const form = o.body instanceof FormData;
  if (o.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(withQuery(path, o.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: o.body === undefined ? undefined : form ? (o.body as FormData) : JSON.stringify(o.body),
  });
}

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ApiError> = {};
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page…)
  }
  return {
    status: res.status,
    code: typeof body.code === 'string' ? body.code : `http.${res.status}`,
    message: typeof body.message === 'string' ? body.message : `${res.status} ${res.statusText}`,
    details: body.details,
  };
}

async function request(method: string, path: string, o: RequestOptions = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await send(method, path, o);
    if (res.status === 403 && method !== 'GET') {
      // A stale CSRF token (e.g. the server restarted): fetch a fresh one with the session and retry once.
      const err = await toError(res.clone());
      if (err.code === 'auth.csrf_invalid') {
        const s = await send('GET', '/api/auth/session', {});
        if (s.ok) {
          setCsrfToken(((await s.json()) as { csrfToken: string }).csrfToken);
          res = await send(method, path, o);
        }
      }
    }
  } catch {
    const err: ApiError = { status: 0, code: 'network', message: i18n.t('errors.network') };
    throw err;
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !o.quiet401) unauthenticatedHandler?.();
    throw err;
  }
  if (res.status === 204) return undefined;
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/* ---------- types from the OpenAPI document ---------- */

/** The document's component schemas (the shared read models): `Schemas['Organization']`. */
export type Schemas = components['schemas'];

export type Method = 'get' | 'post' | 'put' | 'delete';
/** The paths that have an operation for the method. */
export type PathsWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type Operation<M extends Method, P extends PathsWith<M>> = paths[P][M];

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
/** The body of the operation's success response (200 or 201; undefined for 204). */
export type ResponseOf<M extends Method, P extends PathsWith<M>> = Operation<M, P> extends { responses: infer R }
  ? JsonContent<R[Extract<keyof R, 200 | 201 | 204>]> : never;
/** The path parameters of the operation (`{ id: string }`), never when it has none. */
export type ParamsOf<M extends Method, P extends PathsWith<M>> = Operation<M, P> extends { parameters: { path: infer T } } ? T : never;
/** The query parameters of the operation, never when it has none. */
export type QueryOf<M extends Method, P extends PathsWith<M>> = Operation<M, P> extends { parameters: { query?: infer T } }
  ? Exclude<T, undefined> : never;
/** The JSON request body of the operation, never when it has none. */
export type BodyOf<M extends Method, P extends PathsWith<M>> = Operation<M, P> extends { requestBody?: { content: { 'application/json': infer T } } }
  ? T : never;

type Part<K extends string, T, Required extends boolean> = [T] extends [never] ? { [_ in K]?: undefined }
  : Required extends true ? { [_ in K]: T } : { [_ in K]?: T };
/** What a call takes besides its path: `params` when the path has parameters, `query`, `body`, each as the document says. */
export type CallInit<M extends Method, P extends PathsWith<M>> =
  & Part<'params', ParamsOf<M, P>, true>
  & Part<'query', QueryOf<M, P>, Operation<M, P> extends { parameters: { query: object } } ? true : false>
  & Part<'body', BodyOf<M, P>, Operation<M, P> extends { requestBody: object } ? true : false>
  & { /** Do not report a 401 to the session (the session probe and sign-in itself). */ quiet401?: boolean };
/** The init argument, optional when nothing in it is required. */
type InitArg<M extends Method, P extends PathsWith<M>> = object extends CallInit<M, P> ? [init?: CallInit<M, P>] : [init: CallInit<M, P>];

/** `/api/tasks/{id}` with `{ id }` → `/api/tasks/8f…`. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`api: no value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
}

interface LooseInit { params?: Record<string, string | number>; query?: object; body?: unknown; quiet401?: boolean }

const call = (method: string, path: string, init: LooseInit = {}) =>
  request(method, fillPath(path, init.params), { query: init.query as Query | undefined, body: init.body, quiet401: init.quiet401 });

export const api = {
  get: <P extends PathsWith<'get'>>(path: P, ...[init]: InitArg<'get', P>) =>
    call('GET', path, init as LooseInit) as Promise<ResponseOf<'get', P>>,
  /** A POST without a body sends `{}`. */
  post: <P extends PathsWith<'post'>>(path: P, ...[init]: InitArg<'post', P>) =>
    call('POST', path, { ...(init as LooseInit), body: (init as LooseInit | undefined)?.body ?? {} }) as Promise<ResponseOf<'post', P>>,
  put: <P extends PathsWith<'put'>>(path: P, ...[init]: InitArg<'put', P>) =>
    call('PUT', path, init as LooseInit) as Promise<ResponseOf<'put', P>>,
  delete: <P extends PathsWith<'delete'>>(path: P, ...[init]: InitArg<'delete', P>) =>
    call('DELETE', path, init as LooseInit) as Promise<ResponseOf<'delete', P>>,
  /**
   * A POST of a multipart/form-data form (file uploads: `POST /api/attachments/{subjectType}/{subjectId}` with the
   * file in the field `file`), with the same session, CSRF token, language and errors as every other call.
   */
  upload: <P extends PathsWith<'post'>>(path: P, init: Omit<CallInit<'post', P>, 'body'> & { form: FormData }) =>
    call('POST', path, { ...(init as LooseInit), body: init.form }) as Promise<ResponseOf<'post', P>>,
};
