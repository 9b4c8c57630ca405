/** What login and refreshSession answer, as far as keeping a sign-in goes. */
export interface SessionTokens {
  token: string;
  refreshToken: string;
  /** When `token` stops working (ISO time from the server). */
  expiresAt: string;
}

export interface StoredSession {
  token: string;
  refreshToken: string;
  expiresAt: string;
  /** When to trade the token for a new one (ms on this browser's clock). */
  refreshAt: number;
}

// The token keeps its old key: file downloads and older tabs read it there.
const TOKEN = 'workplan.token';
const REFRESH_TOKEN = 'workplan.refreshToken';
const EXPIRES_AT = 'workplan.expiresAt';
const REFRESH_AT = 'workplan.refreshAt';
const KEYS = [TOKEN, REFRESH_TOKEN, EXPIRES_AT, REFRESH_AT];

/** Renew a minute early, or a fifth of a short token's life early (tests run with seconds)… */
const EARLY_MS = 60_000;
/** …but never less than 1.5 s: the token's own expiry is in whole seconds, up to one before expiresAt. */
const MIN_EARLY_MS = 1_500;

/**
 * When to renew a token, on this browser's clock. The lifetime is taken as the server states it;
 * if the clocks disagree so much that it looks already over, nothing is renewed ahead of time and
 * the first UNAUTHENTICATED answer renews instead (the session link retries once).
 */
export function refreshMoment(expiresAt: string, now = Date.now()): number {
  const lifetime = Date.parse(expiresAt) - now;
  if (!(lifetime > 0)) return Number.POSITIVE_INFINITY;
  const early = Math.max(Math.min(EARLY_MS, lifetime * 0.2), MIN_EARLY_MS);
  return now + Math.max(0, lifetime - early);
}

/**
 * The sign-in, kept in localStorage so every tab of the browser shares it: a token renewed in one
 * tab is the one the others send next, and signing out in one signs out all.
 */
export const sessionStore = {
  token: (): string | null => localStorage.getItem(TOKEN),

  get(): StoredSession | null {
    const token = localStorage.getItem(TOKEN);
    const refreshToken = localStorage.getItem(REFRESH_TOKEN);
    if (!token) return null;
    const expiresAt = localStorage.getItem(EXPIRES_AT) ?? '';
    const refreshAt = Number(localStorage.getItem(REFRESH_AT));
    // A token stored before refresh tokens existed: used as it is until it stops working.
    return { token, refreshToken: refreshToken ?? '', expiresAt, refreshAt: refreshToken && Number.isFinite(refreshAt) && refreshAt > 0 ? refreshAt : Number.POSITIVE_INFINITY };
  },

  save(tokens: SessionTokens, now = Date.now()): void {
    localStorage.setItem(TOKEN, tokens.token);
    localStorage.setItem(REFRESH_TOKEN, tokens.refreshToken);
    localStorage.setItem(EXPIRES_AT, tokens.expiresAt);
    const refreshAt = refreshMoment(tokens.expiresAt, now);
    if (Number.isFinite(refreshAt)) localStorage.setItem(REFRESH_AT, String(refreshAt));
    else localStorage.removeItem(REFRESH_AT);
  },

  clear(): void {
    for (const key of KEYS) localStorage.removeItem(key);
  },

  /** Calls back when another tab signs in or out (the storage event fires only in the other tabs). */
  onOtherTabChange(listener: () => void): () => void {
    const handle = (event: StorageEvent) => {
      if (event.key === TOKEN || event.key === null) listener();
    };
    addEventListener('storage', handle);
    return () => removeEventListener('storage', handle);
  },
};
