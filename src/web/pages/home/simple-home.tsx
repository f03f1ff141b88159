/**
 * The home of those who do not read the province's figures: an applicant (enterprise, host organisation) and a
 * reviewer (council member) get where their work is; the enterprise sees its own tasks first.
 */
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../shared/roles.ts';
import { MyTasksCard } from '../enterprise/my-tasks-card.tsx';

export function SimpleHome({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role === 'reviewer') {
    return (
      <Card>
        <Space direction="vertical">
          <Typography.Text>{t('simpleHome.reviewer')}</Typography.Text>
          <Link to="/my-councils">{t('simpleHome.myCouncils')}</Link>
        </Space>
      </Card>
    );
  }
  if (role === 'applicant') {
    return (
      <>
        <MyTasksCard />
        <Card style={{ marginTop: 16 }}>
          <Space direction="vertical">
            <Typography.Text>{t('simpleHome.applicant')}</Typography.Text>
            <Link to="/api-tokens">{t('simpleHome.apiTokens')}</Link>
          </Space>
        </Card>
      </>
    );
  }
  return null;
}
