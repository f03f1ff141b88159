/** The S&T registry: organisations and experts. */
import { BankOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { canReadRegistry } from '../../permissions.ts';
import { OrganizationsPage } from '../organizations.page.tsx';
import { PeoplePage } from '../people.page.tsx';

export const registryWebModule = defineWebModule({
  name: 'registry',
  routes: (
    <>
      <Route path="organizations" element={<OrganizationsPage />} />
      <Route path="people" element={<PeoplePage />} />
    </>
  ),
  menu: (role, t) => (canReadRegistry(role) ? [
    { key: '/organizations', icon: <BankOutlined />, label: <Link to="/organizations">{t('menu.organizations')}</Link> },
    { key: '/people', icon: <TeamOutlined />, label: <Link to="/people">{t('menu.people')}</Link> },
  ] : []),
});
