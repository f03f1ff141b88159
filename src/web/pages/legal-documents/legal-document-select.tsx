/** Picker of the documents the province reads (GET /api/legal-documents), searching by number or title as the user types. */
import type { Schemas } from '../../api.ts';
import { RemoteSelect, type Option, type PickerProps } from '../../components/remote-select.tsx';

const toOption = (d: Schemas['LegalDocument']): Option => ({ value: d.id, label: `${d.number} — ${d.title}` });

export function LegalDocumentSelect(props: PickerProps) {
  return <RemoteSelect {...props} path="/api/legal-documents" toOption={toOption} />;
}
