/**
 * The TFP calculator: growth accounting over the GRDP, capital stock and employment series (entered indicator
 * values with their sources), per year and on average, the method written next to the result, α with its legal
 * basis (marked illustrative when it is), and the plan's target for TFP's share of growth.
 */
import { useEffect, useState } from 'react';
import { Alert, Card, Flex, Form, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, fieldProblems, isApiError, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { formatDay, formatNumber, formatPercent } from '../../format.ts';
import { useLang } from '../tasks/task-ui.tsx';
import { StatusTag, targetText } from './indicator-ui.tsx';

type Tfp = ResponseOf<'get', '/api/indicators/tfp'>;
type Year = Tfp['years'][number];

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v * 100, 2));

export function TfpPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { showError } = useFeedback();
  const thisYear = new Date().getFullYear();
  const [fromYear, setFromYear] = useState(2021);
  const [toYear, setToYear] = useState(thisYear - 1);
  const [plans, setPlans] = useState<{ value: string; label: string }[]>([]);
  const [planId, setPlanId] = useState<string | null>(null);
  const [data, setData] = useState<Tfp | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.get('/api/plans').then((r) => setPlans(r.items.map((p) => ({ value: p.id, label: p.title }))), () => { /* none */ });
  }, []);
  useEffect(() => {
    if (toYear < fromYear) return;
    let live = true;
    setFailure(null);
    api.get('/api/indicators/tfp', { query: { fromYear, toYear, ...(planId ? { planId } : {}) } })
      .then((d) => { if (live) setData(d); }, (e: unknown) => {
        // The series may not exist yet (no GRDP, capital or employment indicator): say so instead of spinning.
        if (!live) return;
        setData(null);
        if (isApiError(e) && e.status === 400) setFailure(fieldProblems(e)[0]?.message ?? e.message);
        else showError(e);
      });
    return () => { live = false; };
  }, [fromYear, toYear, planId, showError]);

  const years = Array.from({ length: 15 }, (_, i) => thisYear - i);
  const avg = data?.average;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('ind.tfp.title')}</PageTitle>
        <Link to="/indicators">{t('ind.tfp.back')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('ind.tfp.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Flex wrap gap={16}>
            <Form.Item label={t('ind.tfp.from')} htmlFor="tfp-from" style={{ width: 120, marginBottom: 0 }}>
              <Select id="tfp-from" value={fromYear} onChange={setFromYear} options={years.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            <Form.Item label={t('ind.tfp.to')} htmlFor="tfp-to" style={{ width: 120, marginBottom: 0 }}>
              <Select id="tfp-to" value={toYear} onChange={setToYear} options={years.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            <Form.Item label={t('ind.filters.plan')} htmlFor="tfp-plan" style={{ minWidth: 220, flex: '1 1 220px', marginBottom: 0 }}>
              <Select id="tfp-plan" allowClear placeholder={t('ind.filters.allIndicators')} value={planId ?? undefined} onChange={(v?: string) => setPlanId(v ?? null)} options={plans} />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      {failure && <Alert type="warning" showIcon message={failure} data-testid="tfp-failure" />}
      {!data ? (failure ? null : <Spin />) : (
        <>
          <Card styles={{ body: { padding: 0 } }}>
            <Table<Year>
              rowKey="year"
              size="small"
              pagination={false}
              scroll={{ x: 760 }}
              dataSource={data.years}
              data-testid="tfp-table"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><strong>{t('ind.tfp.average')}</strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{pct(avg?.gY ?? null)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{pct(avg?.gK ?? null)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{pct(avg?.gL ?? null)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} />
                  <Table.Summary.Cell index={5} align="right">{pct(avg?.tfpGrowth ?? null)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right"><strong data-testid="tfp-average-share">{pct(avg?.tfpShare ?? null)}</strong></Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              columns={[
                { title: t('ind.tfp.year'), dataIndex: 'year' },
                { title: t('ind.tfp.gY'), key: 'gY', align: 'right' as const, render: (_: unknown, y) => pct(y.gY) },
                { title: t('ind.tfp.gK'), key: 'gK', align: 'right' as const, render: (_: unknown, y) => pct(y.gK) },
                { title: t('ind.tfp.gL'), key: 'gL', align: 'right' as const, render: (_: unknown, y) => pct(y.gL) },
                { title: t('ind.tfp.alpha'), key: 'alpha', align: 'right' as const, render: (_: unknown, y) => (y.alpha === null ? '—' : formatNumber(y.alpha, 2)) },
                { title: t('ind.tfp.tfpGrowth'), key: 'tfp', align: 'right' as const, render: (_: unknown, y) => pct(y.tfpGrowth) },
                { title: t('ind.tfp.tfpShare'), key: 'share', align: 'right' as const, render: (_: unknown, y) => pct(y.tfpShare) },
              ]}
            />
          </Card>
          <Card title={t('ind.tfp.method')} style={{ marginTop: 16 }}>
            <Typography.Paragraph>{data.method[lang]}</Typography.Paragraph>
            {data.alpha ? (
              <Typography.Paragraph>
                {t('ind.tfp.alphaBasis', { alpha: formatNumber(data.alpha.value, 2), from: formatDay(data.alpha.effectiveFrom) ?? '', basis: data.alpha.legalBasis })}
                {data.alpha.illustrative && <Tag style={{ marginInlineStart: 8 }}>{t('ind.tfp.illustrative')}</Tag>}
              </Typography.Paragraph>
            ) : <Alert type="warning" showIcon message={t('ind.tfp.noAlpha')} />}
            <Space wrap>
              <span>{data.target ? t('ind.tfp.target', { target: targetText(t, data.target, 0) + ' %' }) : t('ind.tfp.noTarget')}</span>
              <StatusTag status={data.status} />
            </Space>
          </Card>
          {data.sources.length > 0 && (
            <Card title={t('ind.tfp.sources')} style={{ marginTop: 16 }}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {[...new Set(data.sources.map((s) => `${s.code}: ${s.source}`))].map((s) => <li key={s}>{s}</li>)}
              </ul>
            </Card>
          )}
        </>
      )}
    </>
  );
}
