/** Keyset paging by (sort_key, id): the cursor is opaque to clients. */
import { AppError } from '../errors.ts';

export interface NameCursor { k: string; id: string }

export function encodeCursor(c: NameCursor): string {
  return Buffer.from(JSON.stringify([c.k, c.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): NameCursor | null {
  if (!cursor) return null;
  try {
    const [k, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof k === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { k, id };
  } catch {
    // fall through
  }
  throw new AppError('common.bad_cursor', { status: 400 });
}

/** Cuts a page fetched with limit+1 rows and builds the next cursor. */
export function page<R extends { id: string; sortKey: string }, T>(rows: R[], limit: number, toItem: (r: R) => T) {
  const hasMore = rows.length > limit;
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(toItem), nextCursor: hasMore && last ? encodeCursor({ k: last.sortKey, id: last.id }) : null };
}
