/**
 * The support of one application, for its page (staff) and for the applicant (read only): the review verdict, the
 * support decision with the counterpart check live (the server's own function and rule on the form's date), the
 * decision DOCX, the certificates and the outcome.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Popconfirm, Select, Space, Typography, type FormInstance } from 'antd';
import { api, isApiError, type ResponseOf } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay, formatNumber } from '../../format.ts';
import { serverText } from '../../i18n/index.ts';
import { counterpartProblemKey, counterpartProblems, DecisionInput } from '../../../shared/schemas/support.ts';
import { fill, useSupportText } from './support.text.ts';
import { download, money, share } from './support-ui.tsx';

type Support = ResponseOf<'get', '/api/support/applications/{id}'>;
type DecisionForm = { supportType?: string; totalCost?: number; stateAmount?: number; counterpartAmount?: number; decisionNumber?: string; decisionDate?: string | null; signerTitle?: string; signerName?: string; note?: string };

const H = ({ children }: { children: string }) => <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{children}</Typography.Title>;

/** Puts the server's field problems on the form's fields (`body.counterpartAmount` → counterpartAmount). */
function onFields<T>(form: FormInstance<T>, e: unknown) {
  if (!isApiError(e) || !Array.isArray(e.details)) return;
  const fields = (e.details as { path?: string; i18n?: string; params?: Record<string, unknown>; message?: string }[])
    .filter((d) => d.path?.startsWith('body.'))
    .map((d) => ({ name: d.path!.slice(5).split('.'), errors: [d.i18n ? serverText(d.i18n, d.params) : d.message ?? e.message] }));
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
}

function DecisionEditor({ support, onSaved }: { support: Support; onSaved: () => void }) {
  const { s, lang } = useSupportText();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm<DecisionForm>();
  const values = Form.useWatch([], form) as DecisionForm | undefined;
  const d = support.decision;
  const rule = support.supportTypes.find((t) => t.key === values?.supportType)?.rule;
  const live = useMemo(() => {
    if (!rule || values?.totalCost == null || values.stateAmount == null || values.counterpartAmount == null) return null;
    return counterpartProblems(rule, { totalCost: values.totalCost, stateAmount: values.stateAmount, counterpartAmount: values.counterpartAmount });
  }, [rule, values?.totalCost, values?.stateAmount, values?.counterpartAmount]);
  const save = async (v: DecisionForm) => {
    const parsed = DecisionInput.safeParse({ ...v, signerTitle: v.signerTitle || null, signerName: v.signerName || null, note: v.note || null });
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path.map(String), errors: [serverText(i.message)] })) as Parameters<FormInstance<DecisionForm>['setFields']>[0]);
      return;
    }
    try {
      if (d) await api.put('/api/support/applications/{id}/decision', { params: { id: support.applicationId }, body: { ...parsed.data, version: d.version } });
      else await api.post('/api/support/applications/{id}/decision', { params: { id: support.applicationId }, body: parsed.data });
      showSuccess(s.panel.saved);
      onSaved();
    } catch (e) {
      onFields(form, e);
      showError(e, { onReload: onSaved });
    }
  };
  return (
    <Form
      form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 640 }} aria-label={s.panel.decision}
      initialValues={d ? { ...d } : { supportType: support.supportTypes[0]?.key }}
    >
      <Form.Item name="supportType" label={s.panel.supportType} rules={[{ required: true }]}>
        <Select options={support.supportTypes.map((t) => ({ value: t.key, label: t.rule.label[lang] }))} />
      </Form.Item>
      {rule && <Typography.Paragraph type="secondary">{fill(s.panel.counterpartRule, { share: share(rule.minCounterpartShare) })}</Typography.Paragraph>}
      <Space wrap>
        <Form.Item name="totalCost" label={s.panel.totalCost} rules={[{ required: true }]}><InputNumber min={0} step={1_000_000} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="stateAmount" label={s.panel.stateAmount} rules={[{ required: true }]}><InputNumber min={0} step={1_000_000} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="counterpartAmount" label={s.panel.counterpartAmount} rules={[{ required: true }]}><InputNumber min={0} step={1_000_000} style={{ width: 200 }} /></Form.Item>
      </Space>
      {live && (live.length
        ? <Alert type="warning" showIcon data-testid="counterpart-check" message={live.map((p) => serverText(counterpartProblemKey(p), p.params)).join(' ')} style={{ marginBottom: 16 }} />
        : <Alert type="success" showIcon data-testid="counterpart-check" message={fill(s.panel.counterpartOk, { share: share(values!.totalCost! > 0 ? values!.counterpartAmount! / values!.totalCost! : 1) })} style={{ marginBottom: 16 }} />)}
      <Space wrap>
        <Form.Item name="decisionNumber" label={s.panel.decisionNumber} rules={[{ required: true }]}><Input placeholder="15/QĐ-SKHCN" /></Form.Item>
        <Form.Item name="decisionDate" label={s.panel.decisionDate} rules={[{ required: true }]}><DateInput /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="signerTitle" label={s.panel.signerTitle}><Input /></Form.Item>
        <Form.Item name="signerName" label={s.panel.signerName}><Input /></Form.Item>
      </Space>
      <Form.Item name="note" label={s.panel.note}><Input.TextArea rows={2} /></Form.Item>
      <Button type="primary" htmlType="submit">{s.panel.save}</Button>
    </Form>
  );
}

type CertForm = { standard?: string; certifyingBody?: string; number?: string; issuedOn?: string | null; expiresOn?: string | null };
function CertificateForm({ applicationId, onSaved }: { applicationId: string; onSaved: () => void }) {
  const { s } = useSupportText();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm<CertForm>();
  const save = async (v: CertForm) => {
    try {
      await api.post('/api/support/applications/{id}/certificates', {
        params: { id: applicationId },
        body: { standard: v.standard ?? '', certifyingBody: v.certifyingBody ?? '', number: v.number ?? '', issuedOn: v.issuedOn ?? '', expiresOn: v.expiresOn ?? null },
      });
      form.resetFields();
      showSuccess(s.panel.certificateSaved);
      onSaved();
    } catch (e) {
      onFields(form, e);
      showError(e);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} aria-label={s.panel.addCertificate}>
      <Space wrap>
        <Form.Item name="standard" label={s.panel.standard} rules={[{ required: true }]}><Input placeholder="ISO 9001:2015" /></Form.Item>
        <Form.Item name="certifyingBody" label={s.panel.certifyingBody} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="number" label={s.panel.number} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="issuedOn" label={s.panel.issuedOn} rules={[{ required: true }]}><DateInput /></Form.Item>
        <Form.Item name="expiresOn" label={s.panel.expiresOn}><DateInput /></Form.Item>
      </Space>
      <Button htmlType="submit">{s.panel.addCertificate}</Button>
    </Form>
  );
}

function OutcomeForm({ support, onSaved }: { support: Support; onSaved: () => void }) {
  const { s } = useSupportText();
  const { showError, showSuccess } = useFeedback();
  const [form] = Form.useForm<{ completedOn?: string | null; achievements?: string }>();
  const o = support.outcome;
  const save = async (v: { completedOn?: string | null; achievements?: string }) => {
    const body = { completedOn: v.completedOn ?? '', achievements: v.achievements ?? '' };
    try {
      if (o) await api.put('/api/support/applications/{id}/outcome', { params: { id: support.applicationId }, body: { ...body, version: o.version } });
      else await api.post('/api/support/applications/{id}/outcome', { params: { id: support.applicationId }, body });
      showSuccess(s.panel.outcomeSaved);
      onSaved();
    } catch (e) {
      onFields(form, e);
      showError(e, { onReload: onSaved });
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={o ?? {}} style={{ maxWidth: 640 }} aria-label={s.panel.outcome}>
      <Form.Item name="completedOn" label={s.panel.completedOn} rules={[{ required: true }]}><DateInput /></Form.Item>
      <Form.Item name="achievements" label={s.panel.achievements} rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
      <Button htmlType="submit">{s.panel.saveOutcome}</Button>
    </Form>
  );
}

export function ApplicationSupportPanel({ applicationId, reload }: { applicationId: string; reload?: () => void }) {
  const { s, lang } = useSupportText();
  const { showError } = useFeedback();
  const [data, setData] = useState<Support | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => api.get('/api/support/applications/{id}', { params: { id: applicationId } }).then(setData, showError), [applicationId, showError]);
  useEffect(() => { void load(); }, [load]);
  // Nothing to show before the review, nor to an applicant before its decision.
  if (!data || !(data.decision || data.review || (data.canEdit && ['decision', 'supported'].includes(data.stage)))) return null;
  const saved = () => { setEditing(false); void load(); reload?.(); };
  const d = data.decision;
  const mayDecide = data.canEdit && ['decision', 'supported'].includes(data.stage);
  const mayRecord = data.canEdit && d !== null && ['supported', 'completed'].includes(data.stage);
  const removeCert = async (id: string, version: number) => {
    try {
      await api.delete('/api/support/applications/{id}/certificates/{certificateId}', { params: { id: applicationId, certificateId: id }, query: { version } });
      void load();
    } catch (e) { showError(e); }
  };
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{s.panel.title}</Typography.Title>} data-testid="support-panel">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {data.review && (
          <section>
            <H>{s.panel.review}</H>
            <Typography.Paragraph>
              {data.review.average === null ? s.panel.notScored : fill(s.panel.reviewLine, { average: formatNumber(data.review.average), rank: data.review.rank ?? '—' })}
            </Typography.Paragraph>
          </section>
        )}
        <section>
          <H>{s.panel.decision}</H>
          {d && !editing ? (
            <Space direction="vertical">
              <Descriptions size="small" column={1} items={[
                { key: 'n', label: s.panel.decisionNumber, children: `${d.decisionNumber} (${formatDay(d.decisionDate)})` },
                { key: 't', label: s.panel.supportType, children: d.supportTypeName[lang] },
                { key: 'c', label: s.panel.totalCost, children: money(d.totalCost) },
                { key: 's', label: s.panel.stateAmount, children: money(d.stateAmount) },
                { key: 'o', label: s.panel.counterpartAmount, children: `${money(d.counterpartAmount)} (${share(d.totalCost > 0 ? d.counterpartAmount / d.totalCost : 0)})` },
              ]} />
              <Space>
                <Button onClick={() => download(`/api/support/applications/${applicationId}/decision.docx`).catch(showError)}>{s.panel.docx}</Button>
                {mayDecide && <Button onClick={() => setEditing(true)}>{s.panel.edit}</Button>}
              </Space>
            </Space>
          ) : mayDecide ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <DecisionEditor support={data} onSaved={saved} />
              {editing && <Button onClick={() => setEditing(false)}>{s.panel.cancel}</Button>}
            </Space>
          ) : (
            <Typography.Paragraph type="secondary">{s.panel.noDecision}{data.canEdit ? ` ${s.panel.notYet}` : ''}</Typography.Paragraph>
          )}
        </section>
        {d && (
          <section>
            <H>{s.panel.certificates}</H>
            {data.certificates.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.panel.noCertificates} /> : (
              <List
                size="small" dataSource={data.certificates}
                renderItem={(c) => (
                  <List.Item actions={mayRecord ? [<Popconfirm key="rm" title={s.panel.remove} onConfirm={() => void removeCert(c.id, c.version)}><Button size="small" danger>{s.panel.remove}</Button></Popconfirm>] : []}>
                    <span>{c.standard} · {c.number} · {c.certifyingBody} · {formatDay(c.issuedOn)}{c.expiresOn ? ` – ${formatDay(c.expiresOn)}` : ''}</span>
                  </List.Item>
                )}
              />
            )}
            {mayRecord && <CertificateForm applicationId={applicationId} onSaved={saved} />}
          </section>
        )}
        {d && (
          <section>
            <H>{s.panel.outcome}</H>
            {data.outcome && <Typography.Paragraph>{formatDay(data.outcome.completedOn)}: {data.outcome.achievements}</Typography.Paragraph>}
            {!data.outcome && !mayRecord && <Typography.Paragraph type="secondary">{s.panel.noOutcome}</Typography.Paragraph>}
            {mayRecord && <OutcomeForm support={data} onSaved={saved} />}
          </section>
        )}
      </Space>
    </Card>
  );
}
