/**
 * Administration of a province: accounts, its agencies, the audit log; every user's own API tokens; the enterprise
 * account requests the department confirms, and the public form that sends them (/dang-ky).
 */
import { ApartmentOutlined, ApiOutlined, AuditOutlined, SolutionOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { ACCOUNT_REQUEST_REVIEWERS } from '../../../shared/permissions.ts';
import { defineWebModule } from '../../module.ts';
import { canEditAgencies, canManageAccounts, canReadAudit } from '../../permissions.ts';
import { ApiTokensPage } from '../api-tokens.page.tsx';
import { AuditPage } from '../audit.page.tsx';
import { REGISTER_PATH, RegisterPage } from '../register/register.page.tsx';
import { ACCOUNT_REQUESTS_PATH, AccountRequestsPage } from './account-requests.page.tsx';
import { AgenciesPage } from './agencies.page.tsx';
import { UsersPage } from './users.page.tsx';

export const accountsWebModule = defineWebModule({
  name: 'accounts',
  routes: (
    <>
      <Route path="users" element={<UsersPage />} />
      <Route path={ACCOUNT_REQUESTS_PATH.slice(1)} element={<AccountRequestsPage />} />
      <Route path="agencies" element={<AgenciesPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="api-tokens" element={<ApiTokensPage />} />
    </>
  ),
  publicRoutes: <Route path={REGISTER_PATH} element={<RegisterPage />} />,
  menu: (role, t) => [
    ...(canManageAccounts(role) ? [{ key: '/users', icon: <UserSwitchOutlined />, label: <Link to="/users">{t('menu.users')}</Link> }] : []),
    ...(ACCOUNT_REQUEST_REVIEWERS.has(role)
      ? [{ key: ACCOUNT_REQUESTS_PATH, icon: <SolutionOutlined />, label: <Link to={ACCOUNT_REQUESTS_PATH}>{t('accountRequest.menu')}</Link> }]
      : []),
    ...(canEditAgencies(role) ? [{ key: '/agencies', icon: <ApartmentOutlined />, label: <Link to="/agencies">{t('menu.agencies')}</Link> }] : []),
    ...(canReadAudit(role) ? [{ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('menu.audit')}</Link> }] : []),
    { key: '/api-tokens', icon: <ApiOutlined />, label: <Link to="/api-tokens">{t('menu.apiTokens')}</Link> },
  ],
  subjectLinks: { account_request: () => ACCOUNT_REQUESTS_PATH },
});
