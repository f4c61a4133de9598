import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: false,
  });
  // Which proxy to believe for the client's address (login throttling per IP): TRUST_PROXY.
  app.set('trust proxy', config.trustProxy);
  // The OpenAPI document describes every route to whoever asks: not in production.
  const docs = config.nodeEnv !== 'production';
  configureApp(app, { docs });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  log.log(`listening on http://${config.host}:${config.port}${docs ? ' (docs at /docs)' : ''}`);
}

void main();
