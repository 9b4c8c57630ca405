export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** Signs the bearer tokens. */
  jwtSecret: string;
  /** Token lifetime in seconds. */
  tokenTtlSeconds: number;
}
