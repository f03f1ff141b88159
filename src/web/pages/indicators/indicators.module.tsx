/** Indicators and targets as a web module (src/web/modules.tsx): the dashboard, the TFP calculator, value entry. */
import { LineChartOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { INDICATOR_READERS } from '../../../shared/permissions.ts';
import { defineWebModule } from '../../module.ts';
import { IndicatorsPage } from './indicators.page.tsx';
import { TfpPage } from './tfp.page.tsx';
import { ValueEntryPage } from './value-entry.page.tsx';

export const indicatorsWebModule = defineWebModule({
  name: 'indicators',
  routes: (
    <>
      <Route path="indicators" element={<IndicatorsPage />} />
      <Route path="indicators/tfp" element={<TfpPage />} />
      <Route path="indicators/entry" element={<ValueEntryPage />} />
    </>
  ),
  menu: (role, t) => (INDICATOR_READERS.has(role) ? [
    { key: '/indicators', icon: <LineChartOutlined />, label: <Link to="/indicators">{t('ind.menu')}</Link> },
  ] : []),
});
