/**
 * Security headers on every answer (API, web app, /api/docs), with @fastify/helmet and what it does not set:
 *  - Content-Security-Policy: scripts from the app itself only (the built app has no inline script; Vite emits
 *    module files), no plugins, no framing (`frame-ancestors 'none'`). Styles allow 'unsafe-inline' because Ant Design
 *    (CSS-in-JS) and ECharts set styles at run time; a static SPA has no per-response nonce to give them. Swagger UI
 *    at /api/docs works under the same policy (its initializer is a file; images are data: URIs).
 *  - Referrer-Policy no-referrer, X-Content-Type-Options nosniff, X-Frame-Options DENY, COOP/CORP same-origin
 *    (helmet); Permissions-Policy (here) turns off the browser features the app never uses.
 *  - Strict-Transport-Security only when the request came over https (req.protocol, which trusts a forwarded
 *    protocol from a configured trusted proxy only): sent over plain http it would pin a LAN install to https.
 *  - Cache-Control: no-store on every answer to an authenticated API request and on the sign-in routes, so no
 *    shared or browser cache keeps a province's records or a session (a route that set its own keeps it).
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  // helmet adds upgrade-insecure-requests by default: on a plain-http LAN install it would break every asset.
  upgradeInsecureRequests: null,
};

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()';
const HSTS = 'max-age=31536000; includeSubDomains';

export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  app.addHook('onSend', async (req, reply) => {
    const url = req.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs') || reply.hasHeader('cache-control')) return;
    if (req.actor || url.startsWith('/api/auth/')) reply.header('cache-control', 'no-store');
  });
}
