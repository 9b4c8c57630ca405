import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { makeCast, proposeTask, transition, type Cast } from './factories';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
let cast: Cast;
const clients: Client[] = [];

function connect(token?: string): Client {
  const client = createClient({
    url: app.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** Collects what a subscription delivers, and lets a test wait for the next one. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: any[] = [];
  const errors: unknown[] = [];
  let wake: (() => void) | undefined;
  client.subscribe({ query, variables }, {
    next: (value) => {
      if (value.errors) errors.push(...value.errors);
      else received.push(value.data);
      wake?.();
    },
    error: (error) => {
      errors.push(error);
      wake?.();
    },
    complete: () => undefined,
  });
  return {
    received,
    errors,
    next: (ms = 2000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}

const CHANGES = `subscription($planId: ID) { taskChanged(planId: $planId) { task { id stage version availableEvents } transition { event actor { name } } } }`;

beforeAll(async () => {
  app = await startTestApp();
  cast = await makeCast(app);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app.close();
});

describe('taskChanged subscription (graphql-ws)', () => {
  it('tells every open board about a move, with the moves each viewer may make next', async () => {
    const task = await proposeTask(app, cast.tokens.leadStaff);
    const coordinator = subscribe(connect(cast.tokens.coordinator), CHANGES);
    const staff = subscribe(connect(cast.tokens.leadStaff), CHANGES);
    await new Promise((r) => setTimeout(r, 300)); // let both subscriptions register

    const started = Date.now();
    const seenByCoordinator = coordinator.next();
    const seenByStaff = staff.next();
    await transition(app, cast.tokens.leadStaff, { taskId: task.id, event: 'SUBMIT', expectedVersion: 1 });
    await Promise.all([seenByCoordinator, seenByStaff]);
    expect(Date.now() - started).toBeLessThan(1000);

    expect(coordinator.received[0].taskChanged).toEqual({
      task: { id: task.id, stage: 'REVIEW', version: 2, availableEvents: ['ACCEPT', 'RETURN', 'REJECT'] },
      transition: { event: 'SUBMIT', actor: { name: cast.users.leadStaff.name } },
    });
    expect(staff.received[0].taskChanged.task.availableEvents).toEqual(['WITHDRAW']);
  });

  it('refuses a subscription without a valid token', async () => {
    const anonymous = subscribe(connect(), CHANGES);
    await anonymous.next();
    expect(JSON.stringify(anonymous.errors)).toMatch(/UNAUTHENTICATED|Sign in/);
  });
});
