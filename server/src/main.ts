import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import type { Fanout } from './live/change-bus';
import { loadJwtSecret } from './auth/jwt-secret';
import { locateDatabase, REPO_ROOT } from './database/database-location';
import { seedDemoData } from './demo/demo-seed';

/** Access tokens are short; the client renews them with its refresh token (a sign-in lasts 30 days unused). */
const TOKEN_TTL_SECONDS = 15 * 60;

/** LIVE_FANOUT wins; else Redis when REDIS_URL is set; else PostgreSQL LISTEN/NOTIFY. */
function fanoutFrom(env: NodeJS.ProcessEnv): Fanout {
  const asked = env.LIVE_FANOUT;
  if (asked === 'memory' || asked === 'postgres' || asked === 'redis') return asked;
  return env.REDIS_URL ? 'redis' : 'postgres';
}

async function main(): Promise<void> {
  // Nest's own start-up chatter is hidden (LOG_LEVEL=debug shows it); these lines are for the person starting us.
  const logger = { log: (line: string) => console.log(`[workplan] ${line}`) };
  const db = await locateDatabase();
  logger.log(db.embedded ? `Embedded PostgreSQL, data in ${db.dataDir}` : 'Using the PostgreSQL in DATABASE_URL');

  const app = await createApp({
    databaseUrl: db.url,
    auth: {
      jwtSecret: loadJwtSecret(process.env, db.dataDir),
      tokenTtlSeconds: Number(process.env.TOKEN_TTL_SECONDS ?? TOKEN_TTL_SECONDS),
      mutationsPerMinute: Number(process.env.MUTATIONS_PER_MINUTE ?? 120),
    },
    graphiql: process.env.NODE_ENV !== 'production',
    migrate: process.env.MIGRATE_ON_START !== '0',
    fanout: fanoutFrom(process.env),
    redisUrl: process.env.REDIS_URL,
    timers: process.env.TIMERS !== 'off',
    clientDir: join(REPO_ROOT, 'client', 'dist'),
    trustProxy: process.env.TRUST_PROXY,
    quiet: process.env.LOG_LEVEL !== 'debug',
  });
  await app.init(); // runs the migrations

  // Demo accounts only where nobody's real data can be: the embedded database, or when asked for.
  const wantDemo = db.embedded || process.env.SEED_DEMO === '1' || process.argv.includes('--demo');
  if (wantDemo) {
    const seeded = await seedDemoData(app.get(DataSource), { seedsDir: join(REPO_ROOT, 'shared', 'fixtures', 'seeds') });
    if (seeded) logger.log(`Demo data: ${seeded.plans} plans, ${seeded.tasks} tasks, ${seeded.users} accounts (password "demo")`);
  }

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  logger.log(`Workplan board ready: http://${shown}:${port}/  (GraphQL at /graphql)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
