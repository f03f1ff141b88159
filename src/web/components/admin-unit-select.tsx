/** Commune / ward picker (xã, phường, đặc khu) searching GET /api/admin-units?level=commune&q=… as the user types. */
import type { Schemas } from '../api.ts';
import { RemoteSelect, type Option, type PickerProps } from './remote-select.tsx';

interface Props extends PickerProps {
  /** Only the communes of this province (its administrative unit id). */
  parentId?: string | null;
}

export const adminUnitOption = (u: Schemas['AdminUnit']): Option => ({
  value: u.id,
  label: u.parentName ? `${u.name}, ${u.parentName}` : u.name,
});

export function AdminUnitSelect({ parentId, ...props }: Props) {
  return (
    <RemoteSelect {...props} path="/api/admin-units" query={{ level: 'commune', ...(parentId ? { parentId } : {}) }} toOption={adminUnitOption} />
  );
}
