/**
 * A call's ranking (/support/calls/:id): its review council (set up here, scored in the council screens), the
 * applications by average with ties explained by the rule, the top N selected, the Excel download.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, type ResponseOf } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay, formatNumber } from '../../format.ts';
import { fill, useSupportText } from './support.text.ts';
import { download } from './support-ui.tsx';

type Ranking = ResponseOf<'get', '/api/support/calls/{id}/ranking'>;

export function RankingPage() {
  const { id = '' } = useParams();
  const { s, lang } = useSupportText();
  const { showError, showSuccess } = useFeedback();
  const [data, setData] = useState<Ranking | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string; meetingDate?: string | null }>();
  const load = useCallback(() => api.get('/api/support/calls/{id}/ranking', { params: { id } }).then(setData, showError), [id, showError]);
  useEffect(() => { void load(); }, [load]);

  const prepare = async (values: { name?: string; meetingDate?: string | null }) => {
    setBusy(true);
    try {
      const r = await api.post('/api/support/calls/{id}/review-council', {
        params: { id }, body: { name: values.name || fill(s.ranking.defaultName, { call: data?.callTitle ?? '' }), meetingDate: values.meetingDate ?? null },
      });
      showSuccess(fill(s.ranking.prepared, { count: r.dossiersAdded }));
      await load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!data) return <PageTitle>{s.calls.ranking}</PageTitle>;
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? s.ranking.yes : s.ranking.no);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/support">{s.ranking.back}</Link>
      <PageTitle>{fill(s.ranking.title, { call: data.callTitle })}</PageTitle>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{s.ranking.council}</Typography.Title>}>
        {data.council ? (
          <Space direction="vertical">
            <Descriptions size="small" column={1} items={[
              { key: 'name', label: s.ranking.council, children: <Link to={`/councils/${data.council.id}`}>{data.council.name}</Link> },
              { key: 'status', label: s.ranking.status, children: s.ranking.councilStatus[data.council.status as keyof typeof s.ranking.councilStatus] ?? data.council.status },
            ]} />
            {data.council.status === 'draft' && <Button loading={busy} onClick={() => void prepare({ name: data.council!.name })}>{s.ranking.sync}</Button>}
          </Space>
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => void prepare(v)} style={{ maxWidth: 560 }}>
            <Alert type="info" showIcon message={s.ranking.noCouncil} style={{ marginBottom: 16 }} />
            <Form.Item name="name" label={s.ranking.councilName} initialValue={fill(s.ranking.defaultName, { call: data.callTitle })}>
              <Input />
            </Form.Item>
            <Form.Item name="meetingDate" label={s.ranking.meetingDate}><DateInput /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{s.ranking.prepare}</Button>
          </Form>
        )}
      </Card>
      <Descriptions size="small" column={1} items={[
        { key: 'top', label: s.ranking.selectTop, children: data.selectTop ?? s.ranking.asBudget },
        { key: 'ties', label: s.ranking.ties, children: `${data.ties.order.map((k) => s.ranking.tieOrder[k]).join('; ')} (${data.ties.legalBasis})` },
      ]} />
      <Space>
        <Button onClick={() => download(`/api/support/calls/${id}/ranking.xlsx`).catch(showError)}>{s.ranking.export}</Button>
      </Space>
      <Table
        rowKey="applicationId" dataSource={data.rows} pagination={false} locale={{ emptyText: s.ranking.empty }} scroll={{ x: 'max-content' }}
        columns={[
          { title: s.ranking.rank, dataIndex: 'rank', align: 'right', render: (v: number | null) => v ?? '—' },
          { title: s.ranking.code, dataIndex: 'code' },
          { title: s.ranking.application, dataIndex: 'title' },
          { title: s.ranking.organization, dataIndex: 'organizationName' },
          { title: s.ranking.average, dataIndex: 'average', align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
          { title: data.criterion ? data.criterion[lang] : s.ranking.firstCriterion, dataIndex: 'firstCriterion', align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
          { title: s.ranking.submitted, dataIndex: 'submittedAt', render: (v: string | null) => formatDay(v) ?? '—' },
          { title: s.ranking.passed, dataIndex: 'passed', render: yesNo },
          { title: s.ranking.selected, dataIndex: 'selected', render: (v: boolean) => (v ? <Tag color="green">{s.ranking.selected}</Tag> : '') },
          { title: s.ranking.tieNote, dataIndex: 'tieNote', render: (v: Ranking['rows'][number]['tieNote']) => v?.[lang] ?? '' },
          { title: '', key: 'open', render: (_, r) => <Link to={`/support/applications/${r.applicationId}`}>{s.ranking.open}</Link> },
        ]}
      />
    </Space>
  );
}
