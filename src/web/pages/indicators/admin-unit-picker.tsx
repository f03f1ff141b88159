/** Any administrative unit (province, district, commune) in force on a date, searched as the user types. */
import { adminUnitOption } from '../../components/admin-unit-select.tsx';
import { RemoteSelect, type PickerProps } from '../../components/remote-select.tsx';

export function AdminUnitPicker({ asOf, ...props }: PickerProps & { asOf?: string }) {
  return <RemoteSelect {...props} path="/api/admin-units" query={asOf ? { asOf } : {}} toOption={adminUnitOption} />;
}
