/**
 * Imported first by main.tsx. zod compiles object parsers with `new Function` when it can, and probes for that with
 * `Function('')`; the app's Content-Security-Policy (no 'unsafe-eval', http/security-headers.ts) refuses it and the
 * browser reports a violation. Telling zod not to try keeps the policy strict and the console clean; parsing a form
 * is no slower to notice.
 */
import { z } from 'zod';

z.config({ jitless: true });
