/** Administration of a province: accounts, its agencies, the audit log; every user's own API tokens. */
import { ApartmentOutlined, ApiOutlined, AuditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { canEditAgencies, canManageAccounts, canReadAudit } from '../../permissions.ts';
import { ApiTokensPage } from '../api-tokens.page.tsx';
import { AuditPage } from '../audit.page.tsx';
import { AgenciesPage } from './agencies.page.tsx';
import { UsersPage } from './users.page.tsx';

export const accountsWebModule = defineWebModule({
  name: 'accounts',
  routes: (
    <>
      <Route path="users" element={<UsersPage />} />
      <Route path="agencies" element={<AgenciesPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="api-tokens" element={<ApiTokensPage />} />
    </>
  ),
  menu: (role, t) => [
    ...(canManageAccounts(role) ? [{ key: '/users', icon: <UserSwitchOutlined />, label: <Link to="/users">{t('menu.users')}</Link> }] : []),
    ...(canEditAgencies(role) ? [{ key: '/agencies', icon: <ApartmentOutlined />, label: <Link to="/agencies">{t('menu.agencies')}</Link> }] : []),
    ...(canReadAudit(role) ? [{ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('menu.audit')}</Link> }] : []),
    { key: '/api-tokens', icon: <ApiOutlined />, label: <Link to="/api-tokens">{t('menu.apiTokens')}</Link> },
  ],
});
