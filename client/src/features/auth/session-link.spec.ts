import { ApolloClient, CombinedGraphQLErrors, gql, InMemoryCache } from '@apollo/client';
import { createSessionLink } from './session-link';
import { SessionRenewal } from './session-renewal';
import { refreshMoment, sessionStore, type SessionTokens } from './session-store';
import { fakeServer, refused, signInEnded, T0, tokens } from './session-test-server';

const ME = gql`query Me { me { id } }`;
const LOGIN = gql`mutation Login { login(email: "a@b.c", password: "x") { token } }`;
const TASK_CHANGED = gql`subscription TaskChanged { taskChanged { id } }`;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(answer: Parameters<typeof fakeServer>[0], refresh: jest.Mock, onSubscriptionRefused?: () => void) {
  let now = T0;
  const renewal = new SessionRenewal(refresh, sessionStore, () => now);
  const ended = jest.fn();
  renewal.onEnded(ended);
  const server = fakeServer(answer);
  const client = new ApolloClient({ link: createSessionLink(renewal, { onSubscriptionRefused }).concat(server.link), cache: new InMemoryCache() });
  return { client, renewal, server, ended, setNow: (ms: number) => (now = ms) };
}

const okUnless = (badToken: string) => (token: string | null) => (token === badToken || token === null ? refused : { data: { me: { __typename: 'User', id: `u-${token}` } } });

describe('the session link', () => {
  beforeEach(() => localStorage.clear());

  it('renews shortly before the token runs out, once for all the requests waiting, and sends them with the new token', async () => {
    sessionStore.save(tokens('old'), T0);
    const answer = deferred<SessionTokens>();
    const refresh = jest.fn(() => answer.promise);
    const { client, server, setNow } = setup(okUnless('nobody'), refresh);

    // Ten minutes in: still good, sent as it is.
    setNow(T0 + 10 * 60_000);
    await client.query({ query: ME, fetchPolicy: 'network-only' });
    expect(refresh).not.toHaveBeenCalled();
    expect(server.seen.map((s) => s.authorization)).toEqual(['Bearer old']);

    // Fourteen and a half minutes in: due for renewal; three requests at once share one.
    setNow(T0 + 14.5 * 60_000);
    const results = Promise.all([1, 2, 3].map((n) => client.query({ query: ME, variables: { n }, fetchPolicy: 'network-only' })));
    await new Promise((r) => setTimeout(r, 10));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith('refresh-1');
    expect(server.seen).toHaveLength(1); // nothing else went out with the old token meanwhile
    answer.resolve(tokens('new', 15, T0 + 14.5 * 60_000));
    await results;

    expect(server.seen.slice(1).map((s) => s.authorization)).toEqual(['Bearer new', 'Bearer new', 'Bearer new']);
    expect(sessionStore.token()).toBe('new');
    expect(sessionStore.get()?.expiresAt).toBe(new Date(T0 + 29.5 * 60_000).toISOString());
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('renews once and resends when an operation sent with a token is refused UNAUTHENTICATED', async () => {
    sessionStore.save(tokens('revoked-early'), T0);
    const refresh = jest.fn(async () => tokens('fresh'));
    const { client, server, ended } = setup(okUnless('revoked-early'), refresh);

    // Two requests refused at the same time: still one renewal.
    const [a, b] = await Promise.all([
      client.query({ query: ME, variables: { n: 1 }, fetchPolicy: 'network-only' }),
      client.query({ query: ME, variables: { n: 2 }, fetchPolicy: 'network-only' }),
    ]);
    expect(a.data).toEqual({ me: { __typename: 'User', id: 'u-fresh' } });
    expect(b.data).toEqual({ me: { __typename: 'User', id: 'u-fresh' } });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.seen.map((s) => s.authorization)).toEqual(['Bearer revoked-early', 'Bearer revoked-early', 'Bearer fresh', 'Bearer fresh']);
    expect(ended).not.toHaveBeenCalled();
  });

  it('resends only once: a second refusal is the answer', async () => {
    sessionStore.save(tokens('a'), T0);
    const refresh = jest.fn(async () => tokens('b'));
    const { client, server } = setup(() => refused, refresh);
    await expect(client.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(2);
  });

  it('signs out when the renewal says the sign-in has ended, and the operation fails as the server answered', async () => {
    sessionStore.save(tokens('deactivated'), T0);
    const refresh = jest.fn(() => Promise.reject(signInEnded()));
    const { client, ended: endedListener } = setup(okUnless('deactivated'), refresh);
    await expect(client.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(endedListener).toHaveBeenCalledTimes(1);
    expect(sessionStore.get()).toBeNull();
    expect(localStorage.getItem('workplan.refreshToken')).toBeNull();
  });

  it('keeps the sign-in when the renewal cannot reach the server, and says so', async () => {
    sessionStore.save(tokens('expired'), T0);
    const refresh = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const { client, ended } = setup(okUnless('expired'), refresh);
    await expect(client.query({ query: ME, fetchPolicy: 'network-only' })).rejects.toThrow('Failed to fetch');
    expect(ended).not.toHaveBeenCalled();
    expect(sessionStore.token()).toBe('expired');
  });

  it('sends sign-in without a token and never renews for it (a wrong password is an answer)', async () => {
    sessionStore.save(tokens('stale'), T0);
    const refresh = jest.fn(async () => tokens('x'));
    const { client, server } = setup(() => refused, refresh);
    await expect(client.mutate({ mutation: LOGIN, context: { anonymous: true } })).rejects.toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(server.seen).toEqual([{ operation: 'Login', authorization: null }]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('sends nothing to renew when signed out', async () => {
    const refresh = jest.fn(async () => tokens('x'));
    const { client, server } = setup(() => refused, refresh);
    await expect(client.query({ query: ME })).rejects.toBeTruthy();
    expect(server.seen).toEqual([{ operation: 'Me', authorization: null }]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('has the live connection reconnect with the renewed token when a subscription is refused, then subscribes again', async () => {
    sessionStore.save(tokens('socket-old'), T0);
    const refresh = jest.fn(async () => tokens('socket-new'));
    const reconnect = jest.fn();
    // graphql-ws reports a refused subscribe as an error message, which the ws link turns into CombinedGraphQLErrors.
    const { client, server } = setup(
      (token) => (token === 'socket-old' ? new CombinedGraphQLErrors(refused) : { data: { taskChanged: { __typename: 'Task', id: 't1' } } }),
      refresh,
      reconnect,
    );
    const received = await new Promise((resolve, reject) => {
      const subscription = client.subscribe({ query: TASK_CHANGED }).subscribe({
        next: (value) => {
          subscription.unsubscribe();
          resolve(value.data);
        },
        error: reject,
      });
    });
    expect(received).toEqual({ taskChanged: { __typename: 'Task', id: 't1' } });
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(server.seen.map((s) => s.authorization)).toEqual(['Bearer socket-old', 'Bearer socket-new']);
  });
});

describe('when to renew', () => {
  it('a minute before a 15-minute token runs out, 1.5 s before a 3-second one, and not ahead of time when the clocks disagree', () => {
    expect(refreshMoment(new Date(T0 + 15 * 60_000).toISOString(), T0)).toBe(T0 + 14 * 60_000);
    expect(refreshMoment(new Date(T0 + 3_000).toISOString(), T0)).toBe(T0 + 1_500);
    expect(refreshMoment(new Date(T0 - 5_000).toISOString(), T0)).toBe(Number.POSITIVE_INFINITY);
  });
});
