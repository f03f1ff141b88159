import { z } from 'zod';

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

/** Record version for optimistic locking: sent back on update, a stale one gets 409. */
export const Version = z.number().int().min(1);

// A lone UTF-16 surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * THE text check, for every string a request carries: no NUL (PostgreSQL text cannot hold it) and no lone
 * surrogate (not Unicode; jsonb, hence the audit log, refuses it). The schemas below use it, and http/text-guard.ts
 * applies it to every string of every request, so a schema with a bare `z.string()` is covered too.
 */
export const isCleanText = (value: string): boolean => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

/** The issue of a string that fails `isCleanText`: detail code `invalid_text`, message `common.invalid_text`. */
export const INVALID_TEXT = { message: 'common.invalid_text', params: { i18n: 'common.invalid_text', detail: 'invalid_text' } } as const;

/** A string that passes the text check; the base of every text field. */
export const CleanString = z.string().refine(isCleanText, INVALID_TEXT);
const clean = () => z.string().refine(isCleanText, INVALID_TEXT);

/** Trimmed text with a length limit; empty strings become null where the field is optional. */
export const text = (max: number) => clean().trim().max(max);
export const requiredText = (max: number) => clean().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), clean().trim().max(max).nullable())
    .optional();

/** A text in both UI languages (names of stages, criteria, rule descriptions…). */
export const LocalizedText = z.object({ vi: requiredText(300), en: requiredText(300) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** ISO date `yyyy-mm-dd` (the API's date format; the UI shows dd/mm/yyyy). */
export const IsoDate = z.iso.date();

export const PageQuery = z.object({
  q: z.string().trim().max(200).optional(),
  // Keyset cursor: the row's sort key (up to 3 code points per name character) and id, base64url.
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** `total=true` on a list that counts: its page also says how many rows match (see `countedPageOf`). */
export const TotalQuery = { total: z.enum(['true', 'false']).transform((v) => v === 'true').optional() };

/**
 * A page of a list that counts its matches when asked (`total=true`): `total` is exact up to 1,000 rows; beyond that
 * it is an estimate and `totalIsEstimate` is true (shown as "about N").
 */
export const countedPageOf = <T extends z.ZodType>(item: T) =>
  pageOf(item).extend({ total: z.number().int().optional(), totalIsEstimate: z.boolean().optional() });

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

export const Timestamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
};
