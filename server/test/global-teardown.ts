import { rmSync } from 'node:fs';
import type { TestPostgres } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __workplanTestPostgres?: TestPostgres }).__workplanTestPostgres;
  if (!pg) return;
  const exited = new Promise((resolve) => pg.child.once('exit', resolve));
  pg.child.stdin?.end();
  await exited;
  rmSync(pg.dataDir, { recursive: true, force: true });
}
