/**
 * What a feature module declares about itself. The app (routes), the migrator (reference loaders), the demo seed and
 * the worker read these manifests through `modules/index.ts`; nothing is registered because a file was imported.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../db/client.ts';
import type { Lang } from '../../shared/i18n/messages.ts';
import type { JobDefinition } from './jobs/jobs.types.ts';

/** Reference data a module needs in every installation (national default rules, code lists); idempotent. */
export type ReferenceLoader = (h: DbHandle) => Promise<void>;

export interface ModuleManifest {
  /** The module's folder under src/server/modules/. */
  name: string;
  /** Fastify plugins with the module's routes. */
  routes?: FastifyPluginAsyncZod[];
  /** The module's own Drizzle tables (its `<name>.tables.ts`): only this module writes them. */
  tables?: Record<string, PgTable>;
  /**
   * Modules whose tables this one joins for reading (to show a name, to filter). Checks and writes on their rows go
   * through their services; `scripts/check-boundaries.ts` enforces both.
   */
  reads?: string[];
  /** Run after the migrations by `khcn db migrate`, `serve` and the test setup, in manifest order. */
  referenceLoaders?: ReferenceLoader[];
  /** The module's error/notice texts (also part of the shared catalogue in src/shared/i18n/messages.ts). */
  messages?: Record<Lang, Record<string, string>>;
  /**
   * Registrations with other modules: rule keys, workflows, council subjects (later: formula sources, job kinds).
   * Called once per process, before routes or loaders run; must be safe to call again.
   */
  register?: () => void;
  /** Work done on a schedule, idempotent (modules/jobs: pg-boss on PostgreSQL, in-process on PGlite). */
  jobs?: JobDefinition[];
}

export const defineModule = (m: ModuleManifest): ModuleManifest => m;
