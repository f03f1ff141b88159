/**
 * `npm run api:types`: writes src/web/api.gen.ts, the TypeScript types of the OpenAPI document (openapi-typescript),
 * from which the web's API client (src/web/api.ts) types every call. No database is needed: the app is built with
 * a database handle that throws if anything touches it, since routes only declare themselves at registration.
 * The output is deterministic (paths and components in name order), so the committed file can be compared with a
 * fresh generation (src/server/http/openapi.test.ts does, and `npm run typecheck` regenerates it first).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import type { Db, DbHandle } from '../src/server/db/client.ts';
import { buildApp } from '../src/server/http/app.ts';
import { OPENAPI_JSON_PATH } from '../src/server/http/openapi.ts';

export const API_TYPES_FILE = fileURLToPath(new URL('../src/web/api.gen.ts', import.meta.url));

const BANNER = `/**
 * GENERATED from the OpenAPI document (${OPENAPI_JSON_PATH}) by \`npm run api:types\` (scripts/openapi-types.ts).
 * Do not edit: change the route schemas and run \`npm run api:types\`.
 */
`;

/**
 * A database handle for building the app without a database: routes only declare themselves at registration, so
 * any use of it is a bug and fails the generation. (`getter`/`setter`/`then` are probed by Fastify and `await`.)
 */
const unusable = <T extends object>(name: string, members: Record<string, unknown> = {}) => new Proxy({} as T, {
  get(_target, prop) {
    if (typeof prop === 'symbol' || prop === 'then' || prop === 'getter' || prop === 'setter') return undefined;
    if (prop in members) return members[prop];
    throw new Error(`the OpenAPI document is built without a database, but ${name}.${prop} was used while building the app`);
  },
});
const noDatabase = unusable<DbHandle>('dbHandle', { db: unusable<Db>('db') });

type OpenApiDocument = { paths?: Record<string, unknown> };

/** The document as /api/docs/json serves it, from an app built without a database. */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const app = await buildApp({ dbHandle: noDatabase, webDir: null, logger: false });
  try {
    await app.ready();
    return structuredClone(app.swagger()) as OpenApiDocument;
  } finally {
    await app.close();
  }
}

/** The contents of src/web/api.gen.ts for a document. */
export async function renderApiTypes(doc: OpenApiDocument): Promise<string> {
  const sorted: OpenApiDocument = {
    ...doc,
    paths: Object.fromEntries(Object.entries(doc.paths ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  const ast = await openapiTS(sorted as unknown as Parameters<typeof openapiTS>[0]);
  return BANNER + astToString(ast);
}

export async function readCommittedApiTypes(): Promise<string | null> {
  return readFile(API_TYPES_FILE, 'utf8').catch(() => null);
}

async function main() {
  const text = await renderApiTypes(await openApiDocument());
  if ((await readCommittedApiTypes()) === text) {
    console.log(`${path.relative(process.cwd(), API_TYPES_FILE)} is up to date`);
    return;
  }
  await writeFile(API_TYPES_FILE, text);
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
