/**
 * The enterprise's pages as a web module (src/web/modules.tsx): "Nhiệm vụ của tôi" (the tasks its organisation
 * hosts or takes part in) and "Đề xuất nhiệm vụ" (a proposal saved as a draft, then submitted), for the roles that
 * propose tasks (shared/permissions.ts TASK_PROPOSERS). A draft opens at /propose-task/:id.
 */
import type { TFunction } from 'i18next';
import { FileAddOutlined, ProfileOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import type { Role } from '../../../shared/roles.ts';
import { TASK_PROPOSERS } from '../../../shared/permissions.ts';
import { defineWebModule } from '../../module.ts';
import { MyTasksPage } from './my-tasks.page.tsx';
import { ProposalPage } from './proposal.page.tsx';

export const canProposeTasks = (role: Role) => TASK_PROPOSERS.has(role);

const routes = (
  <>
    <Route path="my-tasks" element={<MyTasksPage />} />
    <Route path="propose-task" element={<ProposalPage />} />
    <Route path="propose-task/:id" element={<ProposalPage />} />
  </>
);

export const enterpriseWebModule = defineWebModule({
  name: 'enterprise',
  routes,
  menu: (role: Role, t: TFunction) => (canProposeTasks(role) ? [
    { key: '/my-tasks', icon: <ProfileOutlined />, label: <Link to="/my-tasks">{t('enterprise.menu.myTasks')}</Link> },
    { key: '/propose-task', icon: <FileAddOutlined />, label: <Link to="/propose-task">{t('enterprise.menu.propose')}</Link> },
  ] : []),
});
