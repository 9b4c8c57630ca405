import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database';
import { startApp } from './running-app';

const BOARD_COUNTS = '{ board { totalCount columns { stage totalCount } } }';

describe('npm start with no DATABASE_URL: embedded PostgreSQL and demo data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), "workplan-e2e-"));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres`, which must enter it
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves a page and GraphQL with demo data in every stage, and keeps changes across a restart', async () => {
    const first = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir });
    let taskId: string;
    try {
      expect(first.output()).toMatch(/Embedded PostgreSQL/);
      const page = await fetch(first.url + '/');
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);

      const token = await first.login('coordinator@demo.gov');
      const board = await first.gql(BOARD_COUNTS, {}, token);
      const counts = Object.fromEntries(board.data.board.columns.map((c: { stage: string; totalCount: number }) => [c.stage, c.totalCount]));
      for (const stage of ['PROPOSAL', 'REVIEW', 'APPROVAL', 'IMPLEMENTATION', 'INSPECTION', 'COMMENDATION']) expect(counts[stage]).toBeGreaterThan(0);

      // Every role's demo account signs in with "demo".
      for (const email of ['approver@demo.gov', 'inspector@demo.gov', 'manager@demo.gov', 'jxw@demo.gov']) await first.login(email);

      const review = await first.gql(`{ board { columns { stage tasks(first: 1) { nodes { id version } } } } }`, {}, token);
      const task = review.data.board.columns.find((c: { stage: string }) => c.stage === 'REVIEW').tasks.nodes[0];
      taskId = task.id;
      const moved = await first.gql(
        `mutation($input: TransitionTaskInput!) { transitionTask(input: $input) { task { stage version } } }`,
        { input: { taskId, event: 'ACCEPT', expectedVersion: task.version } },
        token,
      );
      expect(moved.data.transitionTask.task.stage).toBe('APPROVAL');
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startApp({ DATABASE_URL: undefined, WORKPLAN_DATA_DIR: dataDir });
    try {
      const token = await second.login('coordinator@demo.gov');
      const after = await second.gql(`query($id: ID!) { task(id: $id) { stage history { event } } }`, { id: taskId }, token);
      expect(after.data.task.stage).toBe('APPROVAL');
      expect(after.data.task.history.at(-1).event).toBe('ACCEPT');
      expect(second.output()).not.toMatch(/Demo data:/); // seeded once, not again
    } finally {
      await second.stop();
    }
  });
});

describe('npm start with DATABASE_URL', () => {
  // globalSetup gives us a server: DATABASE_URL's if set, else an embedded one of its own.
  let url: string;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    url = database.url;
  });
  afterAll(() => database?.drop());

  it('migrates that database and creates no demo accounts unless asked', async () => {
    const app = await startApp({ DATABASE_URL: url });
    try {
      expect(app.output()).toMatch(/Using the PostgreSQL in DATABASE_URL/);
      const res = await app.gql('mutation { login(email: "coordinator@demo.gov", password: "demo") { token } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await app.stop();
    }
    const seeded = await startApp({ DATABASE_URL: url, SEED_DEMO: '1' });
    try {
      const token = await seeded.login('manager@demo.gov');
      expect((await seeded.gql(BOARD_COUNTS, {}, token)).data.board.totalCount).toBeGreaterThan(50);
    } finally {
      await seeded.stop();
    }
  });
});
