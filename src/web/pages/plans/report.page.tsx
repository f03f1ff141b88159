/**
 * Báo cáo định kỳ of a plan: the list of its reports, a new draft for a period, the draft's written sections,
 * recipients and signer (editable until issued), the DOCX and XLSX built from the data (a progress indicator shows
 * while the server builds them), and issuing, after which the report keeps its number and files.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Flex, Form, Input, List, Popconfirm, Select, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay } from '../../format.ts';
import { usePlanText } from './plans.text.ts';
import { download } from '../../download.ts';
import { emptyState } from './plan-ui.tsx';
import type { PlanDetail } from './plan-ui.tsx';

type Report = ResponseOf<'get', '/api/plan-reports/{id}'>;
interface FormValues { title: string; results: string; difficulties: string; nextSteps: string; recipients: string; signerTitle?: string; signerName?: string }

export function ReportPage() {
  const { id = '' } = useParams();
  const { s, lang } = usePlanText();
  const { showError, showSuccess } = useFeedback();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [reports, setReports] = useState<Report[]>([]);
  const [selected, setSelected] = useState<Report | null>(null);
  const [period, setPeriod] = useState<string | undefined>();
  const [building, setBuilding] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(async () => {
    try {
      const [p, r] = [await api.get('/api/plans/{id}', { params: { id }, query: {} }), await api.get('/api/plans/{id}/reports', { params: { id } })];
      setPlan(p);
      setReports(r.items);
      setPeriod((x) => x ?? p.currentPeriod ?? p.periods[0]?.key);
    } catch (e) {
      showError(e);
    }
  }, [id, showError]);
  useEffect(() => { void load(); }, [load]);

  const select = (r: Report) => {
    setSelected(r);
    form.setFieldsValue({ title: r.title, ...r.sections, recipients: r.recipients.join('\n'), signerTitle: r.signerTitle ?? '', signerName: r.signerName ?? '' });
  };
  const create = async () => {
    if (!period) return;
    try {
      const r = await api.post('/api/plans/{id}/reports', { params: { id }, body: { periodKey: period } });
      await load();
      select(r);
    } catch (e) {
      showError(e);
    }
  };
  const save = async (v: FormValues) => {
    if (!selected) return;
    try {
      const r = await api.put('/api/plan-reports/{id}', {
        params: { id: selected.id },
        body: {
          title: v.title, sections: { results: v.results ?? '', difficulties: v.difficulties ?? '', nextSteps: v.nextSteps ?? '' },
          recipients: (v.recipients ?? '').split('\n').map((x) => x.trim()).filter(Boolean), signerTitle: v.signerTitle || null, signerName: v.signerName || null,
          version: selected.version,
        },
      });
      select(r);
      showSuccess(s.report.saved);
      await load();
    } catch (e) {
      showError(e, { onReload: () => void load() });
    }
  };
  const issue = async () => {
    if (!selected) return;
    setBuilding('issue');
    try {
      const r = await api.post('/api/plan-reports/{id}/issue', { params: { id: selected.id }, body: { version: selected.version } });
      select(r);
      await load();
    } catch (e) {
      showError(e, { onReload: () => void load() });
    } finally {
      setBuilding(null);
    }
  };
  const fetchFile = async (kind: 'docx' | 'xlsx') => {
    if (!selected) return;
    setBuilding(kind);
    try {
      await download(`/api/plan-reports/${selected.id}/${kind === 'docx' ? 'report.docx' : 'annex.xlsx'}`);
    } catch (e) {
      showError(e);
    } finally {
      setBuilding(null);
    }
  };

  if (!plan) return <Card loading />;
  const issued = selected?.status === 'issued';
  return (
    <Flex vertical gap={16}>
      <Link to={`/plans/${plan.id}`}><ArrowLeftOutlined /> {s.report.back}</Link>
      <PageTitle>{s.report.title}: {plan.title}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{s.report.intro}</Typography.Paragraph>
      <Flex gap={16} wrap align="flex-start">
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{s.report.list}</h2>} style={{ flex: '1 1 280px', maxWidth: '100%' }}>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Select aria-label={s.report.newPeriod} value={period} onChange={setPeriod} style={{ width: 200 }} options={plan.periods.map((p) => ({ value: p.key, label: p.label[lang] }))} />
            <Button onClick={() => void create()}>{s.report.new}</Button>
          </Flex>
          <List
            dataSource={reports} locale={{ emptyText: emptyState(s.report.empty) }}
            renderItem={(r) => (
              <List.Item>
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => select(r)}>
                  {r.number ? s.report.issuedAs(r.number, formatDay(r.issuedOn) ?? '') : r.title}
                </Button>
                <Tag color={r.status === 'issued' ? 'green' : 'default'}>{r.status === 'issued' ? s.report.issued : s.report.draft}</Tag>
              </List.Item>
            )}
          />
        </Card>
        {selected && (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{selected.number ? s.report.issuedAs(selected.number, formatDay(selected.issuedOn) ?? '') : s.report.draft}</h2>} style={{ flex: '3 1 420px', maxWidth: '100%' }}>
            <Form form={form} layout="vertical" name="plan_report" onFinish={(v) => void save(v)} disabled={issued}>
              <Form.Item name="title" label={s.report.reportTitle} rules={[{ required: true }]}><Input maxLength={1000} /></Form.Item>
              <Form.Item name="results" label={s.report.results}><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
              <Form.Item name="difficulties" label={s.report.difficulties}><Input.TextArea rows={3} maxLength={20000} /></Form.Item>
              <Form.Item name="nextSteps" label={s.report.nextSteps}><Input.TextArea rows={3} maxLength={20000} /></Form.Item>
              <Form.Item name="recipients" label={s.report.recipients}><Input.TextArea rows={3} /></Form.Item>
              <Flex gap={8} wrap>
                <Form.Item name="signerTitle" label={s.report.signerTitle} style={{ flex: '1 1 180px' }}><Input maxLength={200} /></Form.Item>
                <Form.Item name="signerName" label={s.report.signerName} style={{ flex: '1 1 180px' }}><Input maxLength={200} /></Form.Item>
              </Flex>
              {!issued && <Button type="primary" htmlType="submit">{s.report.save}</Button>}
            </Form>
            <Flex gap={8} wrap style={{ marginTop: 16 }} align="center">
              <Button icon={<FileWordOutlined />} onClick={() => void fetchFile('docx')} disabled={building !== null}>{s.report.docx}</Button>
              <Button icon={<FileExcelOutlined />} onClick={() => void fetchFile('xlsx')} disabled={building !== null}>{s.report.xlsx}</Button>
              {!issued && (
                <Popconfirm title={s.report.issueConfirm} okText={s.common.yes} cancelText={s.common.cancel} onConfirm={() => void issue()}>
                  <Button danger disabled={building !== null}>{s.report.issue}</Button>
                </Popconfirm>
              )}
              {building && <Spin size="small" />}
              {building && <span role="status">{s.report.building}</span>}
            </Flex>
          </Card>
        )}
      </Flex>
    </Flex>
  );
}
