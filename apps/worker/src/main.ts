import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@tricolor/config';
import {
  CoreRootModule,
  GracefulShutdown,
  Lifecycle,
  PinoNestLogger,
  createRootLogger,
} from '@tricolor/core';
import { serveOps } from './ops-server';
import { WorkerModule } from './worker.module';

/** The timer worker alone, for running it as its own process (RUN_WORKER=false on the API). */
@Module({})
class WorkerRootModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerRootModule,
      imports: [CoreRootModule.forRoot(config), WorkerModule],
    };
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    // A setting that does not parse stops the start, naming the variable.
    console.error((error as Error).message);
    process.exit(1);
  }
  const root = createRootLogger(config);
  const log = root.child({ context: 'TricolorWorker' });
  // SIGTERM / SIGINT: stop taking jobs, let the one in hand finish, exit within SHUTDOWN_TIMEOUT.
  const shutdown = new GracefulShutdown({
    timeoutMs: config.shutdownTimeoutMs,
    drainMs: config.opsPort === undefined ? 0 : config.shutdownDrainMs,
    log: { info: (m) => log.info(m), error: (m) => log.error(m) },
  }).install();
  const app = await NestFactory.createApplicationContext(WorkerRootModule.forRoot(config), {
    logger: new PinoNestLogger(root),
  });
  const server = config.opsPort === undefined ? undefined : await serveOps(app, config.opsPort);
  shutdown.attach(
    {
      close: async () => {
        server?.close();
        await app.close();
      },
    },
    app.get(Lifecycle),
  );
  log.info('timer worker started');
}

void main();
