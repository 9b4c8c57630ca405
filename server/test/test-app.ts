import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import type { Fanout } from '../src/live/change-bus';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  url: string;
  databaseUrl: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** SQL as the database's owner, not the app's restricted role: for tests that rewrite the past. */
  asOwner(sql: string, params?: unknown[]): Promise<any[]>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-not-for-production';

/** The real app (Nest + GraphQL + TypeORM + migrations) on a real PostgreSQL, listening on a free port. */
export async function startTestApp(
  options: { database?: TestDatabase; keepDatabase?: boolean; mutationsPerMinute?: number; fanout?: Fanout; redisUrl?: string; timers?: boolean } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const app = await createApp({
    databaseUrl: database.url,
    // Tests fire mutations far faster than people; the limit itself has its own test.
    auth: { jwtSecret: TEST_JWT_SECRET, tokenTtlSeconds: 3600, mutationsPerMinute: options.mutationsPerMinute ?? 100_000 },
    graphiql: false,
    quiet: true,
    fanout: options.fanout,
    timers: options.timers ?? false,
    redisUrl: options.redisUrl,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    dataSource: app.get(DataSource),
    url,
    databaseUrl: database.url,
    gql: async (query, variables, token) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    asOwner: async (sql, params) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    close: async () => {
      try {
        await app.close();
      } finally {
        if (!options.keepDatabase) await database.drop();
      }
    },
  };
}
