import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Actor } from '@workplan/shared';
import { ME, type CurrentUser } from './auth.graphql';

const TOKEN_KEY = 'workplan.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export interface Session {
  user: CurrentUser;
  actor: Actor;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function actorOf(user: CurrentUser): Actor {
  return { userId: user.id, role: user.role, departmentId: user.department?.id ?? null };
}

/** Loads the signed-in user; renders `signedOut` when there is no valid token. */
export function SessionProvider({ children, signedOut, loading }: { children: ReactNode; signedOut: ReactNode; loading: ReactNode }) {
  const client = useApolloClient();
  const token = tokenStore.get();
  const { data, error } = useQuery(ME, { skip: !token, fetchPolicy: 'network-only' });
  const signOut = useCallback(() => {
    tokenStore.clear();
    void client.clearStore().finally(() => location.assign('/'));
  }, [client]);
  const session = useMemo(() => (data?.me ? { user: data.me, actor: actorOf(data.me), signOut } : null), [data, signOut]);
  if (!token || error) return <>{signedOut}</>;
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
