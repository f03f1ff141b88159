/**
 * Tổng quan: how many organisations, S&T enterprises and people the province has.
 * There is no count endpoint yet, so the counts walk the keyset-paged lists (200 a page) up to a cap and show
 * "at least N" beyond it.
 */
import { useEffect, useState } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { BankOutlined, ExperimentOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/vi/format.ts';
import { api, type Query } from '../api.ts';
import { useFeedback } from '../feedback.tsx';
import { canReadRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';

const PAGE = 200;
const MAX_PAGES = 25;

interface Count { n: number; capped: boolean }

async function countAll(path: string, query: Query = {}): Promise<Count> {
  let n = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r: { items: unknown[]; nextCursor: string | null } = await api.get(path, { ...query, limit: PAGE, cursor: cursor ?? undefined });
    n += r.items.length;
    cursor = r.nextCursor;
    if (!cursor) return { n, capped: false };
  }
  return { n, capped: true };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { showError } = useFeedback();
  const readable = canReadRegistry(user.role);
  const [counts, setCounts] = useState<{ orgs: Count; st: Count; people: Count } | null>(null);

  useEffect(() => {
    if (!readable) return;
    let live = true;
    Promise.all([
      countAll('/api/organizations'),
      countAll('/api/organizations', { isStEnterprise: 'true' }),
      countAll('/api/people'),
    ]).then(([orgs, st, people]) => { if (live) setCounts({ orgs, st, people }); }, (e) => { if (live) showError(e); });
    return () => { live = false; };
  }, [readable, showError]);

  const cards = [
    { key: 'orgs', title: t('dashboard.organizations'), icon: <BankOutlined />, to: '/organizations' },
    { key: 'st', title: t('dashboard.stEnterprises'), icon: <ExperimentOutlined />, to: '/organizations' },
    { key: 'people', title: t('dashboard.people'), icon: <TeamOutlined />, to: '/people' },
  ] as const;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('dashboard.title')}</Typography.Title>
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
                      loading={!count}
                      value={count ? (count.capped ? t('dashboard.atLeast', { n: formatNumber(count.n) }) : formatNumber(count.n)) : 0}
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
