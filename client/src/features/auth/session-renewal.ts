import { CombinedGraphQLErrors } from '@apollo/client';
import { toApiError } from '../../app/errors';
import { sessionStore, type SessionTokens } from './session-store';

export type RefreshRequest = (refreshToken: string) => Promise<SessionTokens>;

const REFRESH_SESSION = 'mutation RefreshSession($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt } }';

/**
 * Asks the server for a new token. Plain fetch, not Apollo: it runs underneath the link that
 * needs it (a renewal going through that link would wait for itself), and file downloads use it
 * too. Rejects with the server's GraphQL errors (CombinedGraphQLErrors), or the network error.
 */
export async function requestRefresh(refreshToken: string): Promise<SessionTokens> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ operationName: 'RefreshSession', query: REFRESH_SESSION, variables: { refreshToken } }),
  });
  const body = (await response.json().catch(() => null)) as { data?: { refreshSession?: SessionTokens } | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
  if (body?.errors?.length) throw new CombinedGraphQLErrors(body);
  if (!body?.data?.refreshSession) throw new Error(`refreshSession failed: HTTP ${response.status}`);
  return body.data.refreshSession;
}

/**
 * Keeps the access token fresh. One renewal at a time: everyone who needs a new token while one is
 * on its way waits for that one. When the server says the sign-in is over (refreshSession answers
 * UNAUTHENTICATED) the session is cleared and the `ended` listeners hear it; any other failure
 * (network, outage) leaves the sign-in alone, so a flaky connection never signs anyone out.
 */
export class SessionRenewal {
  private pending: Promise<string | null> | null = null;
  private readonly endedListeners = new Set<() => void>();

  constructor(
    private readonly refresh: RefreshRequest,
    private readonly store: typeof sessionStore = sessionStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token to send now (renewed first when it is about to run out), or null when signed out. */
  async tokenToSend(): Promise<string | null> {
    const session = this.store.get();
    if (!session) return null;
    if (this.now() < session.refreshAt) return session.token;
    try {
      return await this.renew(session.token);
    } catch {
      return session.token; // could not renew now: the old one may still do, and an UNAUTHENTICATED answer renews again
    }
  }

  /**
   * A token to use instead of `staleToken`: the one another request has renewed meanwhile, else a
   * new one. Resolves null when the sign-in has ended; rejects when the server could not say.
   */
  renew(staleToken: string): Promise<string | null> {
    const session = this.store.get();
    if (!session) return Promise.resolve(null);
    if (session.token !== staleToken) return Promise.resolve(session.token);
    this.pending ??= this.refreshNow(session.refreshToken).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** The sign-in is over: forget it and tell whoever shows the sign-in page. */
  end(): void {
    this.store.clear();
    for (const listener of [...this.endedListeners]) listener();
  }

  onEnded(listener: () => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private async refreshNow(refreshToken: string): Promise<string | null> {
    let tokens: SessionTokens;
    try {
      tokens = await this.refresh(refreshToken);
    } catch (error) {
      if (toApiError(error).code !== 'UNAUTHENTICATED') throw error;
      // Only if nobody signed in again meanwhile (another tab): that new sign-in is not over.
      if (this.store.get()?.refreshToken === refreshToken) this.end();
      return null;
    }
    // Signed out (or in as someone else, in another tab) while this was on its way: do not bring
    // the old sign-in back, nor send this request as someone else.
    if (this.store.get()?.refreshToken !== refreshToken) return null;
    this.store.save(tokens, this.now());
    return tokens.token;
  }
}

/** The browser's one renewal, shared by the Apollo link, the live connection and file downloads. */
export const sessionRenewal = new SessionRenewal(requestRefresh);

/** The token for a plain-HTTP request (downloads, uploads): renewed first when it is about to run out. */
export function freshToken(): Promise<string | null> {
  return sessionRenewal.tokenToSend();
}
