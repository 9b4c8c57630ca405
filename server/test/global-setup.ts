import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  child: ChildProcess;
  dataDir: string;
}

/**
 * Integration tests run on a real PostgreSQL: the one in DATABASE_URL if set, otherwise an embedded
 * one started here for this run. Each spec file then makes its own throwaway database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.WORKPLAN_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  // As root the server runs as the `postgres` user, which must be able to enter the folder.
  const parent = mkdtempSync(join(tmpdir(), 'workplan-test-pg-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  const child = spawn(process.execPath, [join(__dirname, 'embedded-postgres-process.mjs'), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`embedded PostgreSQL for the tests exited with ${code}`)));
  });
  process.env.WORKPLAN_TEST_ADMIN_URL = url;
  (globalThis as { __workplanTestPostgres?: TestPostgres }).__workplanTestPostgres = { child, dataDir: parent };
  process.on('exit', () => {
    child.kill('SIGTERM');
    rmSync(parent, { recursive: true, force: true });
  });
}
