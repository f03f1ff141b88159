/**
 * Enterprise account requests (yêu cầu tài khoản doanh nghiệp): the public form a company's employee fills in, and
 * the DOST officer's queue that confirms or refuses them. The server (users module) and the web form use these.
 */
import { z } from 'zod';
import { Id, Version, pageOf, requiredText } from './common.ts';
import { TaxCode } from './organizations.ts';
import { AccountRequestStatus, Password, Username } from './users.ts';
import { passwordMessage, passwordProblem, PASSWORD_MAX, PASSWORD_MIN } from '../passwords.ts';

export { ACCOUNT_REQUEST_STATUSES, AccountRequestStatus } from './users.ts';

/** A province by its slug (`tay-ninh`). */
export const ProvinceSlug = z.string().trim().min(1).max(100);

/** A phone number as people write it: digits, spaces, `+`, `.`, `-`, parentheses; 8 to 15 digits. */
export const Phone = requiredText(30).superRefine((value, ctx) => {
  const digits = value.replace(/\D/g, '').length;
  if (!/^[0-9+().\s-]+$/.test(value) || digits < 8 || digits > 15) {
    ctx.addIssue({ code: 'custom', message: 'account_request.phone_format', params: { i18n: 'account_request.phone_format' } });
  }
});

/** What the public form needs before it is filled in: the provinces, and a CSRF token for sending it. */
export const AccountRequestForm = z.object({
  provinces: z.array(z.object({ slug: z.string(), name: z.string() })),
  csrfToken: z.string(),
});

/** Which organisation of the province has exactly this tax code (the form shows its name, nothing else). */
export const OrganizationLookupQuery = z.object({ province: ProvinceSlug, taxCode: TaxCode });
export const OrganizationLookup = z.object({ name: z.string() });

/** The public form: the company by its tax code, the person, and the account they want. */
export const AccountRequestInput = z.object({
  province: ProvinceSlug,
  taxCode: TaxCode,
  displayName: requiredText(200),
  position: requiredText(200),
  email: z.email().max(200),
  phone: Phone,
  username: Username,
  password: Password,
}).superRefine((u, ctx) => {
  // As for an account an admin creates: not the username or the name.
  if (passwordProblem(u.password) !== null) return;
  const problem = passwordProblem(u.password, { username: u.username, displayName: u.displayName });
  if (!problem) return;
  const i18n = passwordMessage(problem);
  ctx.addIssue({
    code: 'custom', path: ['password'], message: i18n,
    params: { i18n, detail: `password_${problem}`, minimum: PASSWORD_MIN, maximum: PASSWORD_MAX },
  });
});
export type AccountRequestInput = z.infer<typeof AccountRequestInput>;

/** The answer to the form: the request is waiting for the DOST. */
export const AccountRequestReceipt = z.object({
  id: Id,
  status: AccountRequestStatus,
  username: z.string(),
  organizationName: z.string(),
  /** Whether a receipt was queued by e-mail (only when the installation sends mail). */
  mailed: z.boolean(),
});

export const AccountRequestListQuery = z.object({
  status: AccountRequestStatus.default('pending'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AccountRequestListQuery = z.infer<typeof AccountRequestListQuery>;

/** An account the organisation already holds (shown beside a request). */
export const OrganizationAccount = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  /** Waiting for confirmation too. */
  pending: z.boolean(),
});

/** A request as the DOST officer sees it. */
export const AccountRequest = z.object({
  id: Id,
  status: AccountRequestStatus,
  user: z.object({ id: Id, username: z.string(), displayName: z.string(), email: z.string().nullable() }),
  phone: z.string(),
  position: z.string(),
  organization: z.object({ id: Id, name: z.string(), taxCode: z.string().nullable() }),
  /** The organisation's other accounts, by username. */
  otherAccounts: z.array(OrganizationAccount),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type AccountRequest = z.infer<typeof AccountRequest>;

export const AccountRequestPage = pageOf(AccountRequest);

export const AccountRequestConfirm = z.object({ version: Version });
export const AccountRequestRefuse = z.object({ version: Version, reason: requiredText(1000) });
export type AccountRequestRefuse = z.infer<typeof AccountRequestRefuse>;
