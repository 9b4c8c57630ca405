import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useMemo, useState } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { SessionProvider, tokenStore } from '../features/auth/session';
import { BoardPage } from '../features/board/components/BoardPage';
import { InboxPage } from '../features/inbox/components/InboxPage';
import { PlanImportPage } from '../features/plan-import';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { AppHeader } from './AppHeader';
import { navigate, useView } from './route';
import { createApolloClient } from './apollo';
import { LiveStatusContext } from './live-status';

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}

// ECharts is big: the dashboard loads only when someone opens it.
const DashboardPage = lazy(() => import('../features/dashboard').then((m) => ({ default: m.DashboardPage })));

function Page() {
  const view = useView();
  if (view === 'inbox') return <InboxPage />;
  if (view === 'import') return <PlanImportPage />;
  if (view === 'dashboard') {
    return (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />}>
        <DashboardPage header={<AppHeader onOpenTask={() => navigate('board')} />} />
      </Suspense>
    );
  }
  return <BoardPage />;
}

function Themed() {
  const { language } = useI18n();
  const [live, setLive] = useState(false);
  const { client } = useMemo(() => createApolloClient(tokenStore.get, { onConnected: () => setLive(true), onClosed: () => setLive(false) }), []);
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6 } }}>
      <AntApp>
        <ApolloProvider client={client}>
          <LiveStatusContext.Provider value={live}>
            <SessionProvider signedOut={<SignInPage />} loading={<Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />}>
              <Page />
            </SessionProvider>
          </LiveStatusContext.Provider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
