/** Every feature's routes, registered by app.ts. A new module adds its plugin here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { organizationRoutes } from '../modules/organizations/organizations.routes.ts';

export const featureRoutes: FastifyPluginAsyncZod[] = [
  authRoutes,
  auditRoutes,
  organizationRoutes,
];
