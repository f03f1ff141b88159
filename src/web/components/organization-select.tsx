/** Organisation picker searching GET /api/organizations?q=… (diacritics optional). */
import type { Schemas } from '../api.ts';
import { RemoteSelect, type Option } from './remote-select.tsx';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  initialOption?: Option | null;
  placeholder?: string;
}

const toOption = (o: Schemas['Organization']): Option => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name });

export function OrganizationSelect(props: Props) {
  return <RemoteSelect {...props} path="/api/organizations" toOption={toOption} />;
}
