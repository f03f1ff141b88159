/**
 * The support programmes as a web module (src/web/modules.tsx): for DOST staff "Chương trình hỗ trợ" (programmes,
 * calls, a call's page with its form builder and applications); for applicants "Hỗ trợ doanh nghiệp" (open calls and
 * the organisation's applications). An application's page (/programme-applications/:id) serves both.
 */
import { GiftOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { PROGRAMME_APPLICANTS, PROGRAMME_READERS } from '../../../shared/permissions.ts';
import { defineWebModule } from '../../module.ts';
import { ProgrammesPage } from './programmes.page.tsx';
import { CallPage } from './call.page.tsx';
import { PortalPage } from './portal.page.tsx';
import { ApplicationPage } from './application.page.tsx';

export const programmesWebModule = defineWebModule({
  name: 'programmes',
  routes: (
    <>
      <Route path="programmes" element={<ProgrammesPage />} />
      <Route path="programmes/calls/:id" element={<CallPage />} />
      <Route path="support-portal" element={<PortalPage />} />
      <Route path="programme-applications/:id" element={<ApplicationPage />} />
    </>
  ),
  subjectLinks: { programme_application: (id) => `/programme-applications/${id}` },
  menu: (role, t) => [
    ...(PROGRAMME_READERS.has(role) ? [{ key: '/programmes', icon: <SolutionOutlined />, label: <Link to="/programmes">{t('programmes.menu.staff')}</Link> }] : []),
    ...(PROGRAMME_APPLICANTS.has(role) ? [{ key: '/support-portal', icon: <GiftOutlined />, label: <Link to="/support-portal">{t('programmes.menu.applicant')}</Link> }] : []),
  ],
});
