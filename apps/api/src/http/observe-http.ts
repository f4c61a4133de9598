import type { INestApplication } from '@nestjs/common';
import { Metrics, withLogContext } from '@tricolor/core';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

interface RoutedRequest extends IncomingMessage {
  route?: { path?: string };
  baseUrl?: string;
  params?: Record<string, string>;
  user?: { id?: string };
}

// A caller's own request id is kept if it looks like one; anything else gets a fresh one.
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * Request ids, one JSON access-log line per request and the HTTP latency histogram. Only the
 * path is logged (a query string may carry a search for a name) and no header, no body.
 */
export function observeHttp(app: INestApplication, logger: Logger): void {
  const metrics = app.get(Metrics);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // The ids (request, user, case) come from the log context mixin; the route from Express.
      customProps: (req: RoutedRequest) => ({ route: routeOf(req) }),
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Probes and scrapes every few seconds would drown the log.
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
    }),
  );
  app.use((req: RoutedRequest, res: ServerResponse, next: () => void) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpSeconds.observe(
        {
          method: req.method ?? 'GET',
          route: routeOf(req),
          status: `${Math.floor(res.statusCode / 100)}xx`,
        },
        seconds,
      );
    });
    withLogContext({ requestId: typeof req.id === 'string' ? req.id : undefined }, next);
  });
}

// The route pattern (`/disputes/:id/events`), never the concrete path: bounded label values.
function routeOf(req: RoutedRequest): string {
  return req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
}
