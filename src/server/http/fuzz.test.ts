/**
 * A fuzzer over every write route of the OpenAPI document (and every route with path parameters): wrong types,
 * missing fields, huge and deeply nested values, Unicode edge cases, unknown and malformed ids — sent as an admin, as
 * a DOST officer and anonymously. Bounded (a fixed seed and a fixed number of cases per route) so it runs the same on
 * every machine; the one thing it asserts is that no answer is a 500 or worse, and it names every case that was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { login, type AuthHeaders } from '../testing/harness.ts';
import { openDemoDb } from '../testing/demo.ts';
import { buildApp, type App } from './app.ts';
import { DEMO_PASSWORD } from '../seed/seed.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
}
interface Operation { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string }[] }
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };

let env: { h: DbHandle; app: App };
let admin: AuthHeaders;
let officer: AuthHeaders;
let doc: Doc;
/** A real id of each collection (`/api/tasks` → a demo task's id), so path parameters reach real records. */
const realIds = new Map<string, string>();

beforeAll(async () => {
  const h = await openDemoDb();
  env = { h, app: await buildApp({ dbHandle: h, webDir: null, loginAttemptsPerMinute: 1000 }) };
  admin = await login(env.app, 'admin', DEMO_PASSWORD);
  officer = await login(env.app, 'canbo', DEMO_PASSWORD);
  doc = (await env.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  for (const path of Object.keys(doc.paths).filter((p) => !p.includes('{') && doc.paths[p].get)) {
    const res = await env.app.inject({ method: 'GET', url: `${path}?limit=5`, headers: admin });
    const isJson = String(res.headers['content-type'] ?? '').startsWith('application/json');
    const items = res.statusCode === 200 && isJson ? (res.json() as { items?: { id?: unknown }[] }).items : undefined;
    if (items?.length && typeof items[0].id === 'string') realIds.set(path, items[0].id);
  }
}, 300_000);
afterAll(async () => {
  await env?.app.close();
  await env?.h.close();
});

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNICODE = [
  '\u0000', '\ud800', '\udfff x', '\uffff', '\u202e‮gnp.exe', 'Nguyễn Thị Ánh Tuyết', 'e\u0301\u0302\u0323', '🧪🌾', '\t\r\n',
  "'; DROP TABLE tasks; --", '%00', '../../etc/passwd', '<script>alert(1)</script>', ' ', '',
];
const HUGE = 'ồ'.repeat(200_000);
const deep = (n: number): unknown => (n === 0 ? 'đáy' : { a: deep(n - 1) });
const deepArray = (n: number): unknown => (n === 0 ? [] : [deepArray(n - 1)]);
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1e308, 'x', [], {}, [1, 'a', null], { nested: { x: 1 } }];

function resolve(s: JsonSchema | undefined): JsonSchema {
  if (!s) return {};
  if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
  return s;
}

/** A value that fits the schema well enough to get past the first checks, so deeper code is reached. */
function plausible(s: JsonSchema | undefined, depth = 0): unknown {
  const r = resolve(s);
  if (depth > 4) return null;
  const alt = r.anyOf ?? r.oneOf;
  if (alt) return plausible(alt.find((x) => resolve(x).type !== 'null') ?? alt[0], depth + 1);
  if (r.allOf) return Object.assign({}, ...r.allOf.map((x) => plausible(x, depth + 1) as object));
  if (r.enum) return r.enum[0];
  const type = Array.isArray(r.type) ? r.type.find((t) => t !== 'null') : r.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(r.properties ?? {}).map(([k, v]) => [k, plausible(v, depth + 1)]));
    case 'array':
      return [plausible(r.items, depth + 1)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      return r.format === 'uuid' ? crypto.randomUUID() : r.format === 'date' ? '2026-02-17' : 'Thử nghiệm';
    default:
      return null;
  }
}

/** The bodies to send to one route: the plausible one, then each field broken in turn, then the whole body broken. */
function bodies(schema: JsonSchema | undefined, rand: () => number): unknown[] {
  const base = plausible(schema);
  const out: unknown[] = [base, undefined, {}, [], 'không phải JSON', deep(300), deepArray(300), { [HUGE.slice(0, 1000)]: HUGE }];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const keys = Object.keys(base);
    for (const k of keys) {
      const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      out.push({ ...base, [k]: pick(WRONG_TYPES) });
      out.push({ ...base, [k]: pick(UNICODE) });
    }
    if (keys.length) out.push({ ...base, [keys[0]]: HUGE });
    out.push(Object.fromEntries(keys.slice(1).map((k) => [k, (base as Record<string, unknown>)[k]]))); // first field missing
  }
  return out;
}

const PATH_VALUES = () => [crypto.randomUUID(), 'khong-phai-uuid', '%00', '1', '%ED%A0%80', 'Nguy%E1%BB%85n'];

/** The path with its first parameter set to `value` (or the collection's real id) and the others to `value`. */
function fill(path: string, value: string) { // 'real': the collection's real id
  const collection = path.slice(0, path.indexOf('/{'));
  const first = value === 'real' ? realIds.get(collection) ?? crypto.randomUUID() : value;
  let n = 0;
  return path.replace(/\{[^}]+\}/g, () => (n++ === 0 ? first : value === 'real' ? crypto.randomUUID() : value));
}

const MAX_CASES_PER_ROUTE = 40;

describe('fuzzing every write route and every route with path parameters', () => {
  it('answers no malformed or hostile request with a 500', { timeout: 600_000 }, async () => {
    const rand = prng(20_260_301);
    const failures: string[] = [];
    let sent = 0;
    let reached = 0; // answers past validation (2xx, 403, 404, 409): the cases that exercised real code
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).filter(([m]) => ['get', 'post', 'put', 'delete', 'patch'].includes(m)).map(([m, op]) => ({ path, method: m.toUpperCase(), op })));
    expect(routes.length).toBeGreaterThan(50);
    for (const { path, method, op } of routes) {
      const write = method !== 'GET';
      const hasParams = path.includes('{');
      if (!write && !hasParams) continue;
      if (path.startsWith('/api/auth/logout')) continue; // would end the fuzzer's own session
      const json = op.requestBody?.content?.['application/json']?.schema;
      const cases: { url: string; payload: unknown; who: 'admin' | 'officer' | 'anonymous' }[] = [];
      for (const v of PATH_VALUES()) cases.push({ url: fill(path, v), payload: write ? plausible(json) : undefined, who: 'admin' });
      if (hasParams) cases.push({ url: fill(path, 'real'), payload: write ? plausible(json) : undefined, who: 'officer' });
      if (write) {
        const url = hasParams ? fill(path, 'real') : path;
        for (const payload of bodies(json, rand)) cases.push({ url, payload, who: rand() < 0.7 ? 'admin' : 'officer' });
        cases.push({ url, payload: plausible(json), who: 'anonymous' });
        if (op.parameters?.some((p) => p.in === 'query' && p.name === 'version')) {
          for (const v of ['abc', '-1', '0', '1e309', '%00']) cases.push({ url: `${url}?version=${v}`, payload: undefined, who: 'admin' });
        }
      }
      for (const c of cases.slice(0, MAX_CASES_PER_ROUTE)) {
        const headers: Record<string, string> = c.who === 'admin' ? { ...admin } : c.who === 'officer' ? { ...officer } : {};
        let payload: string | undefined;
        if (c.payload !== undefined) {
          headers['content-type'] = 'application/json';
          payload = typeof c.payload === 'string' && c.payload === 'không phải JSON' ? c.payload : JSON.stringify(c.payload);
        }
        const res = await env.app.inject({ method: method as 'GET', url: c.url, headers, payload });
        sent++;
        if (res.statusCode < 300 || [403, 404, 409].includes(res.statusCode)) reached++;
        if (res.statusCode >= 500) {
          failures.push(`${method} ${c.url} as ${c.who} → ${res.statusCode} ${res.body.slice(0, 200)} | body ${String(payload).slice(0, 200)}`);
        }
      }
    }
    expect(realIds.size).toBeGreaterThan(5);
    expect(sent).toBeGreaterThan(500);
    expect(reached).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
