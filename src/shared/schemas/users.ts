import { z } from 'zod';
import { Id, Version, requiredText, pageOf, Timestamps } from './common.ts';
import { Role } from './auth.ts';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Sign-in name: 3–50 characters, lower-case ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const Username = z.string().trim().superRefine((value, ctx) => {
  if (!/^[a-z0-9][a-z0-9._-]{2,49}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'user.username_format', params: { i18n: 'user.username_format' } });
  }
});

/** A new password: at least 10 characters (a passphrase is fine), at most 200. */
export const Password = z.string().superRefine((value, ctx) => {
  if (value.length < PASSWORD_MIN || value.length > PASSWORD_MAX) {
    ctx.addIssue({
      code: 'custom', message: 'user.password_length',
      params: { i18n: 'user.password_length', minimum: PASSWORD_MIN, maximum: PASSWORD_MAX },
    });
  }
});

/** An account works in one unit: an agency or a commune, not both. */
function oneUnit(u: { agencyId?: string | null; adminUnitId?: string | null }, ctx: z.RefinementCtx) {
  if (u.agencyId && u.adminUnitId) {
    ctx.addIssue({ code: 'custom', path: ['adminUnitId'], message: 'user.one_unit', params: { i18n: 'user.one_unit' } });
  }
}

const email = z.preprocess((v) => (v === '' ? null : v), z.email().max(200).nullable()).optional();

/** A new account (admins create accounts of their own province). */
export const UserInput = z.object({
  username: Username,
  displayName: requiredText(200),
  password: Password,
  role: Role,
  /** The organisation an applicant (enterprise) account acts for. */
  organizationId: Id.nullable().optional(),
  /** The unit the account works in: an agency of the province (a department, the People's Committee…)… */
  agencyId: Id.nullable().optional(),
  /** …or a commune in force (for a commune's officers). At most one of the two. */
  adminUnitId: Id.nullable().optional(),
  email,
}).superRefine(oneUnit);
export type UserInput = z.infer<typeof UserInput>;

/** What an admin may change on an account; the password has its own route and the username never changes. */
export const UserUpdate = z.object({
  displayName: requiredText(200),
  role: Role,
  active: z.boolean(),
  organizationId: Id.nullable().optional(),
  agencyId: Id.nullable().optional(),
  adminUnitId: Id.nullable().optional(),
  email,
  version: Version,
}).superRefine(oneUnit);
export type UserUpdate = z.infer<typeof UserUpdate>;

export const PasswordReset = z.object({ password: Password });
export type PasswordReset = z.infer<typeof PasswordReset>;

/** An account as the API shows it: never the password hash. */
export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: Role,
  organizationId: Id.nullable(),
  organizationName: z.string().nullable(),
  agencyId: Id.nullable(),
  adminUnitId: Id.nullable(),
  /** The name of the agency or commune. */
  unitName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  ...Timestamps,
});
export type User = z.infer<typeof User>;

export const UserListQuery = z.object({
  role: Role.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The accounts of one agency (its officers). */
  agencyId: Id.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserPage = pageOf(User);
