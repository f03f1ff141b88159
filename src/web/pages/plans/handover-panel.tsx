/**
 * For the department, on an item whose responsible unit has ended (An Giang's districts on 01/07/2025): "was: <old
 * unit>", who carries it now, and a picker of the successor units (or any other unit in force today) to hand it
 * over to; once named, the item can go back to the successors. PUT /api/plan-items/:id/handover with the version.
 */
import { useState } from 'react';
import { Alert, Button, Flex, Form, Select, Typography } from 'antd';
import { SwapOutlined, UndoOutlined } from '@ant-design/icons';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { api } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import type { ItemDetail } from './plan-ui.tsx';
import { fill, usePlanText } from './plans.text.ts';
import { UnitField, type UnitValue } from './unit-picker.tsx';

/** Whether the panel applies: the unit as signed ended, or the department named a unit. */
export const needsHandover = (item: ItemDetail) => item.mayEdit && (item.was !== null || item.handover !== null || item.successors.length > 0);

export function HandoverPanel({ item, onChanged, onReload }: { item: ItemDetail; onChanged(item: ItemDetail): void; onReload(): void }) {
  const { s } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [target, setTarget] = useState<UnitValue | null>(null);
  const [busy, setBusy] = useState(false);
  const successors = [...item.successors].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const pickedSuccessor = target?.adminUnitId && successors.some((u) => u.adminUnitId === target.adminUnitId) ? target.adminUnitId : undefined;
  const ended = item.responsible.validTo;

  const send = async (unit: UnitValue | null) => {
    setBusy(true);
    try {
      await api.put('/api/plan-items/{id}/handover', {
        params: { id: item.id },
        body: { unit: unit ? { agencyId: unit.agencyId ?? null, adminUnitId: unit.adminUnitId ?? null } : null, version: item.version },
      });
      showSuccess(unit ? s.handover.done : s.handover.cleared);
      setTarget(null);
      onChanged(await api.get('/api/plan-items/{id}', { params: { id: item.id } }));
    } catch (e) {
      showError(e, { onReload });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={s.handover.title}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>{s.handover.title}</Typography.Title>
      <Flex vertical gap={8}>
        {ended && ended < todayInVietnam() && <Alert type="warning" showIcon title={fill(s.handover.ended, { unit: item.responsible.name, date: formatDay(ended) ?? ended })} />}
        <Typography.Text>{fill(s.handover.current, { units: item.owners.map((o) => o.name).join('; ') })}</Typography.Text>
        {item.handover && <Typography.Text type="secondary">{fill(s.handover.named, { unit: item.handover.name })}</Typography.Text>}
        <Form layout="vertical" name="plan_handover" component="div">
          {successors.length > 0 && (
            <Form.Item label={s.handover.successors} htmlFor="plan_handover_successor">
              <Select
                id="plan_handover_successor" placeholder={s.handover.successorsPlaceholder} value={pickedSuccessor} allowClear showSearch optionFilterProp="label"
                onChange={(v?: string) => setTarget(v ? { agencyId: null, adminUnitId: v } : null)}
                options={successors.map((u) => ({ value: u.adminUnitId!, label: u.name }))}
              />
            </Form.Item>
          )}
          <Form.Item label={s.handover.other}>
            <UnitField asOf={todayInVietnam()} value={pickedSuccessor ? null : target} onChange={setTarget} label={s.handover.other} />
          </Form.Item>
        </Form>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<SwapOutlined />} disabled={!target} loading={busy} onClick={() => void send(target)}>{s.handover.submit}</Button>
          {item.handover && <Button icon={<UndoOutlined />} loading={busy} onClick={() => void send(null)}>{s.handover.clear}</Button>}
        </Flex>
      </Flex>
    </section>
  );
}
