'use strict';
/**
 * Init container of the Kubernetes API Deployment: waits until every migration this image knows
 * has been applied to DATABASE_URL (by the migration Job), then exits 0. Read-only: it never
 * migrates, so it cannot race the Job. Exits 1 after WAIT_TIMEOUT_SECONDS (default 600).
 *
 * Why wait: with MIGRATE_ON_START=0 a replica that starts before the Job finished would serve
 * requests against an old schema, and would settle on the login role because the restricted
 * role `workplan_app` does not exist yet. During a rolling update the old replicas keep serving
 * while the new ones wait here.
 *
 * Runs from the image: node infra/wait-for-migrations.js
 */
const { Client } = require('pg');
const { MIGRATIONS } = require('../server/dist/database/data-source');

const url = process.env.DATABASE_URL;
const timeoutMs = Number(process.env.WAIT_TIMEOUT_SECONDS ?? 600) * 1000;
const expected = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);
const log = (line) => console.log(`[wait-for-migrations] ${line}`);

async function pending() {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT name FROM migrations');
    const done = new Set(rows.map((row) => row.name));
    return expected.filter((name) => !done.has(name));
  } catch (error) {
    if (error && error.code === '42P01') return expected; // no migrations table yet
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  if (!url) throw new Error('DATABASE_URL is required');
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    let state;
    try {
      const missing = await pending();
      if (missing.length === 0) {
        log(`all ${expected.length} migrations applied`);
        return;
      }
      state = `waiting for ${missing.length} migration(s): ${missing.join(', ')}`;
    } catch (error) {
      state = `database not answering: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (state !== last) log(state);
    last = state;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000}s (${state})`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

main().catch((error) => {
  console.error(`[wait-for-migrations] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
