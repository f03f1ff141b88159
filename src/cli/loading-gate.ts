/**
 * While `khcn serve --demo` prepares a fresh database (initdb, migrations, reference data, the demo seed) it
 * already listens, on a plain Node HTTP server that answers every request at once without any database: a page
 * that says the demo data is loading (and reloads itself) for a browser, 503 with Retry-After and
 * `{ code, message, details }` for the API and anything else, 200 for /healthz (the process is up). When the data
 * is ready, `handOver(app)` passes every request from then on to the Fastify app's own request handler, so the app
 * answers exactly as if it listened itself (its hooks, headers and routes), on the same port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { messages } from '../shared/i18n/messages.ts';

export const LOADING_CODE = 'common.demo_loading' as const;
const RETRY_AFTER_SECONDS = 2;

/** Printed after the listening line while the demo loads. */
export const LOADING_LINE = 'Đang nạp dữ liệu mẫu… / Loading demo data… (until then every request is answered "loading")';

export interface LoadingServer {
  /** The port listened on (the real one when asked for 0). */
  readonly port: number;
  /** From now on the app answers every request (the app is made ready first). */
  handOver(app: FastifyInstance): Promise<void>;
  /** Stops listening and ends the open connections. */
  close(): Promise<void>;
}

const text = (lang: 'vi' | 'en') => messages[lang][LOADING_CODE];

/** English only when the caller's first language is English (the app's default is Vietnamese). */
const langOf = (req: IncomingMessage): 'vi' | 'en' => (/^\s*en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'vi');

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The loading page: both languages, no script (the app's CSP allows none inline), reloads every 2 seconds. */
function page(): string {
  const vi = escape(text('vi'));
  const en = escape(text('en'));
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>${vi} · khcn</title>
<style>body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f5f5f5;color:#1f1f1f}
main{background:#fff;padding:32px 40px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12);max-width:32rem}
h1{font-size:1.4rem;margin:0 0 8px}p{margin:4px 0;color:#434343}</style></head>
<body><main role="status" aria-live="polite" data-testid="demo-loading"><h1>${vi}</h1>
<p lang="en">${en}</p><p>Trang sẽ tự tải lại khi dữ liệu sẵn sàng. <span lang="en">This page reloads by itself when the data is ready.</span></p>
</main></body></html>
`;
}

const HEADERS = {
  'cache-control': 'no-store',
  'retry-after': String(RETRY_AFTER_SECONDS),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

function answer(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    res.writeHead(200, { ...HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ status: 'ok', loading: true }));
    return;
  }
  const wantsPage = req.method === 'GET' && !path.startsWith('/api/') && /text\/html/.test(String(req.headers.accept ?? ''));
  if (wantsPage) {
    res.writeHead(503, { ...HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(page());
    return;
  }
  const lang = langOf(req);
  res.writeHead(503, { ...HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-language': lang })
    .end(JSON.stringify({ code: LOADING_CODE, message: text(lang), details: [] }));
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Listens at once and answers "loading" until `handOver`. */
export async function listenLoading(o: { port: number; host: string }): Promise<LoadingServer> {
  let handler: Handler | null = null;
  const server = createServer((req, res) => (handler ? handler(req, res) : answer(req, res)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : o.port,
    async handOver(app) {
      await app.ready();
      // Fastify's own request handler, the one its server would call (routing, hooks, error handling).
      const [fastifyHandler] = app.server.listeners('request') as Handler[];
      handler = (req, res) => fastifyHandler.call(app.server, req, res);
    },
    async close() {
      if (!server.listening) return;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
