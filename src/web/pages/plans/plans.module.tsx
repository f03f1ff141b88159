/** The plan pages as a web module (src/web/modules.tsx): plans, a plan, its reports, an item, "Việc của đơn vị". */
import { AimOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Link, Route, useParams } from 'react-router-dom';
import { PLAN_BROWSERS, PLAN_UNIT_WORKERS } from '../../../shared/permissions.ts';
import { defineWebModule } from '../../module.ts';
import { currentLang } from '../../i18n/index.ts';
import { ItemPage, MyItemsPage } from './my-items.page.tsx';
import { PlanPage } from './plan.page.tsx';
import { PlansPage } from './plans.page.tsx';
import { planText } from './plans.text.ts';
import { ReportPage } from './report.page.tsx';

function ItemRoute() {
  const { id = '' } = useParams();
  return <ItemPage id={id} />;
}

export const plansWebModule = defineWebModule({
  name: 'plans',
  routes: (
    <>
      <Route path="plans" element={<PlansPage />} />
      <Route path="plans/:id" element={<PlanPage />} />
      <Route path="plans/:id/reports" element={<ReportPage />} />
      <Route path="plan-items/:id" element={<ItemRoute />} />
      <Route path="my-items" element={<MyItemsPage />} />
    </>
  ),
  subjectLinks: { plan: (id) => `/plans/${id}`, plan_item: (id) => `/plan-items/${id}` },
  menu: (role) => {
    const s = planText[currentLang()];
    return [
      ...(PLAN_BROWSERS.has(role) ? [{ key: '/plans', icon: <AimOutlined />, label: <Link to="/plans">{s.menu}</Link> }] : []),
      ...(PLAN_UNIT_WORKERS.has(role) ? [{ key: '/my-items', icon: <ScheduleOutlined />, label: <Link to="/my-items">{s.myMenu}</Link> }] : []),
    ];
  },
});
