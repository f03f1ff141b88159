/**
 * Tổng quan — the home page, composed of sections (src/web/pages/home/): the leader's figures for the province's
 * leaders and the department (GET /api/home), the registry counters for the roles that read the registry, and a
 * simple home pointing an applicant or a reviewer to their work.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title.tsx';
import { canReadRegistry } from '../permissions.ts';
import { useUser } from '../session.tsx';
import { LeaderHome } from './home/leader-home.tsx';
import { canReadLeaderHome } from './home/home-ui.tsx';
import { RegistryCounters } from './home/registry-counters.tsx';
import { SimpleHome } from './home/simple-home.tsx';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const leader = canReadLeaderHome(user.role);

  return (
    <>
      <PageTitle style={{ marginBottom: 8 }}>{t('dashboard.title')}</PageTitle>
      <Typography.Paragraph type="secondary">
        {t('dashboard.welcome', { name: user.displayName })} · {user.tenant.name}
      </Typography.Paragraph>
      {leader && <Typography.Paragraph>{t('leaderHome.intro')}</Typography.Paragraph>}
      {leader && <LeaderHome />}
      {!leader && canReadRegistry(user.role) && <RegistryCounters />}
      {!leader && <div style={{ marginTop: 16 }}><SimpleHome role={user.role} /></div>}
    </>
  );
}
