import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const Role = z.enum(ROLES);

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** The province (DOST) and its administrative unit in force, whose communes its accounts may work in. */
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), provinceUnitId: z.uuid().nullable() }),
  organizationId: z.uuid().nullable(),
  agencyId: z.uuid().nullable(),
  adminUnitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({ user: Me, csrfToken: z.string() });

export const ApiTokenInput = z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(730).optional() });
export const ApiTokenCreated = z.object({ id: z.uuid(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() });
export const ApiTokenSummary = z.object({
  id: z.uuid(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
