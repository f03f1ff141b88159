/** Tổng quan: how many organisations, S&T enterprises and people the province has (GET /api/registry/stats). */
import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { BankOutlined, ExperimentOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../format.ts';
import { api } from '../api.ts';
import { PageTitle } from '../components/page-title.tsx';
import { useFeedback } from '../feedback.tsx';
import { canReadRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { showError } = useFeedback();
  const readable = canReadRegistry(user.role);
  const [counts, setCounts] = useState<{ orgs: number; st: number; people: number } | null>(null);

  useEffect(() => {
    if (!readable) return;
    let live = true;
    api.get('/api/registry/stats').then(
      (r) => { if (live) setCounts({ orgs: r.organizations, st: r.stEnterprises, people: r.people }); },
      (e) => { if (live) showError(e); },
    );
    return () => { live = false; };
  }, [readable, showError]);

  const cards = [
    { key: 'orgs', title: t('dashboard.organizations'), icon: <BankOutlined />, to: '/organizations' },
    { key: 'st', title: t('dashboard.stEnterprises'), icon: <ExperimentOutlined />, to: '/organizations' },
    { key: 'people', title: t('dashboard.people'), icon: <TeamOutlined />, to: '/people' },
  ] as const;

  return (
    <>
      <PageTitle style={{ marginBottom: 8 }}>{t('dashboard.title')}</PageTitle>
      <Typography.Paragraph type="secondary">
        {t('dashboard.welcome', { name: user.displayName })} · {user.tenant.name}
      </Typography.Paragraph>
      {readable && (
        <Row gutter={[16, 16]}>
          {cards.map((c) => {
            const count = counts?.[c.key];
            return (
              <Col xs={24} md={8} key={c.key}>
                <Link to={c.to}>
                  <Card hoverable>
                    <Statistic
                      title={c.title}
                      prefix={c.icon}
                      loading={counts === null}
                      value={count !== undefined ? formatNumber(count) : 0}
                    />
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
    </>
  );
}
