/**
 * The one API client of the web app: JSON over fetch with the session cookie, the CSRF token on writes,
 * `Accept-Language` from the UI language (so server errors come back in it), and errors thrown as
 * `{ status, code, message, details }`.
 */
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
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(withQuery(path, o.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
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

export async function request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
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
    throw { status: 0, code: 'network', message: i18n.t('errors.network') } satisfies ApiError;
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !o.quiet401) unauthenticatedHandler?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string, query?: Query) => request<void>('DELETE', path, { query }),
};
