/** How many organisations, S&T enterprises and people the province has (GET /api/registry/stats), for registry readers. */
import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { BankOutlined, ExperimentOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../format.ts';
import { api } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';

export function RegistryCounters() {
  const { t } = useTranslation();
  const { showError } = useFeedback();
  const [counts, setCounts] = useState<{ orgs: number; st: number; people: number } | null>(null);

  useEffect(() => {
    let live = true;
    api.get('/api/registry/stats').then(
      (r) => { if (live) setCounts({ orgs: r.organizations, st: r.stEnterprises, people: r.people }); },
      (e) => { if (live) showError(e); },
    );
    return () => { live = false; };
  }, [showError]);

  const cards = [
    { key: 'orgs', title: t('dashboard.organizations'), icon: <BankOutlined />, to: '/organizations' },
    { key: 'st', title: t('dashboard.stEnterprises'), icon: <ExperimentOutlined />, to: '/organizations' },
    { key: 'people', title: t('dashboard.people'), icon: <TeamOutlined />, to: '/people' },
  ] as const;

  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => {
        const count = counts?.[c.key];
        return (
          <Col xs={24} md={8} key={c.key}>
            <Link to={c.to}>
              <Card hoverable>
                <Statistic title={c.title} prefix={c.icon} loading={counts === null} value={count !== undefined ? formatNumber(count) : 0} />
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
