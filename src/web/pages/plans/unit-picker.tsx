/**
 * A unit of a plan item: a department or agency of the province, or an administrative unit (commune, district,
 * province), each listed as in force on a date (the item's start). The admin-unit picker is the indicators pages'
 * one; agencies are searched with GET /api/agencies?asOf=….
 */
import { useEffect, useState } from 'react';
import { Flex, Radio } from 'antd';
import type { Schemas } from '../../api.ts';
import { RemoteSelect, type Option } from '../../components/remote-select.tsx';
import { AdminUnitPicker } from '../indicators/admin-unit-picker.tsx';
import { usePlanText } from './plans.text.ts';

export interface UnitValue { agencyId?: string | null; adminUnitId?: string | null }
type Kind = 'agency' | 'adminUnit';

const agencyOption = (a: Schemas['Agency']): Option => ({ value: a.id, label: a.parentName ? `${a.name} — ${a.parentName}` : a.name });

export function AgencyPicker({ asOf, ...props }: { asOf: string; id?: string; value?: string | null; onChange?: (v: string | null) => void; initialOption?: Option | null; placeholder?: string; 'aria-label'?: string }) {
  return <RemoteSelect {...props} path="/api/agencies" query={{ asOf }} toOption={agencyOption} />;
}

interface Props {
  id?: string;
  value?: UnitValue | null;
  onChange?: (v: UnitValue | null) => void;
  /** The day the unit must be in force on. */
  asOf: string;
  /** Names of units already chosen (the record's), shown before any search. */
  known?: readonly { agencyId: string | null; adminUnitId: string | null; name: string }[];
  /** The accessible name of the pickers (e.g. "Đơn vị chủ trì"). */
  label: string;
}

export function UnitField({ id, value, onChange, asOf, known = [], label }: Props) {
  const { s } = usePlanText();
  const [kind, setKind] = useState<Kind>(value?.adminUnitId ? 'adminUnit' : 'agency');
  useEffect(() => {
    if (value?.adminUnitId) setKind('adminUnit');
    else if (value?.agencyId) setKind('agency');
  }, [value?.adminUnitId, value?.agencyId]);
  const chosen = value?.agencyId ?? value?.adminUnitId ?? null;
  const name = known.find((k) => (k.agencyId ?? k.adminUnitId) === chosen)?.name;
  const initialOption = chosen && name ? { value: chosen, label: name } : null;
  return (
    <Flex vertical gap={6}>
      <Radio.Group
        aria-label={`${label}: ${s.itemForm.unitKind}`} value={kind} optionType="button" size="small"
        onChange={(e) => { setKind(e.target.value as Kind); onChange?.(null); }}
        options={[{ value: 'agency', label: s.itemForm.agency }, { value: 'adminUnit', label: s.itemForm.adminUnit }]}
      />
      {kind === 'agency' ? (
        <AgencyPicker
          id={id} asOf={asOf} aria-label={`${label}: ${s.itemForm.agency}`} placeholder={s.itemForm.agencyPlaceholder}
          value={value?.agencyId ?? null} initialOption={value?.agencyId ? initialOption : null}
          onChange={(v) => onChange?.(v ? { agencyId: v, adminUnitId: null } : null)}
        />
      ) : (
        <AdminUnitPicker
          id={id} asOf={asOf} aria-label={`${label}: ${s.itemForm.adminUnit}`} placeholder={s.itemForm.adminUnitPlaceholder}
          value={value?.adminUnitId ?? null} initialOption={value?.adminUnitId ? initialOption : null}
          onChange={(v) => onChange?.(v ? { agencyId: null, adminUnitId: v } : null)}
        />
      )}
    </Flex>
  );
}
