/** The inbox as a web module: the page at /inbox and its menu entry for every signed-in account (the bell is in the header). */
import { BellOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { InboxPage } from './inbox.page.tsx';

export const inboxWebModule = defineWebModule({
  name: 'inbox',
  routes: <Route path="inbox" element={<InboxPage />} />,
  menu: (_role, t) => [{ key: '/inbox', icon: <BellOutlined />, label: <Link to="/inbox">{t('inbox.title')}</Link> }],
});
