import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { consoleHandler } from '../console/serve-console';
import { HttpErrorFilter } from './http-error.filter';
import { requireJsonBody } from './json-only.middleware';
import { setupOpenApi } from './openapi';
import { createValidationPipe } from './validation';

export interface ConfigureAppOptions {
  /** Largest accepted JSON body, in bytes or as `'256kb'`; larger ones get 413. */
  bodyLimit?: number | string;
  /** Serve the OpenAPI document at /docs (default true). */
  docs?: boolean;
  /** Version shown in the OpenAPI document. */
  apiVersion?: string;
  /** Serve the browser console under /app/ from this directory (default dist/console). */
  consoleDir?: string;
}

export const DEFAULT_BODY_LIMIT = '256kb';

/**
 * Everything at the HTTP edge that main.ts and the e2e tests must share.
 * Call it after creating the app and before `app.init()` / `app.listen()`.
 */
export function configureApp<T extends INestApplication>(
  app: T,
  options: ConfigureAppOptions = {},
): T {
  // A JSON API: CSP would only get in the way of the Swagger UI, the other headers still help.
  app.useSecurityHeaders({ contentSecurityPolicy: false });
  app.use(consoleHandler(options.consoleDir));
  app.use(requireJsonBody);
  // Answers carry personal data (names, numbers) and tokens: no browser or proxy may keep them.
  app.use(
    (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  );
  if (isExpress(app)) {
    // Registered before init, this replaces Nest's default JSON parser (and its 100kb limit).
    app.useBodyParser('json', {
      limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      type: ['application/json', 'application/*+json'],
    });
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(app.get(HttpAdapterHost)));
  if (options.docs !== false) {
    setupOpenApi(app, options.apiVersion ?? '0.1.0');
  }
  return app;
}

function isExpress(app: INestApplication): app is NestExpressApplication {
  return app.getHttpAdapter().getType() === 'express';
}
