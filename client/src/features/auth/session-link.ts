import { ApolloLink, CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { Observable, type Subscription } from 'rxjs';
import type { SessionRenewal } from './session-renewal';

export interface SessionLinkOptions {
  /**
   * A subscription was refused for its token. The live connection presents its token once, when
   * it connects, so it has to reconnect to present the renewed one.
   */
  onSubscriptionRefused?(): void;
}

const refusedCode = (errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined) =>
  errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;

/** Whether an answer says the token was not (or no longer) good. */
function tokenRefused(outcome: ApolloLink.Result | unknown): boolean {
  if (CombinedGraphQLErrors.is(outcome)) return refusedCode(outcome.errors);
  if (ServerError.is(outcome)) return outcome.statusCode === 401;
  if (outcome instanceof Error) return false;
  return typeof outcome === 'object' && outcome !== null && refusedCode((outcome as { errors?: [] }).errors);
}

/**
 * Sends every operation with the current access token, and keeps it working:
 * - shortly before the token runs out, it is renewed first (one renewal for all waiting requests);
 * - an operation sent with a token and refused UNAUTHENTICATED (expired early, or revoked) renews
 *   once and is sent again, so nobody sees an error for a token that could be renewed;
 * - when the renewal says the sign-in is over, the renewal clears it and tells the app (which shows
 *   the sign-in page), and the operation fails with its original answer.
 * Operations marked `context.anonymous` (signing in) go out without a token and are never retried:
 * a wrong password is not a session to renew.
 */
export function createSessionLink(renewal: SessionRenewal, options: SessionLinkOptions = {}): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.getContext().anonymous) return forward(operation);
    return new Observable<ApolloLink.Result>((observer) => {
      let stopped = false;
      let current: Subscription | undefined;

      const send = (token: string | null, mayRenew: boolean) => {
        if (stopped) return;
        operation.setContext(({ headers }: { headers?: Record<string, string> }) => {
          const next: Record<string, string> = { ...headers };
          if (token) next.authorization = `Bearer ${token}`;
          else delete next.authorization;
          return { headers: next };
        });
        let superseded = false;
        const renewAndResend = (refusal: { result: ApolloLink.Result } | { error: unknown }) => {
          superseded = true;
          current?.unsubscribe();
          renewal.renew(token!).then(
            (fresh) => {
              if (stopped) return;
              if (!fresh) {
                // The sign-in is over (the app is already on its way to the sign-in page): answer as the server did.
                if ('result' in refusal) {
                  observer.next(refusal.result);
                  observer.complete();
                } else observer.error(refusal.error);
                return;
              }
              if (operation.operationType === OperationTypeNode.SUBSCRIPTION) options.onSubscriptionRefused?.();
              send(fresh, false);
            },
            // The renewal itself failed (network, outage): that is the reason to show.
            (error: unknown) => !stopped && observer.error(error),
          );
        };
        const canRenew = mayRenew && token !== null;
        const subscription = forward(operation).subscribe({
          next: (result) => {
            if (superseded) return;
            if (canRenew && tokenRefused(result)) renewAndResend({ result });
            else observer.next(result);
          },
          error: (error: unknown) => {
            if (superseded) return;
            if (canRenew && tokenRefused(error)) renewAndResend({ error });
            else observer.error(error);
          },
          complete: () => {
            if (!superseded) observer.complete();
          },
        });
        // An answer that came synchronously may already have asked for a resend.
        if (superseded) subscription.unsubscribe();
        else current = subscription;
      };

      renewal.tokenToSend().then(
        (token) => send(token, true),
        (error: unknown) => !stopped && observer.error(error),
      );
      return () => {
        stopped = true;
        current?.unsubscribe();
      };
    });
  });
}
