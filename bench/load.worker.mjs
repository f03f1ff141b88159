// Load generator for bench/run.ts, in its own thread so it does not share the server's event loop.
// workerData: { url, paths: string[], headers, connections, seconds, warmupSeconds }.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, headers, connections, seconds, warmupSeconds } = workerData;
let next = 0;

// Inside a worker thread autocannon returns raw histograms; aggregateResult turns them into the usual result.
function run(duration) {
  const opts = { url, connections, duration, headers };
  return new Promise((resolve, reject) => {
    autocannon({
      ...opts,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    }, (err, raw) => (err ? reject(err) : resolve(autocannon.aggregateResult([raw], opts))));
  });
}

if (warmupSeconds > 0) await run(warmupSeconds);
const r = await run(seconds);
parentPort.postMessage({
  rps: r.requests.total / r.duration,
  total: r.requests.total,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  latencyP50: r.latency.p50,
  latencyP99: r.latency.p99,
});
