/** What changed in an audit entry: the fields whose value differs between `before` and `after`. */
type Row = Record<string, unknown>;

/** Bookkeeping columns that change on every write and say nothing to the reader. */
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'tenantId', 'searchText', 'sortKey']);
/** Id fields shown through their name companion instead of a uuid. */
const SHOWN_BY_NAME: Record<string, string> = { adminUnitId: 'adminUnitName', organizationId: 'organizationName' };

export interface FieldChange { field: string; before: unknown; after: unknown }

export const asRow = (v: unknown): Row => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : {});
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value differs between before and after (all filled fields of a create or a delete). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRow(before);
  const a = asRow(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !HIDDEN.has(k) && !(SHOWN_BY_NAME[k] && (SHOWN_BY_NAME[k] in a || SHOWN_BY_NAME[k] in b)));
  return keys.filter((k) => !same(b[k], a[k])).map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}
