/**
 * The replicated models and the startup incubation as a web module (src/web/modules.tsx): the register of
 * replicated models, the incubated projects of a startup call, and a startup's page (services and outcomes).
 */
import { ExperimentOutlined, RocketOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { canBrowseIncubation, canBrowseReplications } from './incubation-permissions.ts';
import { IncubationPage } from './incubation.page.tsx';
import { ReplicationsPage } from './replications.page.tsx';
import { StartupPage } from './startup.page.tsx';

export const incubationWebModule = defineWebModule({
  name: 'incubation',
  routes: (
    <>
      <Route path="replications" element={<ReplicationsPage />} />
      <Route path="incubation" element={<IncubationPage />} />
      <Route path="incubation/:applicationId" element={<StartupPage />} />
    </>
  ),
  menu: (role, t) => [
    ...(canBrowseReplications(role) ? [{ key: '/replications', icon: <ExperimentOutlined />, label: <Link to="/replications">{t('replication.menu')}</Link> }] : []),
    ...(canBrowseIncubation(role) ? [{ key: '/incubation', icon: <RocketOutlined />, label: <Link to="/incubation">{t('incubation.menu')}</Link> }] : []),
  ],
});
