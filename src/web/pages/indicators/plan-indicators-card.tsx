/**
 * The plan's indicators for the leader's home: each indicator of the plan (or of the province) against its target
 * for last year, on today's boundaries, with its status in words; a link to the full dashboard.
 */
import { useEffect, useState } from 'react';
import { Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type ResponseOf } from '../../api.ts';
import { useLang } from '../tasks/task-ui.tsx';
import { StatusTag, figureText, targetText } from './indicator-ui.tsx';

type Dashboard = ResponseOf<'get', '/api/indicators/dashboard'>;

export function PlanIndicatorsCard({ planId }: { planId?: string } = {}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [data, setData] = useState<Dashboard | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const year = new Date().getFullYear() - 1;
    api.get('/api/indicators/dashboard', { query: { year, view: 'current', ...(planId ? { planId } : {}) } })
      .then((d) => { if (live) setData(d); }, () => { if (live) setFailed(true); });
    return () => { live = false; };
  }, [planId]);
  if (failed) return null;
  return (
    <Card title={t('ind.card.title')} extra={<Link to="/indicators">{t('ind.card.more')}</Link>} data-testid="plan-indicators-card">
      {!data ? <Spin /> : data.rows.length === 0 ? <Empty description={t('ind.card.none')} /> : (
        <List
          size="small"
          dataSource={data.rows}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text strong>{r.name[lang]}</Typography.Text>
                <Typography.Text type="secondary">
                  {figureText(r.actual, r.decimals)} {r.unit} · {t('ind.cols.target')}: {targetText(t, r.target, r.decimals)} ({r.year})
                </Typography.Text>
              </Space>
              <StatusTag status={r.status} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
