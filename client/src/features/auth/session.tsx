import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Result } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Actor } from '@workplan/shared';
import { errorMessageKey, toApiError } from '../../app/errors';
import { useI18n } from '../../i18n/i18n';
import { LOGOUT, ME, type CurrentUser } from './auth.graphql';
import { sessionRenewal, type SessionRenewal } from './session-renewal';
import { sessionStore } from './session-store';

export interface Session {
  user: CurrentUser;
  actor: Actor;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function actorOf(user: CurrentUser): Actor {
  return { userId: user.id, role: user.role, departmentId: user.department?.id ?? null };
}

/** What to show signed out; `ended` is true when the sign-in ran out or was ended elsewhere (say so). */
type SignedOut = ReactNode | ((ended: boolean) => ReactNode);

/**
 * Loads the signed-in user; renders `signedOut` when there is no valid sign-in, and switches to it
 * (with `ended`) the moment the session link learns the sign-in is over.
 */
export function SessionProvider({ children, signedOut, loading, renewal = sessionRenewal }: { children: ReactNode; signedOut: SignedOut; loading: ReactNode; renewal?: SessionRenewal }) {
  const client = useApolloClient();
  const { t } = useI18n();
  const [ended, setEnded] = useState(false);
  const signingOut = useRef(false);
  useEffect(
    () =>
      renewal.onEnded(() => {
        if (signingOut.current) return;
        // What the last person saw must not linger for the next one. Cleared before the sign-in page
        // shows, so its own queries (the demo accounts) are not thrown away in flight.
        void client
          .clearStore()
          .catch(() => undefined)
          .finally(() => setEnded(true));
      }),
    [renewal, client],
  );
  // Signed out, or in as someone else, in another tab: this tab follows (a renewal keeps the refresh token).
  const refreshToken = useRef(sessionStore.get()?.refreshToken);
  useEffect(() => sessionStore.onOtherTabChange(() => sessionStore.get()?.refreshToken !== refreshToken.current && location.reload()), []);

  const token = ended ? null : sessionStore.token();
  const { data, error, refetch } = useQuery(ME, { skip: !token, fetchPolicy: 'network-only' });
  const signOut = useCallback(() => {
    signingOut.current = true;
    const finish = async () => {
      // Ends the sign-in on the server so the token and refresh token stop working; signed out here either way.
      await client.mutate({ mutation: LOGOUT }).catch(() => undefined);
      sessionStore.clear();
      await client.clearStore().catch(() => undefined);
      location.assign('/');
    };
    void finish();
  }, [client]);
  const session = useMemo(() => (data?.me ? { user: data.me, actor: actorOf(data.me), signOut } : null), [data, signOut]);

  const renderSignedOut = () => <>{typeof signedOut === 'function' ? signedOut(ended) : signedOut}</>;
  if (!token) return renderSignedOut();
  if (error && !session) {
    const apiError = toApiError(error);
    if (apiError.code === 'UNAUTHENTICATED') return renderSignedOut();
    // The server is unreachable or its database is down: that is no reason to sign anyone out.
    const { key, params } = errorMessageKey(apiError);
    return (
      <Result
        status="warning"
        title={t('sessionCheckFailed')}
        subTitle={t(key, params)}
        extra={<Button type="primary" onClick={() => void refetch().catch(() => undefined)}>{t('retry')}</Button>}
        data-testid="session-check-failed"
      />
    );
  }
  if (!session) return <>{loading}</>;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session if someone is signed in, else null (for pieces that render signed out too). */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in SessionProvider');
  return session;
}
