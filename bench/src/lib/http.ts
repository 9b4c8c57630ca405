import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A lean HTTP/1.1 keep-alive client (node:http, one request in flight per connection): the load
 * generator shares the machine's cores with the server, so it must cost as little as possible.
 */
export class JsonClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, connections: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  /** POSTs a body; resolves with status and the raw text. */
  post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface GraphQLAnswer<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export class GraphQLClient {
  readonly http: JsonClient;

  constructor(baseUrl: string, connections: number) {
    this.http = new JsonClient(baseUrl, connections);
  }

  async query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLAnswer<T>> {
    const res = await this.http.post('/graphql', JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
    try {
      return JSON.parse(res.text) as GraphQLAnswer<T>;
    } catch {
      throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 300)}`);
    }
  }

  close(): void {
    this.http.close();
  }
}

export interface LoadResult {
  /** Completed operations per second over the measured window. */
  throughput: number;
  operations: number;
  errors: number;
  seconds: number;
  /** Latency of every operation in the window, ms. */
  latencies: number[];
  firstError?: string;
}

/**
 * Closed loop: `workers` loops, each running `operation(worker, iteration)` back to back for
 * `seconds`. An operation that throws counts as an error (and the loop goes on).
 */
export async function closedLoop(workers: number, seconds: number, operation: (worker: number, iteration: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          await operation(worker, i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= String(error instanceof Error ? error.message : error).slice(0, 500);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { throughput: latencies.length / elapsed, operations: latencies.length, errors, seconds: elapsed, latencies, firstError };
}

/**
 * Paced (open) loop: each of `workers` starts an operation every `intervalMs` (phases spread
 * out), so latency is measured at a fixed offered load rather than at saturation. An operation
 * still running when its next one is due delays it (no pile-up), and that delay counts.
 */
export async function pacedLoop(workers: number, intervalMs: number, seconds: number, operation: (worker: number, iteration: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      let due = started + (intervalMs * worker) / workers;
      for (let i = 0; ; i++) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (performance.now() >= deadline) break;
        // Latency counts from when the request was due, so a late start (client or server busy) shows.
        const t0 = Math.min(due, performance.now());
        try {
          await operation(worker, i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= String(error instanceof Error ? error.message : error).slice(0, 500);
        }
        due += intervalMs;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { throughput: latencies.length / elapsed, operations: latencies.length, errors, seconds: elapsed, latencies, firstError };
}
