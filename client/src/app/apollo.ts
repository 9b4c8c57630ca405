import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

export interface LiveStatus {
  onConnected(): void;
  onClosed(): void;
}

/**
 * One client for queries (HTTP) and live updates (graphql-ws on the same /graphql URL). The token is
 * read on every request, so signing in or out needs no new client.
 */
export function createApolloClient(getToken: () => string | null, live: LiveStatus): { client: ApolloClient; ws: Client } {
  const http = new HttpLink({ uri: '/graphql' });
  const auth = new SetContextLink((prev) => {
    const token = getToken();
    return { headers: { ...prev.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: { connected: live.onConnected, closed: live.onClosed },
  });
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    auth.concat(http),
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // A board (per filter) has no id: its columns are fetched by separate queries and must be
        // merged into the one cached board, not replace each other.
        Board: { keyFields: false, merge: true },
        BoardColumn: { keyFields: false, merge: true },
        Department: { keyFields: ['id'] },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { client, ws };
}
