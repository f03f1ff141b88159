/** Organisation picker searching GET /api/organizations?q=… (diacritics optional). */
import type { Schemas } from '../api.ts';
import { RemoteSelect, type Option, type PickerProps } from './remote-select.tsx';

type Props = PickerProps;

const toOption = (o: Schemas['Organization']): Option => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name });

export function OrganizationSelect(props: Props) {
  return <RemoteSelect {...props} path="/api/organizations" toOption={toOption} />;
}
