/**
 * Prometheus metrics at GET /metrics (text exposition format, prom-client), one registry per app:
 *   khcn_http_requests_total{method,route,status_code}   answered requests; `route` is the route's pattern
 *                                                        (/api/tasks/:id), `unmatched` for a 404 of no route
 *   khcn_http_request_duration_seconds{method,route}     latency histogram
 *   khcn_job_queue_depth{job}                            runs waiting: pg-boss's queue size on PostgreSQL (every
 *                                                        worker's), this process's scheduler on PGlite
 *   khcn_reminders_sent{kind}                            reminders sent (inbox items with a period key), counted in
 *                                                        the database, so the same from any process
 *   khcn_sign_ins_refused_total{reason}                  refused sign-ins: invalid_credentials (401),
 *                                                        account_disabled (403), throttled (429)
 *   process_*, nodejs_*                                  prom-client's default process metrics
 * The probes and /metrics itself are not counted. /metrics answers only the loopback interface and the addresses or
 * CIDR ranges of KHCN_METRICS_ALLOW (comma-separated); anyone else gets the app's ordinary 404. A request forwarded
 * by a proxy that is not trusted (KHCN_TRUSTED_PROXIES) carries an X-Forwarded-For its socket address cannot vouch
 * for, so it is refused even from the loopback interface (nginx on the same host must not open /metrics to all).
 */
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DbHandle } from '../db/client.ts';
import { moduleJobs } from '../modules/index.ts';
import { queueDepths, type JobWorker } from '../modules/jobs/jobs.service.ts';
import { remindersSent } from '../modules/inbox/inbox.service.ts';
import { OPS_ROUTES } from './health.ts';

export interface MetricsOptions {
  dbHandle: DbHandle;
  worker: JobWorker | null;
  /** Who may read /metrics besides loopback: addresses or CIDR ranges. Default: env KHCN_METRICS_ALLOW. */
  allow?: string[];
}

const LOGIN_ROUTE = '/api/auth/login';
const REFUSALS: Record<number, string> = { 401: 'invalid_credentials', 403: 'account_disabled', 429: 'throttled' };
const UNCOUNTED = new Set<string>([...OPS_ROUTES, '/metrics']);
const COLLECT_TIMEOUT_MS = 2_000;

/** `KHCN_METRICS_ALLOW`: addresses or CIDR ranges, comma- or space-separated. */
export function parseMetricsAllow(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** An IPv4 address seen through an IPv6 socket (::ffff:10.0.0.5) as plain IPv4. */
const plain = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);
const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Loopback plus the listed addresses and ranges; a malformed entry is an error at start, never silently open. */
export function metricsAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  for (const entry of entries) {
    const [address, prefix, extra] = plain(entry).split('/');
    const v = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    if (!v || extra !== undefined || (bits !== null && (!Number.isInteger(bits) || bits < 0 || bits > (v === 4 ? 32 : 128)))) {
      throw new Error(`KHCN_METRICS_ALLOW: "${entry}" is not an IP address or a CIDR range`);
    }
    if (bits === null) list.addAddress(address, family(address));
    else list.addSubnet(address, bits, family(address));
  }
  return list;
}

function mayRead(req: FastifyRequest, allowed: BlockList): boolean {
  // X-Forwarded-For that the trusted-proxy setting did not resolve: the real client is unknown.
  if (req.headers['x-forwarded-for'] !== undefined && req.ip === req.socket.remoteAddress) return false;
  const address = plain(req.ip);
  return isIP(address) !== 0 && allowed.check(address, family(address));
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export function installMetrics(app: FastifyInstance, o: MetricsOptions) {
  const allowed = metricsAllowList(o.allow ?? parseMetricsAllow(process.env.KHCN_METRICS_ALLOW));
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'khcn_http_requests_total', help: 'HTTP requests answered, by route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const, registers: [registry],
  });
  const latency = new Histogram({
    name: 'khcn_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route pattern',
    labelNames: ['method', 'route'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const refused = new Counter({
    name: 'khcn_sign_ins_refused_total', help: 'Sign-ins refused: invalid_credentials, account_disabled, throttled',
    labelNames: ['reason'] as const, registers: [registry],
  });
  for (const reason of Object.values(REFUSALS)) refused.inc({ reason }, 0);

  const log = app.log;
  new Gauge({
    name: 'khcn_job_queue_depth', help: 'Runs of each scheduled job waiting (pg-boss queue on PostgreSQL, this process on PGlite)',
    labelNames: ['job'] as const, registers: [registry],
    async collect() {
      this.reset();
      try {
        const depths = await within(queueDepths(o.dbHandle, moduleJobs(), o.worker), COLLECT_TIMEOUT_MS);
        for (const [job, n] of Object.entries(depths)) this.set({ job }, n);
      } catch (err) {
        log.warn({ err }, 'metrics: job queue depth not available');
      }
    },
  });

  new Gauge({
    name: 'khcn_reminders_sent', help: 'Reminders sent since installation (inbox items with a period key), by kind',
    labelNames: ['kind'] as const, registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const r of await within(remindersSent(o.dbHandle.db), COLLECT_TIMEOUT_MS)) this.set({ kind: r.kind }, r.count);
      } catch (err) {
        log.warn({ err }, 'metrics: reminder counts not available');
      }
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url;
    if (route !== undefined && UNCOUNTED.has(route)) return;
    const labels = { method: req.method, route: route ?? 'unmatched' };
    requests.inc({ ...labels, status_code: String(reply.statusCode) });
    latency.observe(labels, reply.elapsedTime / 1000);
    const reason = route === LOGIN_ROUTE && req.method === 'POST' ? REFUSALS[reply.statusCode] : undefined;
    if (reason) refused.inc({ reason });
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayRead(req, allowed)) {
      reply.callNotFound();
      return reply;
    }
    const text = await registry.metrics();
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
