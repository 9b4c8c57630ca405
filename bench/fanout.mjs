// Live-update fan-out: PostgreSQL LISTEN/NOTIFY against Redis pub/sub, measured the same way.
// A publisher sends N small messages (the size our bus carries: task id + history row id); a
// listener on another connection records when each arrives. Latency p50/p95/p99 at a steady rate,
// and throughput flat out. Writes bench/results/fanout.json.
import { Redis } from 'ioredis';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const STEADY = 2_000; // messages at ~1 per ms: latency
const BURST = 20_000; // messages as fast as the publisher goes: throughput
const channel = `bench_fanout_${process.pid}`;
const payload = (i) => JSON.stringify({ taskId: '6f1c2d9e-8a3b-4c5d-9e0f-1a2b3c4d5e6f', transitionId: String(1_000_000 + i), sent: performance.now() });

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (latencies) => {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: +percentile(s, 50).toFixed(3), p95: +percentile(s, 95).toFixed(3), p99: +percentile(s, 99).toFixed(3), max: +s.at(-1).toFixed(3) };
};

async function measure(name, { listen, publish, close }) {
  const arrivals = [];
  let expect = 0;
  let done;
  await listen((text) => {
    arrivals.push(performance.now() - JSON.parse(text).sent);
    if (arrivals.length === expect) done();
  });
  // warm up
  expect = 200;
  let finished = new Promise((r) => (done = r));
  for (let i = 0; i < 200; i++) await publish(payload(i));
  await finished;
  arrivals.length = 0;

  expect = STEADY;
  finished = new Promise((r) => (done = r));
  for (let i = 0; i < STEADY; i++) {
    await publish(payload(i));
    await new Promise((r) => setTimeout(r, 1));
  }
  await finished;
  const latency = summary(arrivals);
  arrivals.length = 0;

  expect = BURST;
  finished = new Promise((r) => (done = r));
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < BURST; i++) {
    inFlight.push(publish(payload(i)));
    if (inFlight.length >= 64) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await close();
  return { name, latencyMs: latency, throughputPerSecond: Math.round(BURST / seconds) };
}

async function postgres() {
  const listener = new pg.Client({ connectionString: DATABASE_URL });
  const publisher = new pg.Pool({ connectionString: DATABASE_URL, max: 8 });
  await listener.connect();
  return measure('postgres LISTEN/NOTIFY', {
    listen: async (on) => {
      listener.on('notification', (n) => on(n.payload));
      await listener.query(`LISTEN ${channel}`);
    },
    publish: (text) => publisher.query('SELECT pg_notify($1, $2)', [channel, text]),
    close: async () => {
      await listener.end();
      await publisher.end();
    },
  });
}

async function redis() {
  const sub = new Redis(REDIS_URL);
  const pub = new Redis(REDIS_URL);
  return measure('redis pub/sub', {
    listen: async (on) => {
      sub.on('message', (_c, text) => on(text));
      await sub.subscribe(channel);
    },
    publish: (text) => pub.publish(channel, text),
    close: async () => {
      sub.disconnect();
      pub.disconnect();
    },
  });
}

const results = { benchmark: 'fanout', at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, steadyMessages: STEADY, burstMessages: BURST, runs: [await postgres(), await redis()] };
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/fanout.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results.runs, null, 2));
