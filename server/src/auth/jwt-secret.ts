import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';

/**
 * JWT_SECRET wins. With the embedded database the secret is kept beside its data, so sign-ins
 * survive a restart; otherwise a random one is made per process (and tokens end with it).
 */
export function loadJwtSecret(env: NodeJS.ProcessEnv, dataDir: string | undefined): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (dataDir) {
    const file = join(dataDir, '..', 'jwt-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  new Logger('Auth').warn('JWT_SECRET is not set: using a random secret, so sign-ins end when the server restarts');
  return randomBytes(32).toString('hex');
}
