/**
 * Add or edit a plan item: its group, number and title, the responsible unit and co-operating units (agencies or
 * administrative units in force on the item's start), start and deadline (dd/mm/yyyy), expected output, note and
 * the indicators it serves. Checked with the shared ItemInput / ItemUpdate schema; the server's field problems land
 * on the fields; a 409 keeps the form as typed and offers to load the saved item instead.
 */
import { useEffect, useState } from 'react';
import { App, Button, Col, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ItemInput, ItemUpdate } from '../../../shared/schemas/plans.ts';
import { formatDay } from '../../format.ts';
import { api, isApiError, type ResponseOf } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useFeedback } from '../../feedback.tsx';
import { serverPathToField, validateWith, type FieldError } from '../../form-validation.ts';
import { fieldProblems } from '../../api.ts';
import type { ItemDetail, PlanDetail } from './plan-ui.tsx';
import { fill, usePlanText } from './plans.text.ts';
import { UnitField, type UnitValue } from './unit-picker.tsx';

interface FormValues {
  groupId?: string; code?: string; title?: string; responsible?: UnitValue | null; partners?: (UnitValue | null)[];
  startsOn?: string | null; deadline?: string | null; expectedOutput?: string; note?: string; indicatorIds?: string[];
}

/** A problem's path as the form names its fields: a unit picker is one field (`responsible`, `partners.2`). */
function fieldOf(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'responsible') return ['responsible'];
  if (path[0] === 'partners' && typeof path[1] === 'number') return ['partners', path[1]];
  return path.slice(0, 1);
}
const FIELDS = ['groupId', 'code', 'title', 'responsible', 'partners', 'startsOn', 'deadline', 'expectedOutput', 'note', 'indicatorIds'];

const toForm = (item: ItemDetail, indicatorIds: string[]): FormValues => ({
  groupId: item.groupId, code: item.code ?? '', title: item.title,
  responsible: { agencyId: item.responsible.agencyId, adminUnitId: item.responsible.adminUnitId },
  partners: item.partners.map((p) => ({ agencyId: p.agencyId, adminUnitId: p.adminUnitId })),
  startsOn: item.startsOn, deadline: item.deadline, expectedOutput: item.expectedOutput ?? '', note: item.note ?? '', indicatorIds,
});

interface Props {
  plan: PlanDetail;
  /** The item to edit, or null to add one (in `groupId` when given). */
  item: ItemDetail | null;
  groupId?: string;
  onClose(): void;
  onSaved(id: string): void;
}

export function ItemEditDrawer({ plan, item: initial, groupId, onClose, onSaved }: Props) {
  const { s, lang } = usePlanText();
  const { modal } = App.useApp();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm();
  const [item, setItem] = useState<ItemDetail | null>(initial);
  const [saving, setSaving] = useState(false);
  const [indicators, setIndicators] = useState<ResponseOf<'get', '/api/indicators'>['items']>([]);
  const [known, setKnown] = useState(() => (initial ? [initial.responsible, ...initial.partners] : []));
  const startsOn = Form.useWatch('startsOn', form);
  const asOf = typeof startsOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(startsOn) ? startsOn : plan.periodFrom;

  useEffect(() => {
    let live = true;
    api.get('/api/indicators').then((r) => { if (live) setIndicators(r.items); }).catch(() => { /* the picker stays empty */ });
    return () => { live = false; };
  }, []);

  const fillFrom = async (it: ItemDetail) => {
    const linked = await api.get('/api/plan-items/{id}/indicators', { params: { id: it.id } }).then((r) => r.items.map((i) => i.id)).catch(() => []);
    setItem(it);
    setKnown([it.responsible, ...it.partners]);
    form.resetFields();
    form.setFieldsValue(toForm(it, linked));
  };
  useEffect(() => {
    if (initial) void fillFrom(initial);
    else form.setFieldsValue({ groupId: groupId ?? plan.groups[plan.groups.length - 1]?.id, partners: [] });
    // Filled once when the drawer opens (it is mounted per opening); a reload after a 409 calls fillFrom itself.
  }, []);

  const reload = async () => {
    if (!item) return;
    try {
      await fillFrom(await api.get('/api/plan-items/{id}', { params: { id: item.id } }));
    } catch (e) {
      showError(e);
    }
  };

  const setProblems = (problems: FieldError[]) => {
    const byName = new Map<string, FieldError>();
    for (const p of problems) {
      const name = fieldOf(p.name);
      const key = name.join('.');
      byName.set(key, { name, errors: [...(byName.get(key)?.errors ?? []), ...p.errors] });
    }
    form.setFields([...byName.values()]);
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const values = { ...v, partners: (v.partners ?? []).filter((p) => p && (p.agencyId || p.adminUnitId)), indicatorIds: v.indicatorIds ?? [] };
    if (!values.responsible) {
      form.setFields([{ name: ['responsible'], errors: [s.itemForm.unitRequired] }]);
      showError(new Error(s.itemForm.checkFields));
      return;
    }
    const checked = item ? validateWith(ItemUpdate, { ...values, version: item.version }) : validateWith(ItemInput, values);
    if (!checked.ok) {
      setProblems(checked.fields);
      showError(new Error(s.itemForm.checkFields));
      return;
    }
    setSaving(true);
    try {
      const saved = item
        ? await api.put('/api/plan-items/{id}', { params: { id: item.id }, body: checked.data as ItemUpdate })
        : await api.post('/api/plans/{id}/items', { params: { id: plan.id }, body: checked.data });
      showSuccess(item ? s.itemForm.saved : s.itemForm.created);
      onSaved(saved.id);
    } catch (e) {
      if (isApiError(e)) {
        setProblems(fieldProblems(e).map((p) => ({ name: serverPathToField(p.path), errors: [p.message ?? e.message] }))
          .filter((p) => FIELDS.includes(String(p.name[0]))));
      }
      showError(e, { onReload: () => void reload() });
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: s.itemForm.discardTitle, content: s.itemForm.discardHint, okText: s.itemForm.discard, okButtonProps: { danger: true },
      cancelText: s.itemForm.keepEditing, onOk: onClose,
    });
  };

  return (
    <Drawer
      open onClose={close} destroyOnHidden title={item ? s.itemForm.editTitle : s.itemForm.createTitle}
      size={Math.min(760, typeof window === 'undefined' ? 760 : window.innerWidth)}
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={close}>{s.itemForm.cancel}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>{s.itemForm.save}</Button>
        </Flex>
      )}
    >
      <Form form={form} layout="vertical" name="plan_item" onFinish={() => void submit()} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="groupId" label={s.itemForm.group} required>
              <Select options={plan.groups.map((g) => ({ value: g.id, label: [g.code, g.title].filter(Boolean).join('. ') }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={s.itemForm.code}><Input maxLength={40} /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label={s.itemForm.title} required><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="startsOn" label={s.itemForm.startsOn}><DateInput /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deadline" label={s.itemForm.deadline}><DateInput /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="responsible" label={s.itemForm.responsible} required extra={fill(s.itemForm.unitAsOf, { date: formatDay(asOf) ?? asOf })}>
              <UnitField asOf={asOf} known={known} label={s.itemForm.responsible} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Text strong>{s.itemForm.partners}</Typography.Text>
            <Form.List name="partners">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="start">
                      <Form.Item name={f.name} style={{ flex: 1, marginBottom: 0 }}>
                        <UnitField asOf={asOf} known={known} label={`${s.itemForm.partners} ${f.name + 1}`} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={`${s.itemForm.removePartner} ${f.name + 1}`} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add(null)} style={{ alignSelf: 'flex-start' }}>{s.itemForm.addPartner}</Button>
                </Flex>
              )}
            </Form.List>
          </Col>
          <Col span={24}>
            <Form.Item name="expectedOutput" label={s.itemForm.expectedOutput}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="indicatorIds" label={s.itemForm.indicators}>
              <Select mode="multiple" allowClear placeholder={s.itemForm.indicatorsPlaceholder} optionFilterProp="label"
                options={indicators.map((i) => ({ value: i.id, label: `${i.code} — ${i.name[lang]}` }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={s.itemForm.note}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
