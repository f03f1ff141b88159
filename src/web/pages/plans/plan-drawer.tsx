/**
 * Create or edit a plan: its title, the document it carries out (a picker over the legal-document register, with
 * "new document" opening the register's own drawer), its period, how its units report (monthly, quarterly,
 * half-yearly, yearly, or on dates typed dd/mm/yyyy) and a note. Saved through RecordDrawer: the shared zod schema
 * checks the form, the version goes with an edit, and a 409 keeps what was typed and offers a reload.
 */
import { useMemo, useRef, useState } from 'react';
import { Button, Col, Form, Input, Select, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PlanInput, PlanUpdate, SCHEDULE_KINDS, SCHEDULE_LABELS, type ScheduleKind } from '../../../shared/schemas/plans.ts';
import { formatDate, parseDate } from '../../../lib/vi/format.ts';
import type { Schemas } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { RecordDrawer } from '../../components/record-drawer.tsx';
import { useUser } from '../../session.tsx';
import { LegalDocumentDrawer } from '../legal-documents/legal-document-drawer.tsx';
import { canAddLegalDocuments } from '../legal-documents/legal-document-permissions.ts';
import { LegalDocumentSelect } from '../legal-documents/legal-document-select.tsx';
import { fill, usePlanText } from './plans.text.ts';

type PlanRecord = Schemas['Plan'];
const MAX_DATES = 24;

/** "15/06/2026; 15/12/2026" → ISO dates, or the first text that is not a date. */
export function parseDates(text: string): { dates: string[]; bad: string | null } {
  const parts = text.split(/[;,\n]+/).map((p) => p.trim()).filter(Boolean);
  const dates: string[] = [];
  for (const p of parts) {
    const d = parseDate(p);
    if (!d) return { dates, bad: p };
    dates.push(d);
  }
  return { dates, bad: null };
}

interface Props {
  open: boolean;
  record: PlanRecord | null;
  onClose(): void;
  onSaved(plan: PlanRecord, created: boolean): void;
}

export function PlanDrawer({ open, record, onClose, onSaved }: Props) {
  const { s, lang } = usePlanText();
  const user = useUser();
  const formRef = useRef<FormInstance | null>(null);
  const [newDoc, setNewDoc] = useState(false);
  const [docOption, setDocOption] = useState<{ value: string; label: string } | null>(null);
  const initialDoc = useMemo(
    () => docOption ?? (record?.document ? { value: record.document.id, label: `${record.document.number} — ${record.document.title}` } : null),
    [docOption, record],
  );
  const toForm = (r: PlanRecord) => ({
    ...r, scheduleKind: r.schedule.kind, scheduleDates: r.schedule.kind === 'dates' ? r.schedule.dates.map((d) => formatDate(d)).join('; ') : '',
  });
  const toInput = ({ scheduleKind, scheduleDates, ...v }: Record<string, unknown>) => ({
    ...v,
    schedule: scheduleKind === 'dates' ? { kind: 'dates', dates: parseDates(String(scheduleDates ?? '')).dates } : { kind: scheduleKind },
  });
  return (
    <>
      <RecordDrawer
        open={open} record={record} onClose={onClose} onSaved={onSaved} name="plan" labels="plans" basePath="/api/plans"
        inputSchema={PlanInput} updateSchema={PlanUpdate} size={720} title={{ create: s.edit.createTitle, edit: s.edit.editTitle }}
        empty={{ scheduleKind: 'quarterly', scheduleDates: '' }} toForm={toForm} toInput={toInput}
      >
        {({ field, form }) => {
          formRef.current = form;
          return (
            <>
              <Col span={24}>
                <Form.Item {...field('title', s.edit.title)}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item {...field('legalDocumentId', s.edit.decision)} extra={s.edit.decisionHint}>
                  <LegalDocumentSelect placeholder={s.edit.decisionPlaceholder} initialOption={initialDoc} />
                </Form.Item>
                {canAddLegalDocuments(user.role) && (
                  <Button icon={<PlusOutlined />} onClick={() => setNewDoc(true)} style={{ marginTop: -8, marginBottom: 16 }}>{s.edit.newDocument}</Button>
                )}
              </Col>
              <Col xs={24} md={12}>
                <Form.Item {...field('periodFrom', s.edit.periodFrom)}><DateInput /></Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item {...field('periodTo', s.edit.periodTo)}><DateInput /></Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="scheduleKind" label={s.edit.schedule} required rules={[{ required: true }]}>
                  <Select<ScheduleKind> options={SCHEDULE_KINDS.map((k) => ({ value: k, label: SCHEDULE_LABELS[k][lang] }))} />
                </Form.Item>
              </Col>
              <Form.Item noStyle shouldUpdate={(a: Record<string, unknown>, b: Record<string, unknown>) => a.scheduleKind !== b.scheduleKind}>
                {() => (form.getFieldValue('scheduleKind') === 'dates' ? (
                  <Col span={24}>
                    <Form.Item
                      name="scheduleDates" label={s.edit.scheduleDates} extra={s.edit.scheduleDatesHint} required
                      rules={[{
                        validator: async (_r, v: unknown) => {
                          const { dates, bad } = parseDates(String(v ?? ''));
                          if (bad !== null) throw new Error(fill(s.edit.scheduleDatesBad, { text: bad }));
                          if (dates.length === 0) throw new Error(s.edit.scheduleDatesRequired);
                          if (dates.length > MAX_DATES) throw new Error(fill(s.edit.scheduleDatesMany, { max: MAX_DATES }));
                          if (dates.some((d, i) => i > 0 && dates[i - 1] >= d)) throw new Error(s.edit.scheduleDatesOrder);
                        },
                      }]}
                    >
                      <Input placeholder="15/06/2026; 15/12/2026" />
                    </Form.Item>
                  </Col>
                ) : null)}
              </Form.Item>
              <Col span={24}>
                <Form.Item {...field('note', s.edit.note)}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
              </Col>
            </>
          );
        }}
      </RecordDrawer>
      {newDoc && (
        <LegalDocumentDrawer
          open record={null} onClose={() => setNewDoc(false)}
          onSaved={(doc) => {
            setNewDoc(false);
            setDocOption({ value: doc.id, label: `${doc.number} — ${doc.title}` });
            formRef.current?.setFieldValue('legalDocumentId', doc.id);
          }}
        />
      )}
    </>
  );
}
