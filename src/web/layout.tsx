/**
 * The signed-in frame: a skip link to the page, the sider menu (a drawer behind a menu button below the `lg`
 * breakpoint), the header with the user, role, province, inbox, language switch and sign-out, and the page in
 * `<main>` — or a 403 page when the role's menu lacks a page another role's menu has (modules.tsx `mayOpen`).
 */
import { useEffect, useState } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu, Tag, Tooltip, Typography, theme } from 'antd';
import { DashboardOutlined, EnvironmentOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from './components/language-switch.tsx';
import { ForbiddenPage } from './components/status-page.tsx';
import { useWideTables } from './components/wide-tables.ts';
import { mayOpen, menuEntries } from './modules.tsx';
import { InboxBadge } from './pages/inbox/inbox-badge.tsx';
import { useSession, useUser } from './session.tsx';

const { Header, Sider, Content } = Layout;

export const MAIN_ID = 'main-content';

/** "Bỏ qua đến nội dung chính": the first stop of the Tab key, hidden until focused (global.css). */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('a11y.skipToContent')}
    </a>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;

  // A page opened from the drawer closes it; a wider window has the sider instead.
  useEffect(() => setMenuOpen(false), [location.pathname, wide]);
  useWideTables(t('common.scrollHint'));

  const items = [
    { key: '/', icon: <DashboardOutlined />, label: <Link to="/">{t('menu.dashboard')}</Link> },
    ...menuEntries(user.role, t),
  ];
  const selected = items.map((i) => i.key).filter((k) => k === '/' ? location.pathname === '/' : location.pathname.startsWith(k));
  const menu = (dark: boolean) => (
    <nav aria-label={t('a11y.mainMenu')}>
      <Menu theme={dark ? 'dark' : 'light'} mode="inline" selectedKeys={selected} items={items} />
    </nav>
  );

  const signOut = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      {wide ? (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220}>
          <div style={{ color: '#fff', padding: '16px 16px 8px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {collapsed ? t('app.short') : t('app.title')}
          </div>
          {menu(true)}
        </Sider>
      ) : (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={280}
          title={t('app.title')}
          styles={{ body: { padding: 0 } }}
          closable={{ 'aria-label': t('common.close') }}
        >
          {menu(false)}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header style={{ background: token.colorBgContainer, padding: wide ? '0 24px' : '0 8px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={wide ? 12 : 4}>
            <Flex align="center" gap={4} style={{ minWidth: 0 }}>
              {!wide && (
                <Button
                  type="text" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)}
                  aria-label={t('a11y.openMenu')} aria-expanded={menuOpen} data-testid="menu-button"
                />
              )}
              <Typography.Text type="secondary" ellipsis aria-label={t('header.province')} style={{ minWidth: 0 }}>
                <EnvironmentOutlined /> {wide ? user.tenant.name : null}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={wide ? 12 : 4} style={{ flexShrink: 0 }}>
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
        <Content id={MAIN_ID} tabIndex={-1} style={{ margin: wide ? 24 : 12, outline: 'none', minWidth: 0 }}>
          {mayOpen(user.role, location.pathname, t) ? <Outlet /> : <ForbiddenPage />}
        </Content>
      </Layout>
    </Layout>
  );
}
