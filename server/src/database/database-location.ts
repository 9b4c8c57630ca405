import { resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseLocation {
  url: string;
  embedded: boolean;
  /** Where the embedded server keeps its files (for the log line). */
  dataDir?: string;
  stop(): Promise<void>;
}

/** The repository's top folder, whether we run from src/ (tests) or dist/ (npm start). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * DATABASE_URL wins; without it we start the embedded PostgreSQL, keeping its data in
 * WORKPLAN_DATA_DIR (default ./.data/postgres) so a restart finds yesterday's tasks.
 */
export async function locateDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseLocation> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  // A container or a server has a real database; an embedded one there would lose data with the container.
  if (env.NODE_ENV === 'production') throw new Error('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for trying the app out)');
  const dataDir = resolve(env.WORKPLAN_DATA_DIR ?? resolve(REPO_ROOT, '.data'), 'postgres');
  const port = env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined;
  const db = await startEmbeddedPostgres(dataDir, { port });
  return { url: db.url, embedded: true, dataDir, stop: db.stop };
}
