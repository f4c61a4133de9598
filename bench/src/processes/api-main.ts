import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@tricolor/config';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureApp } from '../../../apps/api/src/http';
import { listenToParent, notifyReady } from './child-control';

/**
 * The API process as apps/api/src/main.ts builds it (same module, same configureApp), except that
 * it listens on 127.0.0.1 only and answers the benchmark over IPC.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  configureApp(app);
  await app.listen(config.port, '127.0.0.1');
  listenToParent(async () => {
    await app.close();
    process.exit(0);
  });
  notifyReady(config.port);
}

main().catch((error: Error) => {
  process.stderr.write(`api-main: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
