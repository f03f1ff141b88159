/**
 * Nhập số liệu chỉ số: a unit enters its values for a period, one indicator at a time (each with its source), or
 * downloads the period's Excel form for its unit, fills it in and uploads it — every cell is checked, the problems
 * are listed by cell and nothing is written unless the whole file is valid. A unit officer enters its own unit's.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, InputNumber, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, fieldProblems, isApiError, type ResponseOf } from '../../api.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { useFeedback } from '../../feedback.tsx';
import { useUser } from '../../session.tsx';
import { useLang } from '../tasks/task-ui.tsx';
import { AdminUnitPicker } from './admin-unit-picker.tsx';

type Indicator = ResponseOf<'get', '/api/indicators'>['items'][number];
type Value = ResponseOf<'get', '/api/indicators/{id}/values'>['items'][number];
interface Row { ind: Indicator; existing: Value | null; value: number | null; source: string }

const fits = (periodType: string, period: string) =>
  (periodType === 'year' ? /^\d{4}$/ : periodType === 'quarter' ? /^\d{4}-Q[1-4]$/ : /^\d{4}-(0[1-9]|1[0-2])$/).test(period);

export function ValueEntryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useUser();
  const { showError, showSuccess } = useFeedback();
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [unitId, setUnitId] = useState<string | null>(user.role === 'unit_officer' ? user.adminUnitId : null);
  const [rows, setRows] = useState<Row[]>([]);
  const [problems, setProblems] = useState<{ cell: string; message: string }[]>([]);
  const validPeriod = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period);

  const load = useCallback(async () => {
    if (!validPeriod || !unitId) { setRows([]); return; }
    const all = (await api.get('/api/indicators')).items.filter((i) => !i.formula && fits(i.periodType, period));
    const out: Row[] = [];
    for (const ind of all) {
      const [existing] = (await api.get('/api/indicators/{id}/values', { params: { id: ind.id }, query: { period, adminUnitId: unitId } })).items;
      out.push({ ind, existing: existing ?? null, value: existing?.value ?? null, source: existing?.source ?? '' });
    }
    setRows(out);
  }, [period, unitId, validPeriod]);
  useEffect(() => { load().catch(showError); }, [load, showError]);

  async function save(r: Row) {
    if (r.value === null || !unitId) return;
    try {
      if (r.existing) {
        await api.put('/api/indicators/{id}/values/{valueId}', { params: { id: r.ind.id, valueId: r.existing.id }, body: { value: r.value, source: r.source, version: r.existing.version } });
      } else {
        await api.post('/api/indicators/{id}/values', { params: { id: r.ind.id }, body: { period, adminUnitId: unitId, value: r.value, source: r.source } });
      }
      showSuccess(t('ind.entry.saved', { code: r.ind.code }));
      await load();
    } catch (e) {
      showError(e, { onReload: () => { void load(); } });
    }
  }

  const templateHref = `/api/indicators/values/template.xlsx?period=${encodeURIComponent(period)}${unitId ? `&adminUnitId=${unitId}` : ''}`;
  const set = (code: string, patch: Partial<Row>) => setRows((rs) => rs.map((x) => (x.ind.code === code ? { ...x, ...patch } : x)));

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <PageTitle>{t('ind.entry.title')}</PageTitle>
        <Link to="/indicators">{t('ind.tfp.back')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('ind.entry.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Flex wrap gap={16} align="end">
            <Form.Item label={t('ind.entry.period')} htmlFor="entry-period" style={{ width: 220, marginBottom: 0 }}>
              <Input id="entry-period" value={period} onChange={(e) => setPeriod(e.target.value.trim())} status={validPeriod ? undefined : 'error'} />
            </Form.Item>
            <Form.Item label={t('ind.entry.unit')} htmlFor="entry-unit" style={{ minWidth: 240, flex: '1 1 240px', marginBottom: 0 }}>
              <AdminUnitPicker id="entry-unit" value={unitId} onChange={setUnitId}
                initialOption={user.adminUnitId && user.unitName ? { value: user.adminUnitId, label: user.unitName } : null} placeholder={t('ind.entry.ownUnit')} />
            </Form.Item>
            <Space wrap>
              <Button icon={<DownloadOutlined />} href={validPeriod ? templateHref : undefined} disabled={!validPeriod}>{t('ind.entry.download')}</Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                customRequest={({ file }) => {
                  const form = new FormData();
                  form.append('file', file as Blob);
                  setProblems([]);
                  api.upload('/api/indicators/values/upload', { form }).then((r) => {
                    showSuccess(t('ind.entry.uploaded', { count: r.written }));
                    void load();
                  }, (e: unknown) => {
                    if (isApiError(e) && e.status === 400) setProblems(fieldProblems(e).map((p) => ({ cell: p.path.replace(/^file\./, ''), message: p.message ?? p.path })));
                    else showError(e);
                  });
                }}
              >
                <Button icon={<UploadOutlined />}>{t('ind.entry.upload')}</Button>
              </Upload>
            </Space>
          </Flex>
        </Form>
      </Card>
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('ind.entry.uploadErrors')} data-testid="upload-problems"
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={p.cell + p.message}>{p.message}</li>)}</ul>} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey={(r) => r.ind.code}
          size="small"
          pagination={false}
          scroll={{ x: 820 }}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('ind.entry.noIndicators')} /> }}
          columns={[
            { title: t('ind.cols.code'), key: 'code', render: (_: unknown, r) => r.ind.code, width: 140 },
            { title: t('ind.cols.name'), key: 'name', render: (_: unknown, r) => `${r.ind.name[lang]} (${r.ind.unit})` },
            {
              title: t('ind.entry.value'), key: 'value', width: 170,
              render: (_: unknown, r) => <InputNumber aria-label={t('ind.entry.valueOf', { name: r.ind.name[lang] })} value={r.value} style={{ width: '100%' }}
                decimalSeparator={lang === 'vi' ? ',' : '.'} onChange={(v) => set(r.ind.code, { value: typeof v === 'number' ? v : null })} />,
            },
            {
              title: t('ind.entry.source'), key: 'source', width: 260,
              render: (_: unknown, r) => <Input aria-label={t('ind.entry.sourceOf', { name: r.ind.name[lang] })} value={r.source} maxLength={500} onChange={(e) => set(r.ind.code, { source: e.target.value })} />,
            },
            {
              title: '', key: 'save', width: 90,
              render: (_: unknown, r) => <Button size="small" type="primary" disabled={r.value === null || !r.source.trim()} onClick={() => { void save(r); }}>{t('ind.entry.save')}</Button>,
            },
          ]}
        />
      </Card>
    </>
  );
}
