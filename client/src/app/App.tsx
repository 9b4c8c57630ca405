import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { SessionProvider, useSession } from '../features/auth/session';
import { sessionRenewal } from '../features/auth/session-renewal';
import { BoardPage } from '../features/board/components/BoardPage';
import { BulletinPage, isBulletinPath } from '../features/bulletin';
import { InboxPage } from '../features/inbox/components/InboxPage';
import { PlanImportPage } from '../features/plan-import';
import { ReminderSlipPage, reminderSlipIdOf } from '../features/reminder';
import { WatchListPage } from '../features/supervision';
import { FollowingPage } from '../features/instruction';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { AppHeader } from './AppHeader';
import { navigate, useView, viewsFor } from './route';
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
// Only administrators open it: nobody else downloads it.
const AdminPage = lazy(() => import('../features/admin').then((m) => ({ default: m.AdminPage })));

const spinner = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

function Page() {
  const requested = useView();
  const { user } = useSession();
  // A link to a view this role may not open (an administrator's "/", anyone else's "/admin") opens
  // the role's first view instead, and the address says so.
  const allowed = viewsFor(user.role);
  const view = allowed.includes(requested) ? requested : (allowed[0] ?? 'board');
  // A printable slip is a page of its own, outside the menu's views (the server decides who may read it).
  const slipId = reminderSlipIdOf(location.pathname);
  // So is the supervision bulletin (督办通报), printed from the watch list.
  const bulletin = isBulletinPath(location.pathname);
  useEffect(() => {
    if (!slipId && !bulletin && view !== requested) navigate(view, false, true);
  }, [slipId, bulletin, view, requested]);
  if (slipId) return <ReminderSlipPage id={slipId} />;
  if (bulletin) return <BulletinPage />;
  if (view === 'admin') {
    return (
      <Suspense fallback={spinner}>
        <AdminPage />
      </Suspense>
    );
  }
  if (view === 'inbox') return <InboxPage />;
  if (view === 'watch') return <WatchListPage />;
  if (view === 'following') return <FollowingPage />;
  if (view === 'import') return <PlanImportPage />;
  if (view === 'dashboard') {
    return (
      <Suspense fallback={spinner}>
        <DashboardPage header={<AppHeader onOpenTask={() => navigate('board')} />} />
      </Suspense>
    );
  }
  return <BoardPage />;
}

function Themed() {
  const { language } = useI18n();
  const [live, setLive] = useState(false);
  const { client } = useMemo(() => createApolloClient(sessionRenewal, { onConnected: () => setLive(true), onClosed: () => setLive(false) }), []);
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6 } }}>
      <AntApp>
        <ApolloProvider client={client}>
          <LiveStatusContext.Provider value={live}>
            <SessionProvider renewal={sessionRenewal} signedOut={(ended) => <SignInPage ended={ended} />} loading={spinner}>
              <Page />
            </SessionProvider>
          </LiveStatusContext.Provider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
