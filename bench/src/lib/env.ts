import { cpus, freemem, totalmem, loadavg, release } from 'node:os';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root (bench/dist/lib → ../../..). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
export const SERVER_DIST = join(REPO_ROOT, 'server', 'dist');

/** Where benchmarks make their throwaway database: DATABASE_URL, else the machine's local PostgreSQL. */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Shorter runs for trying the bench out (BENCH_QUICK=1); the figures to report come from a full run. */
export const QUICK = process.env.BENCH_QUICK === '1';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  kernel: string;
  totalMemoryMb: number;
  freeMemoryMb: number;
  loadAverage: number[];
  postgres?: string;
  chromium?: string;
}

export function machineInfo(extra: Partial<MachineInfo> = {}): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    node: process.version,
    platform: process.platform,
    kernel: release(),
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    ...extra,
  };
}

export function ensureResultsDir(): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return RESULTS_DIR;
}

/** Loads a module of the built server (server/dist), typed by the caller. */
export function serverModule<T>(relative: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(SERVER_DIST, relative)) as T;
}

/** Resident set size and its peak of a process, from /proc (Linux). */
export function processMemory(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
