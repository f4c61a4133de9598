import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@tricolor/config';
import { GracefulShutdown, Lifecycle, PinoNestLogger, createRootLogger } from '@tricolor/core';
import { mountQueueBoard } from './admin/queue-board';
import { AppModule } from './app.module';
import { configureApp } from './http';
import { observeHttp } from './http/observe-http';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // A setting that does not parse stops the start, naming the variable.
    console.error((error as Error).message);
    process.exit(1);
  }
  const root = createRootLogger(config);
  const log = root.child({ context: 'Tricolor' });
  // Installed first: a SIGTERM during a boot that hangs on the database still ends the process.
  const shutdown = new GracefulShutdown({
    timeoutMs: config.shutdownTimeoutMs,
    drainMs: config.shutdownDrainMs,
    log: { info: (m) => log.info(m), error: (m) => log.error(m) },
  }).install();
  for (const warning of config.warnings) log.warn(warning);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(root),
  });
  // Which proxy to believe for the client's address (login throttling per IP): TRUST_PROXY.
  app.set('trust proxy', config.trustProxy);
  observeHttp(app, root);
  // The OpenAPI document describes every route to whoever asks: not in production.
  const docs = config.nodeEnv !== 'production';
  configureApp(app, { docs });
  mountQueueBoard(app);
  shutdown.attach(app, app.get(Lifecycle));
  await app.listen(config.port, config.host);
  log.info(`listening on http://${config.host}:${config.port}${docs ? ' (docs at /docs)' : ''}`);
}

void main();
