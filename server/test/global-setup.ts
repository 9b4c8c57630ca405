import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

/**
 * Integration tests run on a real PostgreSQL: the one in DATABASE_URL if set, otherwise an embedded
 * one started here for this run. Each spec file then makes its own throwaway database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.WORKPLAN_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  // /tmp rather than the checkout: as root the server runs as the `postgres` user, which must reach it.
  const dataDir = mkdtempSync(join(tmpdir(), 'workplan-test-pg-'));
  const db = await startEmbeddedPostgres(dataDir);
  process.env.WORKPLAN_TEST_ADMIN_URL = db.url;
  (globalThis as { __workplanTestDb?: { stop(): Promise<void> } }).__workplanTestDb = db;
}
