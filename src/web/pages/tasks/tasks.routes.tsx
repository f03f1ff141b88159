/**
 * The routes and menu entries of the task lifecycle pages, plugged into app.tsx and layout.tsx with one line each.
 * `/cong-khai/nhiem-vu` is public (outside the signed-in layout).
 */
import type { TFunction } from 'i18next';
import { BarChartOutlined, ExperimentOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import type { Role } from '../../../shared/roles.ts';
import { CouncilPage } from '../councils/council.page.tsx';
import { MyCouncilsPage } from '../councils/my-councils.page.tsx';
import { PublicTasksPage } from '../public/public-tasks.page.tsx';
import { StageTimingPage } from './stage-timing.page.tsx';
import { TaskPage } from './task.page.tsx';
import { TasksPage } from './tasks.page.tsx';
import { canListTasks, canSeeStageTiming, hasMyCouncils } from './task-permissions.ts';

/** Inside the signed-in layout. */
export const taskRoutes = (
  <>
    <Route path="tasks" element={<TasksPage />} />
    <Route path="tasks/:id" element={<TaskPage />} />
    <Route path="councils/:id" element={<CouncilPage />} />
    <Route path="my-councils" element={<MyCouncilsPage />} />
    <Route path="stage-timing" element={<StageTimingPage />} />
  </>
);

/** Without sign-in. */
export const publicTaskRoutes = <Route path="/cong-khai/nhiem-vu" element={<PublicTasksPage />} />;

/** Menu entries for the role (after the dashboard). */
export function taskMenuItems(role: Role, t: TFunction) {
  return [
    ...(canListTasks(role) ? [{ key: '/tasks', icon: <ExperimentOutlined />, label: <Link to="/tasks">{t('taskMenu.tasks')}</Link> }] : []),
    ...(hasMyCouncils(role) ? [{ key: '/my-councils', icon: <SolutionOutlined />, label: <Link to="/my-councils">{t('taskMenu.myCouncils')}</Link> }] : []),
    ...(canSeeStageTiming(role) ? [{ key: '/stage-timing', icon: <BarChartOutlined />, label: <Link to="/stage-timing">{t('taskMenu.stageTiming')}</Link> }] : []),
  ];
}
