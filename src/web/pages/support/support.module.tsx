/** The support pages as a web module (src/web/modules.tsx): the calls, a call's ranking, an application's support. */
import { TrophyOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { SUPPORT_READERS } from '../../../shared/permissions.ts';
import { defineWebModule } from '../../module.ts';
import { currentLang } from '../../i18n/index.ts';
import { SupportCallsPage } from './calls.page.tsx';
import { RankingPage } from './ranking.page.tsx';
import { ApplicationSupportPage } from './application-support.page.tsx';
import { supportText } from './support.text.ts';

export const supportWebModule = defineWebModule({
  name: 'support',
  routes: (
    <>
      <Route path="support" element={<SupportCallsPage />} />
      <Route path="support/calls/:id" element={<RankingPage />} />
      <Route path="support/applications/:id" element={<ApplicationSupportPage />} />
    </>
  ),
  menu: (role) => (SUPPORT_READERS.has(role)
    ? [{ key: '/support', icon: <TrophyOutlined />, label: <Link to="/support">{supportText[currentLang()].menu}</Link> }]
    : []),
});
