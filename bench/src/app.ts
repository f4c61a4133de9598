import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, type AppConfig } from '@tricolor/config';
import { JurisdictionService } from '@tricolor/core';
import type { Actor, Role } from '@tricolor/workflow';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { REDIS_URL, onCleanup } from './infra';

export const ADMIN_PASSWORD = 'bench-admin-password';
export const USER_PASSWORD = 'bench-password-123';

export interface Target {
  /** PostgreSQL URL, or undefined for SQLite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisPrefix: string;
}

/** The environment the product reads (DESIGN.md §7), production-like, for one target. */
export function productEnv(
  target: Target,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    // Production refuses to start without these (README "Security").
    AUDIT_KEYS: 'bench:bench-audit-key-bench-audit-key-0123',
    DATA_KEYS: 'bench:bench-data-key-bench-data-key-bench-0123',
    TRUST_PROXY: 'loopback',
    // The bench drives load from a few users on one address: no rate limits in the way.
    THROTTLE_LOGIN_ACCOUNT_LIMIT: '1000000',
    THROTTLE_LOGIN_IP_LIMIT: '1000000',
    THROTTLE_WRITE_LIMIT: '1000000',
    THROTTLE_CASE_EVENT_LIMIT: '1000000',
    THROTTLE_AGENDA_BUILD_LIMIT: '1000000',
    HEAVY_QUERY_CONCURRENCY: '1000',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD,
    REDIS_URL,
    REDIS_PREFIX: target.redisPrefix,
    DATA_DIR: target.dataDir,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
    ...extra,
  };
}

export interface InProcess {
  app: INestApplicationContext;
  config: AppConfig;
  dataSource: DataSource;
  get<T>(token: abstract new (...args: never[]) => T): T;
  actor(user: { id: string; username: string; role: Role; unitCode: string }): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The API's own module graph in this process, without HTTP and without the timer worker: the
 * service layer the controllers call (SendEventService, OpenDisputeService, …).
 */
export async function startInProcess(
  target: Target,
  extra: Record<string, string> = {},
): Promise<InProcess> {
  const config = loadConfig(productEnv(target, { RUN_WORKER: 'false', ...extra }));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  await app.init();
  // Wake-ups are queued after each commit without being awaited: let the last ones land first.
  const close = onCleanup('in-process app', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await app.close();
  });
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    get: <T>(token: abstract new (...args: never[]) => T) => app.get<T>(token),
    actor: (user) => app.get(JurisdictionService).actorFor(user),
    close,
  };
}
