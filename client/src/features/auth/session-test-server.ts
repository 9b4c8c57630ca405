// Test support for the session specs: a stand-in server behind the Apollo link chain.
import { ApolloLink, CombinedGraphQLErrors } from '@apollo/client';
import { Observable } from 'rxjs';
import type { SessionTokens } from './session-store';

export const T0 = Date.parse('2026-03-01T08:00:00Z');

export const tokens = (token: string, minutes = 15, from = T0): SessionTokens => ({ token, refreshToken: 'refresh-1', expiresAt: new Date(from + minutes * 60_000).toISOString() });

export const refused = { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }], data: null };

/** What refreshSession answers once the sign-in is over. */
export const signInEnded = () => new CombinedGraphQLErrors({ errors: [{ message: 'Your sign-in has ended; please sign in again', extensions: { code: 'UNAUTHENTICATED' } }] });

/**
 * Records the Authorization header of every operation it receives and answers it with
 * `answer(token, operationName)`: a result, or an Error to fail with (a tick later, as a server would).
 */
export function fakeServer(answer: (token: string | null, operationName: string | undefined) => object | Error) {
  const seen: Array<{ operation: string | undefined; authorization: string | null }> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const header = (operation.getContext().headers as Record<string, string> | undefined)?.authorization ?? null;
        seen.push({ operation: operation.operationName, authorization: header });
        const reply = answer(header?.replace(/^Bearer /, '') ?? null, operation.operationName);
        const timer = setTimeout(() => {
          if (reply instanceof Error) return observer.error(reply);
          observer.next(reply as ApolloLink.Result);
          observer.complete();
        });
        return () => clearTimeout(timer);
      }),
  );
  return { link, seen };
}
