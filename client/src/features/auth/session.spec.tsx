import { ApolloClient, gql, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { ApolloProvider, useLazyQuery } from '@apollo/client/react';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { I18nProvider } from '../../i18n/i18n';
import { SessionProvider, useSession } from './session';
import { createSessionLink } from './session-link';
import { SessionRenewal } from './session-renewal';
import { sessionStore } from './session-store';
import { fakeServer, refused, signInEnded, T0, tokens } from './session-test-server';
import { SignInPage } from './SignInPage';

// antd tables and forms render slowly in jsdom, more so on a busy machine: wait up to 5 s, not 1.
configure({ asyncUtilTimeout: 5000 });

// @ant-design/icons ships ESM that this jest setup does not transform.
jest.mock('@ant-design/icons', () => ({ TranslationOutlined: () => null }));

const PLANS: TypedDocumentNode<{ plans: Array<{ id: string }> }> = gql`query Plans { plans { id } }`;
const ME = { __typename: 'User', id: 'u1', email: 'jxw@demo.gov', name: '王经办', role: 'STAFF', department: { __typename: 'Department', id: 'd1', name: '省经济和信息化委', code: 'jxw' } };

/** A signed-in page: who is signed in, a button that asks the server something, and sign-out. */
function Signed() {
  const { user, signOut } = useSession();
  const [load, plans] = useLazyQuery(PLANS, { fetchPolicy: 'network-only' });
  return (
    <div>
      <span>{user.name}</span>
      <button onClick={() => void load().catch(() => undefined)}>load</button>
      {plans.data && <span>{plans.data.plans.length} plans</span>}
      <button onClick={signOut}>sign out</button>
    </div>
  );
}

function renderApp(answer: Parameters<typeof fakeServer>[0], refresh: jest.Mock) {
  const renewal = new SessionRenewal(refresh, sessionStore, () => T0);
  const server = fakeServer(answer);
  const client = new ApolloClient({ link: createSessionLink(renewal).concat(server.link), cache: new InMemoryCache() });
  render(
    <I18nProvider language="zh-CN">
      <AntApp>
        <ApolloProvider client={client}>
          <SessionProvider renewal={renewal} signedOut={(ended) => <SignInPage ended={ended} />} loading={<div>loading session</div>}>
            <Signed />
          </SessionProvider>
        </ApolloProvider>
      </AntApp>
    </I18nProvider>,
  );
  return server;
}

const demoAccounts = { data: { demoAccounts: [] } };

describe('SessionProvider', () => {
  beforeEach(() => localStorage.clear());

  it('returns to the sign-in page, saying the sign-in has ended, when a request is refused and the renewal fails', async () => {
    sessionStore.save(tokens('good'), T0);
    let deactivated = false;
    const refresh = jest.fn(() => Promise.reject(signInEnded()));
    const server = renderApp((token, operation) => {
      if (operation === 'DemoAccounts') return demoAccounts;
      if (deactivated || token !== 'good') return refused;
      return operation === 'Me' ? { data: { me: ME } } : { data: { plans: [{ __typename: 'Plan', id: 'p1' }] } };
    }, refresh);

    await screen.findByText('王经办');
    fireEvent.click(screen.getByText('load'));
    await screen.findByText('1 plans');
    expect(screen.queryByTestId('session-ended')).toBeNull();

    // An administrator deactivates the account: the next request is refused, the renewal too.
    deactivated = true;
    fireEvent.click(screen.getByText('load'));
    expect((await screen.findByTestId('session-ended')).textContent).toContain('您的登录已结束，请重新登录');
    expect(screen.getByTestId('sign-in')).toBeTruthy();
    expect(screen.queryByText('王经办')).toBeNull();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sessionStore.get()).toBeNull();
    expect(server.seen.filter((s) => s.operation === 'Plans').map((s) => s.authorization)).toEqual(['Bearer good', 'Bearer good']);
  });

  it('opens on the sign-in page with the message when the stored sign-in ended while the page was closed', async () => {
    sessionStore.save(tokens('from-last-week'), T0);
    const refresh = jest.fn(() => Promise.reject(signInEnded()));
    renderApp((_, operation) => (operation === 'DemoAccounts' ? demoAccounts : refused), refresh);
    expect((await screen.findByTestId('session-ended')).textContent).toContain('您的登录已结束');
    expect(sessionStore.token()).toBeNull();
  });

  it('shows the sign-in page without the message to someone who was not signed in', async () => {
    const refresh = jest.fn();
    renderApp((_, operation) => (operation === 'DemoAccounts' ? demoAccounts : refused), refresh);
    await screen.findByTestId('sign-in');
    expect(screen.queryByTestId('session-ended')).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('signs out: ends the sign-in on the server (ignoring a failure) and forgets it here', async () => {
    sessionStore.save(tokens('good'), T0);
    const refresh = jest.fn();
    const server = renderApp((_, operation) => (operation === 'Logout' ? new TypeError('Failed to fetch') : { data: { me: ME } }), refresh);
    await screen.findByText('王经办');
    fireEvent.click(screen.getByText('sign out'));
    await waitFor(() => expect(sessionStore.get()).toBeNull());
    expect(server.seen.find((s) => s.operation === 'Logout')).toEqual({ operation: 'Logout', authorization: 'Bearer good' });
  });

  it('does not sign anyone out when the server cannot reach its database', async () => {
    sessionStore.save(tokens('good'), T0);
    const refresh = jest.fn();
    renderApp(() => ({ errors: [{ message: 'The database is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }], data: null }), refresh);
    const failed = await screen.findByTestId('session-check-failed');
    expect(failed.textContent).toContain('服务器暂时无法访问数据库');
    expect(sessionStore.token()).toBe('good');
    expect(screen.queryByTestId('sign-in')).toBeNull();
  });
});
