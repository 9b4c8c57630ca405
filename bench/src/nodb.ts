import { join } from 'node:path';
import type { BenchContext } from './context';
import { QUICK, REPO_ROOT, sleep } from './lib/env';
import { closedLoop, JsonClient, type LoadResult } from './lib/http';
import { judge, type BenchResult } from './lib/results';
import { startProcess, type ServerProcess } from './lib/server';
import { latencySummary, median, round } from './lib/stats';

const CONNECTIONS = 32;
const ROUNDS = QUICK ? 1 : 3;
const SECONDS = QUICK ? 2 : 4;
const BODY = JSON.stringify({ query: '{ __typename }' });
const ANSWER = '{"data":{"__typename":"Query"}}';

/** The smallest honest server: read the body, parse it, answer the same JSON. */
const PLAIN_HTTP = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body.query !== 'string') { res.statusCode = 400; return res.end(); }
    const answer = ${JSON.stringify(ANSWER)};
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** The same handler on Express 5 with its JSON body parser: what the framework layer under Nest costs. */
const EXPRESS = `
const express = require('express');
const app = express();
app.use(express.json());
app.post('/graphql', (req, res) => {
  if (typeof req.body.query !== 'string') return res.status(400).end();
  res.json({ data: { __typename: 'Query' } });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
server.keepAliveTimeout = 65000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function hammer(url: string, seconds: number): Promise<LoadResult> {
  const client = new JsonClient(url, CONNECTIONS);
  try {
    return await closedLoop(CONNECTIONS, seconds, async () => {
      const res = await client.post('/graphql', BODY);
      if (res.status !== 200 || !res.text.includes('"__typename":"Query"')) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    });
  } finally {
    client.close();
  }
}

/**
 * A GraphQL query that touches no database ({ __typename }) through the whole API (Express 5 →
 * Nest → Apollo Server 5, with the app's middleware, plugins and validation rules) as a share of
 * plain node:http answering the same JSON; Express 5 alone is measured too, to see what a
 * Fastify adapter could win at most. Rounds interleave the three servers.
 */
export async function noDatabaseBench(ctx: BenchContext): Promise<BenchResult> {
  const started = Date.now();
  const plain = await startProcess(['-e', PLAIN_HTTP], {}, 'listening');
  const express = await startProcess(['-e', EXPRESS], { NODE_PATH: join(REPO_ROOT, 'node_modules') }, 'listening');
  const targets: Array<{ key: 'plain' | 'express' | 'api'; url: string; server?: ServerProcess }> = [
    { key: 'plain', url: plain.url },
    { key: 'express', url: express.url },
    { key: 'api', url: ctx.server.url },
  ];
  const results: Record<'plain' | 'express' | 'api', LoadResult[]> = { plain: [], express: [], api: [] };
  try {
    for (const t of targets) await hammer(t.url, QUICK ? 1 : 2); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      for (const t of targets) {
        results[t.key].push(await hammer(t.url, SECONDS));
        await sleep(200);
      }
    }
  } finally {
    await plain.stop();
    await express.stop();
  }
  const rps = (key: 'plain' | 'express' | 'api') => median(results[key].map((r) => r.throughput));
  const ratios = results.api.map((r, i) => r.throughput / results.plain[i].throughput);
  const expressRatios = results.express.map((r, i) => r.throughput / results.plain[i].throughput);
  const summary = (key: 'plain' | 'express' | 'api') => ({
    perSecondByRound: results[key].map((r) => round(r.throughput)),
    medianPerSecond: round(rps(key)),
    latencyMs: latencySummary(results[key].flatMap((r) => r.latencies)),
    errors: results[key].reduce((n, r) => n + r.errors, 0),
    firstError: results[key].map((r) => r.firstError).find(Boolean) ?? null,
  });
  return {
    name: 'no-database-query',
    startedAt: new Date(started).toISOString(),
    durationSeconds: round((Date.now() - started) / 1000, 1),
    machine: ctx.machine,
    setup: {
      request: `POST /graphql ${BODY}`,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRound: SECONDS,
      api: 'the API server child (node server/dist/main.js, NODE_ENV=production): Express 5 + Nest 12 + Apollo Server 5',
      plain: 'node:http child process that parses the body and answers the same JSON',
      express: 'Express 5 child process with express.json() and the same answer',
      client: 'node:http keep-alive, one request in flight per connection, in the bench process (same 2 cores)',
    },
    figures: [
      judge({ name: 'no-database GraphQL query ÷ plain node:http', value: median(ratios) * 100, unit: '%', goal: { op: '>=', value: 25 } }),
      judge({ name: 'no-database GraphQL queries per second', value: rps('api'), unit: '/s', goal: null }),
      judge({ name: 'plain node:http requests per second', value: rps('plain'), unit: '/s', goal: null }),
      judge({ name: 'Express 5 alone ÷ plain node:http', value: median(expressRatios) * 100, unit: '%', goal: null }),
    ],
    details: { api: summary('api'), plain: summary('plain'), express: summary('express'), ratiosByRound: ratios.map((r) => round(r, 3)) },
  };
}
