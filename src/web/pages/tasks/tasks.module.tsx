/**
 * The task lifecycle pages as a web module (src/web/modules.tsx): tasks, councils, stage timing, and the public list
 * of accepted tasks at `/cong-khai/nhiem-vu` (outside the signed-in layout).
 */
import type { TFunction } from 'i18next';
import { BarChartOutlined, ExperimentOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import type { Role } from '../../../shared/roles.ts';
import { defineWebModule } from '../../module.ts';
import { CouncilPage } from '../councils/council.page.tsx';
import { MyCouncilsPage } from '../councils/my-councils.page.tsx';
import { PublicTasksPage } from '../public/public-tasks.page.tsx';
import { StageTimingPage } from './stage-timing.page.tsx';
import { TaskPage } from './task.page.tsx';
import { TasksPage } from './tasks.page.tsx';
import { canListTasks, canSeeStageTiming, hasMyCouncils } from './task-permissions.ts';

const routes = (
  <>
    <Route path="tasks" element={<TasksPage />} />
    <Route path="tasks/:id" element={<TaskPage />} />
    <Route path="councils/:id" element={<CouncilPage />} />
    <Route path="my-councils" element={<MyCouncilsPage />} />
    <Route path="stage-timing" element={<StageTimingPage />} />
  </>
);

export const tasksWebModule = defineWebModule({
  name: 'tasks',
  routes,
  publicRoutes: <Route path="/cong-khai/nhiem-vu" element={<PublicTasksPage />} />,
  subjectLinks: { task: (id) => `/tasks/${id}`, council: (id) => `/councils/${id}` },
  menu: (role: Role, t: TFunction) => [
    ...(canListTasks(role) ? [{ key: '/tasks', icon: <ExperimentOutlined />, label: <Link to="/tasks">{t('taskMenu.tasks')}</Link> }] : []),
    ...(hasMyCouncils(role) ? [{ key: '/my-councils', icon: <SolutionOutlined />, label: <Link to="/my-councils">{t('taskMenu.myCouncils')}</Link> }] : []),
    ...(canSeeStageTiming(role) ? [{ key: '/stage-timing', icon: <BarChartOutlined />, label: <Link to="/stage-timing">{t('taskMenu.stageTiming')}</Link> }] : []),
  ],
});
