/**
 * The endpoints for the people who run khcn, outside /api (no session, no CSRF, no rate limit, no audit, not in the
 * OpenAPI document): /healthz and /readyz (health.ts), /metrics (metrics.ts). docs/OPERATIONS.md tells a
 * province's IT team how to use them.
 */
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../db/client.ts';
import type { JobWorker } from '../modules/jobs/jobs.service.ts';
import { installHealth } from './health.ts';
import { installMetrics } from './metrics.ts';

export interface OperationsOptions {
  dbHandle: DbHandle;
  /** The job worker this process runs (`khcn serve` without --no-worker); none: not required for readiness. */
  worker?: JobWorker | null;
  /** /metrics readers besides loopback (default: env KHCN_METRICS_ALLOW). */
  metricsAllow?: string[];
  /** The readiness query's time limit (default 2 s). */
  readyTimeoutMs?: number;
}

export function installOperations(app: FastifyInstance, o: OperationsOptions) {
  const worker = o.worker ?? null;
  installMetrics(app, { dbHandle: o.dbHandle, worker, allow: o.metricsAllow });
  installHealth(app, { dbHandle: o.dbHandle, worker, timeoutMs: o.readyTimeoutMs });
}
