/**
 * The home's own pages as a web module (src/web/modules.tsx): the list of tasks behind a figure. The home itself is
 * the dashboard route (`/`, dashboard.page.tsx). No menu entry: the figures link here, and the page checks its role.
 */
import { Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { FigureListPage } from './figure-list.page.tsx';

export const homeWebModule = defineWebModule({
  name: 'home',
  routes: <Route path="home/tasks" element={<FigureListPage />} />,
});
