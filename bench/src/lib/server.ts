import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { processMemory, REPO_ROOT, SERVER_DIST, sleep } from './env';

export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts a Node script as a child process listening on a free port, and waits until `ready`
 * appears in its output. Used for the API (server/dist/main.js, exactly as `npm start` runs it)
 * and for the plain node:http / Express baselines.
 */
export async function startProcess(args: string[], env: Record<string, string>, ready: string | RegExp): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + 90_000;
  const isReady = () => (typeof ready === 'string' ? output.includes(ready) : ready.test(output));
  while (!isReady()) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not start within 90 s:\n${output}`);
    }
    await sleep(50);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The built API server (node server/dist/main.js) on the bench database. */
export async function startApiServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const main = join(SERVER_DIST, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm run bench does)`);
  return startProcess(
    [main],
    {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      MUTATIONS_PER_MINUTE: '1000000000',
      TOKEN_TTL_SECONDS: '3600',
      JWT_SECRET: 'bench-secret-not-for-production',
      // The timers' first run right after start includes the report-reminder sweep, which walks
      // every task in implementation (45,000 here) through the report schedule; its per-task scans
      // make it quadratic: minutes of CPU in the middle of the measurements. Not measured here.
      TIMERS: 'off',
      ...extraEnv,
    },
    'Workplan board ready',
  );
}

/** Samples a process's RSS every `everyMs` until stopped. */
export function sampleMemory(pid: number, everyMs = 100) {
  const samples: Array<{ t: number; rssMb: number }> = [];
  const started = Date.now();
  const timer = setInterval(() => {
    const m = processMemory(pid);
    if (m) samples.push({ t: Date.now() - started, rssMb: m.rssMb });
  }, everyMs);
  return {
    samples,
    stop: () => {
      clearInterval(timer);
      return { samples, peak: processMemory(pid) };
    },
  };
}
