/** Administration of a province: accounts, its agencies, the audit log; every user's own API tokens. */
import { ApiOutlined, AuditOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { canReadAudit } from '../../permissions.ts';
import { ApiTokensPage } from '../api-tokens.page.tsx';
import { AuditPage } from '../audit.page.tsx';

export const accountsWebModule = defineWebModule({
  name: 'accounts',
  routes: (
    <>
      <Route path="audit" element={<AuditPage />} />
      <Route path="api-tokens" element={<ApiTokensPage />} />
    </>
  ),
  menu: (role, t) => [
    ...(canReadAudit(role) ? [{ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('menu.audit')}</Link> }] : []),
    { key: '/api-tokens', icon: <ApiOutlined />, label: <Link to="/api-tokens">{t('menu.apiTokens')}</Link> },
  ],
});
