/** Every feature's routes, registered by app.ts. A new module adds its plugin here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { organizationRoutes } from '../modules/organizations/organizations.routes.ts';
import { adminUnitRoutes } from '../modules/admin-units/admin-units.routes.ts';
import { scienceFieldRoutes } from '../modules/science-fields/science-fields.routes.ts';
import { peopleRoutes } from '../modules/people/people.routes.ts';
import { userRoutes } from '../modules/users/users.routes.ts';
import { ruleRoutes } from '../modules/rules/rules.routes.ts';
import { workflowRoutes } from '../modules/workflow/workflow.routes.ts';
import { councilRoutes } from '../modules/councils/councils.routes.ts';
import { organizationExportRoutes } from '../modules/exports/organizations-export.routes.ts';
import { taskRoutes } from '../modules/tasks/tasks.routes.ts';

export const featureRoutes: FastifyPluginAsyncZod[] = [
  authRoutes,
  auditRoutes,
  organizationRoutes,
  adminUnitRoutes,
  scienceFieldRoutes,
  peopleRoutes,
  userRoutes,
  ruleRoutes,
  workflowRoutes,
  councilRoutes,
  organizationExportRoutes,
  taskRoutes,
];
