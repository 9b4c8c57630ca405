import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.WORKPLAN_TEST_ADMIN_URL;
  if (!url) throw new Error('WORKPLAN_TEST_ADMIN_URL is not set: run the tests through jest (its globalSetup starts PostgreSQL)');
  return url;
}

/** A fresh, empty database on the test server, so spec files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `workplan_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return existingTestDatabase(url.toString());
}

/** A handle on a test database made earlier (e.g. to restart an app on it). */
export function existingTestDatabase(url: string): TestDatabase {
  const name = new URL(url).pathname.slice(1);
  if (!/^workplan_test_[0-9a-f]+$/.test(name)) throw new Error(`refusing to manage a database that is not a test database: ${name}`);
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
