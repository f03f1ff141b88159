/**
 * Keyset paging by (search rank, sort_key, id): the cursor is opaque to clients. `r` is the row's diacritic-exact
 * rank (db/search.ts; 0 for lists without one). Cursors of the earlier two-element form are refused (400).
 */
import { AppError } from '../errors.ts';

export interface NameCursor { k: string; id: string; r: number }

export function encodeCursor(c: NameCursor): string {
  return Buffer.from(JSON.stringify([c.r, c.k, c.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): NameCursor | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const [r, k, id] = Array.isArray(parts) && parts.length === 3 ? parts : [];
    if (Number.isInteger(r) && typeof k === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { r: r as number, k, id };
  } catch {
    // fall through
  }
  throw new AppError('common.bad_cursor', { status: 400 });
}

/** Cuts a page fetched with limit+1 rows and builds the next cursor. */
export function page<R extends { id: string; sortKey: string; searchRank?: number | string | null }, T>(rows: R[], limit: number, toItem: (r: R) => T) {
  const hasMore = rows.length > limit;
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(toItem), nextCursor: hasMore && last ? encodeCursor({ r: Number(last.searchRank ?? 0), k: last.sortKey, id: last.id }) : null };
}
