import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { HealthChecks, Metrics, metricsAccess } from '@tricolor/core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A worker process has no API; with OPS_PORT set it answers the same probes and scrape as the
 * API does (/health/live, /health/ready, /metrics with METRICS_TOKEN) on a plain HTTP server.
 */
export async function serveOps(app: INestApplicationContext, port: number): Promise<Server> {
  const checks = app.get(HealthChecks);
  const metrics = app.get(Metrics);
  const token = app.get(AppConfig).metricsToken;
  const server = createServer((req, res) => {
    void answer(req, res).catch(() => send(res, 500, { status: 'error' }));
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(res, 405, { status: 'method not allowed' });
    if (path === '/health/live') return send(res, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const report = await checks.readiness();
      return send(res, report.status === 'ok' ? 200 : 503, report);
    }
    if (path === '/metrics') {
      const access = metricsAccess(token, req.headers.authorization);
      if (access !== 'allowed') return send(res, access === 'disabled' ? 403 : 401, { access });
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { 'Content-Type': contentType }).end(body);
      return;
    }
    send(res, 404, { status: 'not found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return server;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
