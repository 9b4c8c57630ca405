export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** Signs the bearer tokens. */
  jwtSecret: string;
  /** Access token lifetime in seconds; the client renews it with its refresh token. */
  tokenTtlSeconds: number;
  /** How long a sign-in lasts without use (refreshing renews it); default 30 days. */
  sessionTtlSeconds?: number;
  /** Mutations one person may make per minute; default 120. */
  mutationsPerMinute?: number;
}
