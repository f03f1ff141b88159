import { z } from 'zod';
import { Id, Version, requiredText, pageOf, Timestamps } from './common.ts';
import { Role } from './auth.ts';
import { PASSWORD_MAX, PASSWORD_MIN, passwordMessage, passwordProblem, type PasswordContext } from '../passwords.ts';

export { PASSWORD_MAX, PASSWORD_MIN };

/** Sign-in name: 3–50 characters, lower-case ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const Username = z.string().trim().superRefine((value, ctx) => {
  if (!/^[a-z0-9][a-z0-9._-]{2,49}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'user.username_format', params: { i18n: 'user.username_format' } });
  }
});

/** Adds the issue of a refused password (src/shared/passwords.ts), detail code `password_<reason>`, at `path`. */
function checkPassword(value: string, context: PasswordContext, ctx: z.RefinementCtx, path: PropertyKey[] = []) {
  const problem = passwordProblem(value, context);
  if (!problem) return;
  const i18n = passwordMessage(problem);
  ctx.addIssue({
    code: 'custom', path, message: i18n,
    params: { i18n, detail: `password_${problem}`, minimum: PASSWORD_MIN, maximum: PASSWORD_MAX },
  });
}

/**
 * A new password: 10 to 200 characters (a passphrase is fine), not common, repetitive or sequential. The account's
 * username and name are checked where the schema knows them (UserInput), and by the server on a reset.
 */
export const Password = z.string().superRefine((value, ctx) => checkPassword(value, {}, ctx));

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
}).superRefine(oneUnit).superRefine((u, ctx) => {
  // The policy without context already ran on the field; this adds what the username and name refuse.
  if (passwordProblem(u.password) === null) checkPassword(u.password, { username: u.username, displayName: u.displayName }, ctx, ['password']);
});
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

/** The states of an enterprise account request (account-requests.ts): waiting, then confirmed or refused. */
export const ACCOUNT_REQUEST_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export const AccountRequestStatus = z.enum(ACCOUNT_REQUEST_STATUSES);
export type AccountRequestStatus = z.infer<typeof AccountRequestStatus>;

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
  /** The account was asked for on the public form: the state of that request (null: an admin created it). */
  requestStatus: AccountRequestStatus.nullable(),
  version: z.number().int(),
  ...Timestamps,
});
export type User = z.infer<typeof User>;

export const UserListQuery = z.object({
  /** Words of the username or the name, diacritics optional (`tran thi` finds "Trần Thị Thu Hà"). */
  q: z.string().max(200).optional(),
  role: Role.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The accounts of one agency (its officers). */
  agencyId: Id.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserPage = pageOf(User);
