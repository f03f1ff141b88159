/** Commune / ward picker (xã, phường, đặc khu) searching GET /api/admin-units?level=commune&q=… as the user types. */
import { RemoteSelect, type Option } from './remote-select.tsx';

/** One unit as the admin-units endpoint lists it. */
export interface AdminUnitItem {
  id: string;
  name: string;
  code: string;
  level: string;
  parentName?: string | null;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialOption?: Option | null;
  placeholder?: string;
}

export const adminUnitOption = (u: AdminUnitItem): Option => ({
  value: u.id,
  label: u.parentName ? `${u.name}, ${u.parentName}` : u.name,
});

export function AdminUnitSelect(props: Props) {
  return <RemoteSelect<AdminUnitItem> {...props} path="/api/admin-units" query={{ level: 'commune' }} toOption={adminUnitOption} />;
}
