/**
 * The leader's home section: enterprises supported this year through the programmes, by support type, programme
 * and commune (a table of the numbers), with the Excel export of the same figures.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Row, Spin, Statistic, Table, Typography } from 'antd';
import { api, type ResponseOf } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatNumber } from '../../format.ts';
import { fill, useSupportText } from './support.text.ts';
import { download } from './support-ui.tsx';

type Figures = ResponseOf<'get', '/api/support/figures'>;

export function SupportFiguresCard() {
  const { s, lang } = useSupportText();
  const { showError } = useFeedback();
  const [data, setData] = useState<Figures | null>(null);
  const [failed, setFailed] = useState(false);
  const year = new Date().getFullYear();
  useEffect(() => {
    let live = true;
    api.get('/api/support/figures', { query: { year } }).then((d) => { if (live) setData(d); }, () => { if (live) setFailed(true); });
    return () => { live = false; };
  }, [year]);
  if (failed) return null;
  const table = (title: string, rows: Figures['byType']) => (
    <Table
      size="small" rowKey="key" dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} title={() => <Typography.Text strong>{title}</Typography.Text>}
      columns={[
        { title, key: 'label', render: (_, r) => r.label[lang] },
        { title: s.figures.organizations, dataIndex: 'organizations', align: 'right' },
        { title: s.figures.stateAmount, dataIndex: 'stateAmount', align: 'right', render: (v: number) => formatNumber(v, 0) },
      ]}
    />
  );
  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{s.figures.title} · {fill(s.figures.year, { year })}</Typography.Title>}
      extra={<Button onClick={() => download(`/api/support/figures/export.xlsx?year=${year}&lang=${lang}`).catch(showError)}>{s.figures.export}</Button>}
      data-testid="support-figures-card"
    >
      {!data ? <Spin /> : data.total.decisions === 0 ? <Empty description={s.figures.none} /> : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Statistic title={s.figures.organizations} value={data.total.organizations} formatter={(v) => formatNumber(Number(v))} /></Col>
            <Col xs={12} md={6}><Statistic title={s.figures.decisions} value={data.total.decisions} formatter={(v) => formatNumber(Number(v))} /></Col>
            <Col xs={12} md={6}><Statistic title={s.figures.stateAmount} value={data.total.stateAmount} formatter={(v) => formatNumber(Number(v), 0)} /></Col>
            <Col xs={12} md={6}><Statistic title={s.figures.certificates} value={data.total.certificates} formatter={(v) => formatNumber(Number(v))} /></Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={8}>{table(s.figures.byType, data.byType)}</Col>
            <Col xs={24} lg={8}>{table(s.figures.byProgramme, data.byProgramme)}</Col>
            <Col xs={24} lg={8}>{table(s.figures.byUnit, data.byUnit)}</Col>
          </Row>
        </>
      )}
    </Card>
  );
}
