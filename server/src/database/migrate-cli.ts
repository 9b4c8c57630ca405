import 'reflect-metadata';
import { migrateDatabase } from './data-source';

/**
 * `node server/dist/database/migrate-cli.js`: brings DATABASE_URL's schema up to date and exits —
 * the migration Job of a deployment whose replicas start with MIGRATE_ON_START=0.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const appRole = await migrateDatabase(url);
  console.log(`[workplan] migrations done; the app will act as ${appRole ?? 'the login role (no restricted role available)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
