/** Commune / ward picker (xã, phường, đặc khu) searching GET /api/admin-units?level=commune&q=… as the user types. */
import type { Schemas } from '../api.ts';
import { RemoteSelect, type Option } from './remote-select.tsx';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialOption?: Option | null;
  placeholder?: string;
}

export const adminUnitOption = (u: Schemas['AdminUnit']): Option => ({
  value: u.id,
  label: u.parentName ? `${u.name}, ${u.parentName}` : u.name,
});

export function AdminUnitSelect(props: Props) {
  return <RemoteSelect {...props} path="/api/admin-units" query={{ level: 'commune' }} toOption={adminUnitOption} />;
}
