import SwaggerParser from '@apidevtools/swagger-parser';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCommittedApiTypes, renderApiTypes } from '../../../scripts/openapi-types.ts';
import { testEnv, type TestEnv } from '../testing/harness.ts';
import { deriveOperationId, OPENAPI_JSON_PATH, pruneComponents, registerOpenApi } from './openapi.ts';

interface Operation { operationId?: string; [key: string]: unknown }
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

let env: TestEnv;
let doc: Doc;

beforeAll(async () => {
  env = await testEnv();
  const res = await env.app.inject({ method: 'GET', url: OPENAPI_JSON_PATH });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => env.close());

const operations = () => Object.entries(doc.paths).flatMap(([url, item]) =>
  Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ method, url, op })));

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (every $ref resolves)', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ method, url, op }) => op.operationId ?? `(none: ${method} ${url})`);
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(doc.paths['/api/tasks/{id}'].get.operationId).toBe('getTasksById');
  });

  it('holds the shared schemas as components', () => {
    for (const name of ['ErrorBody', 'Organization', 'OrganizationPage', 'Person', 'TaskDetail', 'TaskPage', 'ScienceFieldNode']) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
  });

  it('refers to the organisation schema instead of inlining it', () => {
    const json = (url: string, method: string, status: string) =>
      (doc.paths[url][method].responses as Record<string, { content: Record<string, { schema: unknown }> }>)[status]
        .content['application/json'].schema;
    expect(json('/api/organizations/{id}', 'get', '200')).toEqual({ $ref: '#/components/schemas/Organization' });
    expect(json('/api/organizations', 'post', '201')).toEqual({ $ref: '#/components/schemas/Organization' });
    expect(json('/api/organizations/{id}', 'get', '404')).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(doc.components.schemas.OrganizationPage).toMatchObject({
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Organization' } } },
    });
  });

  it('describes the science-field tree as a component that refers to itself', () => {
    expect(doc.components.schemas.ScienceFieldNode).toMatchObject({
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/ScienceFieldNode' } } },
    });
  });

  it('keeps no component that nothing refers to', () => {
    const referenced = new Set(JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g)?.map((ref) => ref.split('/').pop()));
    expect(Object.keys(doc.components.schemas).filter((name) => !referenced.has(name))).toEqual([]);
  });

  it('matches the committed src/web/api.gen.ts', async () => {
    const fresh = await renderApiTypes(doc);
    const committed = await readCommittedApiTypes();
    expect(committed === fresh, 'src/web/api.gen.ts is stale or missing: run `npm run api:types` and commit it').toBe(true);
  });
});

describe('operationIds', () => {
  it.each([
    ['GET', '/api/organizations', 'getOrganizations'],
    ['GET', '/api/organizations/:id', 'getOrganizationsById'],
    ['PUT', '/api/councils/:id/members/:memberId/conflict', 'putCouncilsByIdMembersByMemberIdConflict'],
    ['GET', '/api/organizations/export.xlsx', 'getOrganizationsExportXlsx'],
    ['GET', '/api/stage-timing/durations', 'getStageTimingDurations'],
    ['DELETE', '/api/auth/tokens/:id', 'deleteAuthTokensById'],
  ])('%s %s is %s', (method, url, id) => {
    expect(deriveOperationId(method, url)).toBe(id);
  });

  const appWith = async (declare: (app: ReturnType<typeof bare>) => void) => {
    const app = bare();
    await registerOpenApi(app);
    declare(app);
    await app.ready();
    return app;
  };
  const bare = () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    return app;
  };

  it('takes the operationId a route declares', async () => {
    const app = await appWith((a) => {
      a.get('/api/x', { schema: { operationId: 'readX', response: { 200: z.object({ a: z.string() }) } } }, async () => ({ a: '' }));
    });
    expect((app.swagger() as unknown as Doc).paths['/api/x'].get.operationId).toBe('readX');
    await app.close();
  });

  it('refuses two routes with the same operationId at startup', async () => {
    await expect(appWith((a) => {
      a.get('/api/a-b', async () => ({}));
      a.get('/api/a/b', async () => ({}));
    })).rejects.toThrow(/GET \/api\/a\/b and GET \/api\/a-b both have operationId "getAB"/);
  });
});

describe('pruneComponents', () => {
  it('fails on a reference to a component that does not exist', () => {
    const dangling = { paths: { '/x': { get: { responses: { 200: { $ref: '#/components/schemas/schema0' } } } } }, components: { schemas: {} } };
    expect(() => pruneComponents(dangling)).toThrow(/schema0 is referenced but not defined/);
  });
});
