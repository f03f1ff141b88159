/** The app shell: Ant Design theme and locale (vi_VN by default, en_US), the session, and the routes. */
import { Fragment, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { i18n } from './i18n/index.ts';
import { AppLayout } from './layout.tsx';
import { NotFoundPage } from './components/status-page.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { DashboardPage } from './pages/dashboard.page.tsx';
import { webModules } from './modules.tsx';

const antdLocales = { vi: viVN, en: enUS };

const darkerTagText = { volcano: '#ad2102', orange: '#ad4e00', gold: '#874d00', yellow: '#876800', lime: '#3f6600', green: '#237804', cyan: '#006d75' } as const;
const TAG_TEXT = Object.fromEntries(Object.entries(darkerTagText).flatMap(([c, hex]) => [[`${c}7`, hex], [`${c}-7`, hex]])) as Partial<NonNullable<ThemeConfig['token']>>;

/**
 * The theme: Ant Design's defaults darkened where they fall below WCAG 2.1 AA contrast (4.5:1 for text), checked by
 * axe-core in test/e2e/a11y.e2e.test.ts. Secondary, tertiary and placeholder text, the danger red, the info colour and
 * the text of coloured tags (palette step 7 on step 1) move to darker steps; disabled text keeps its light grey.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    colorInfo: '#0b5cad',
    colorLink: '#0b5cad',
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.25)',
    // Coloured tags write their text in step 7 of the palette on step 1 (the CSS variable `--ant-green-7`): these
    // darker steps reach 4.5:1. Status tags (success, warning) are darkened in global.css.
    ...TAG_TEXT,
  },
};

function Themed({ children }: { children: React.ReactNode }) {
  const { i18n: instance } = useTranslation();
  const lang = instance.language === 'en' ? 'en' : 'vi';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = instance.t('app.title');
  }, [lang, instance]);
  return (
    <ConfigProvider locale={antdLocales[lang]} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function RequireSession({ children }: { children: React.ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Spin fullscreen />;
  if (status === 'signed-out') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function AppRoot() {
  return (
    <I18nextProvider i18n={i18n} defaultNS="translation">
      <Themed>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {webModules.map((m) => <Fragment key={m.name}>{m.publicRoutes}</Fragment>)}
              <Route element={<RequireSession><AppLayout /></RequireSession>}>
                <Route index element={<DashboardPage />} />
                {webModules.map((m) => <Fragment key={m.name}>{m.routes}</Fragment>)}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </Themed>
    </I18nextProvider>
  );
}
