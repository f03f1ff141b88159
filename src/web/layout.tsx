/** The signed-in frame: sider menu, header with the user, role, province, language switch and sign-out. */
import { useState } from 'react';
import { Button, Flex, Grid, Layout, Menu, Tag, Tooltip, Typography, theme } from 'antd';
import { DashboardOutlined, EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from './components/language-switch.tsx';
import { menuEntries } from './modules.tsx';
import { InboxBadge } from './pages/inbox/inbox-badge.tsx';
import { useSession, useUser } from './session.tsx';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;

  const items = [
    { key: '/', icon: <DashboardOutlined />, label: <Link to="/">{t('menu.dashboard')}</Link> },
    ...menuEntries(user.role, t),
  ];
  const selected = items.map((i) => i.key).filter((k) => k === '/' ? location.pathname === '/' : location.pathname.startsWith(k));

  const signOut = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg">
        <div style={{ color: '#fff', padding: '16px 16px 8px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? t('app.short') : t('app.title')}
        </div>
        <nav aria-label={t('app.title')}>
          <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: token.colorBgContainer, padding: wide ? '0 24px' : '0 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
            <Typography.Text type="secondary" ellipsis aria-label={t('header.province')} style={{ minWidth: 0 }}>
              <EnvironmentOutlined /> {wide ? user.tenant.name : null}
            </Typography.Text>
            <Flex align="center" gap={wide ? 12 : 8} style={{ flexShrink: 0 }}>
              <Tooltip title={wide ? null : `${user.displayName} · ${user.tenant.name}`}>
                <span data-testid="current-user">
                  <UserOutlined /> {wide && <Typography.Text strong>{user.displayName}</Typography.Text>}
                </span>
              </Tooltip>
              {wide && <Tag color="blue" aria-label={t('header.role')}>{t(`roles.${user.role}`)}</Tag>}
              <InboxBadge />
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} onClick={signOut} aria-label={t('header.signOut')}>{wide ? t('header.signOut') : null}</Button>
            </Flex>
          </Flex>
        </Header>
        <Content style={{ margin: wide ? 24 : 12 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
