import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@tricolor/config';
import { AppModule } from './app.module';
import { configureApp } from './http';

async function main(): Promise<void> {
  const log = new Logger('Tricolor');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // A setting that does not parse stops the start, naming the variable.
    log.error((error as Error).message);
    process.exit(1);
  }
  for (const warning of config.warnings) log.warn(warning);
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: false });
  configureApp(app);
  app.enableShutdownHooks();
  await app.listen(config.port);
  log.log(`listening on http://localhost:${config.port} (docs at /docs)`);
}

void main();
