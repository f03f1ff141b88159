/** The app shell: Ant Design theme and locale (vi_VN by default, en_US), the session, and the routes. */
import { Fragment, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin, Button } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { i18n } from './i18n/index.ts';
import { AppLayout } from './layout.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { DashboardPage } from './pages/dashboard.page.tsx';
import { webModules } from './modules.tsx';

const antdLocales = { vi: viVN, en: enUS };

function Themed({ children }: { children: React.ReactNode }) {
  const { i18n: instance } = useTranslation();
  const lang = instance.language === 'en' ? 'en' : 'vi';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = instance.t('app.title');
  }, [lang, instance]);
  return (
    <ConfigProvider locale={antdLocales[lang]} theme={{ token: { colorPrimary: '#0b5cad', borderRadius: 6 } }}>
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

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('errors.notFound')} extra={<Link to="/"><Button type="primary">{t('errors.home')}</Button></Link>} />;
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
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </Themed>
    </I18nextProvider>
  );
}
