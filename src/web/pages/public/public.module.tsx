/** The public portal's own pages (no sign-in): the printable page of an accepted task. The list is in tasks.module. */
import { Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { PublicTaskPage } from './public-task.page.tsx';

export const publicWebModule = defineWebModule({
  name: 'public',
  publicRoutes: <Route path="/cong-khai/nhiem-vu/:province/:id" element={<PublicTaskPage />} />,
});
