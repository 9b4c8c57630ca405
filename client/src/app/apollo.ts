import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { createSessionLink } from '../features/auth/session-link';
import type { SessionRenewal } from '../features/auth/session-renewal';

export interface LiveStatus {
  onConnected(): void;
  onClosed(): void;
}

/**
 * One client for queries (HTTP) and live updates (graphql-ws on the same /graphql URL). The token is
 * read on every request (and renewed by the session link when it runs out), so signing in or out
 * needs no new client.
 */
export function createApolloClient(renewal: SessionRenewal, live: LiveStatus): { client: ApolloClient; ws: Client } {
  const http = new HttpLink({ uri: '/graphql' });
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // Asked at every (re)connect: the socket presents the token current then, renewed if need be.
    connectionParams: async () => {
      const token = await renewal.tokenToSend();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: { connected: live.onConnected, closed: live.onClosed },
  });
  // The server reads the socket's token when it connects; a subscription refused later for that
  // token needs a new socket (terminate() reconnects, and the other subscriptions resubscribe).
  const session = createSessionLink(renewal, { onSubscriptionRefused: () => ws.terminate() });
  const link = session.concat(ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(ws), http));
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // A board (per filter) has no id: its columns are fetched by separate queries and must be
        // merged into the one cached board, not replace each other.
        Board: { keyFields: false, merge: true },
        BoardColumn: { keyFields: false, merge: true },
        Department: { keyFields: ['id'] },
        // A plan's light rules have no id of their own: an update replaces them in the plan.
        LightRules: { keyFields: false, merge: true },
        // A working-calendar day is known by its date.
        CalendarDay: { keyFields: ['date'] },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { client, ws };
}
