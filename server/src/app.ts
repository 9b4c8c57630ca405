import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule, type AppOptions } from './app.module';
import { placeholderPage } from './placeholder-page';

/** Builds the whole app (GraphQL API + the board's static files) without listening yet. */
export async function createApp(options: AppOptions & { clientDir?: string; quiet?: boolean; trustProxy?: string }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.quiet ? ['warn', 'error'] : ['log', 'warn', 'error'],
  });
  // A plan document comes inside a GraphQL request (base64 .docx up to 10 MB ≈ 13.4 MB of text).
  app.useBodyParser('json', { limit: '15mb' });
  // Behind a proxy (nginx, an ingress) the caller's address is in X-Forwarded-For: the sign-in
  // throttle and the audit trail need it, not the proxy's. TRUST_PROXY: hop count, or Express's names.
  // No ETag on answers: each one was hashed (about a twentieth of a small query's time), and
  // GraphQL POSTs and downloads are never revalidated. Static files keep serve-static's own.
  app.set('etag', false);
  if (options.trustProxy !== undefined) app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  // Every answer carries a request id (the caller's, if sane); the audit trail and logs quote it.
  app.use((req: Request & { requestId?: string }, res: Response, next: NextFunction) => {
    const given = req.get('x-request-id');
    req.requestId = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    next();
  });
  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.useStaticAssets(clientDir, { index: false });
    // Client-side routes (/board?dept=…) all load the same page.
    app.use((req: Request, res: Response, next: NextFunction) => {
      // API paths (GraphQL, evidence files, Excel exports) are Nest's; everything else is the single-page app.
      if (req.method !== 'GET' || /^\/(graphql|files|export|health|ready)(\/|$)/.test(req.path)) return next();
      res.sendFile(join(clientDir, 'index.html'));
    });
  } else {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path !== '/') return next();
      res.type('html').send(placeholderPage());
    });
  }
  return app;
}
