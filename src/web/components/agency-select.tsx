/** Picker of the province's agencies in force today (GET /api/agencies?asOf=…), searching as the user types. */
import { todayInVietnam } from '../../lib/vi/dates.ts';
import type { Schemas } from '../api.ts';
import { RemoteSelect, type Option, type PickerProps } from './remote-select.tsx';

type Props = PickerProps;

const toOption = (a: Schemas['Agency']): Option => ({
  value: a.id,
  label: a.parentName ? `${a.name} — ${a.parentName}` : a.name,
});

export function AgencySelect(props: Props) {
  return <RemoteSelect {...props} path="/api/agencies" query={{ asOf: todayInVietnam() }} toOption={toOption} />;
}
