import { locateDatabase } from '../src/database/database-location';
import { startTestApp } from './test-app';

// Starting the embedded server itself is tested end to end in test/ (restart.spec.ts): inside jest's
// module sandbox its ESM binary package cannot load, while the real app and globalSetup load it fine.
describe('locating the database', () => {
  it('uses DATABASE_URL when it is set, starting nothing', async () => {
    const located = await locateDatabase({ DATABASE_URL: 'postgres://someone@db.example:5432/plans' } as NodeJS.ProcessEnv);
    expect(located).toMatchObject({ url: 'postgres://someone@db.example:5432/plans', embedded: false });
  });
});

describe('health and readiness', () => {
  it('answers /health and, with the database up, /ready; when the database is gone /ready says 503', async () => {
    const app = await startTestApp();
    try {
      expect(await (await fetch(`${app.url}/health`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${app.url}/ready`)).json()).toEqual({ status: 'ready' });
      await app.dataSource.destroy(); // the application's pool is gone, as in an outage
      const down = await fetch(`${app.url}/ready`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', reason: 'database' });
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
