import 'reflect-metadata';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@tricolor/config';
import { CoreRootModule } from '@tricolor/core';
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
  const log = new Logger('TricolorWorker');
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    // A setting that does not parse stops the start, naming the variable.
    log.error((error as Error).message);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerRootModule.forRoot(config));
  // SIGTERM / SIGINT: stop taking jobs and let the one in hand finish.
  app.enableShutdownHooks();
  log.log('timer worker started');
}

void main();
