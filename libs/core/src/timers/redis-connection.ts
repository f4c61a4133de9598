import type { AppConfig } from '@tricolor/config';
import type { ConnectionOptions } from 'bullmq';

/**
 * Producers fail fast while Redis is away (the row is the record and the reconciler re-queues);
 * workers block and retry forever, as BullMQ requires (`maxRetriesPerRequest: null`).
 */
/**
 * With REDIS_SENTINELS, ioredis asks the Sentinels for the current primary (and again after a
 * failover); REDIS_URL still gives the password and database. Spread into every connection.
 */
export const sentinelOptions = (
  config: Pick<AppConfig, 'redisSentinels' | 'redisSentinelName'>,
): { sentinels?: { host: string; port: number }[]; name?: string } =>
  config.redisSentinels
    ? { sentinels: [...config.redisSentinels], name: config.redisSentinelName }
    : {};

export const producerConnection = (config: AppConfig): ConnectionOptions => ({
  url: config.redisUrl,
  ...sentinelOptions(config),
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
});

export const workerConnection = (config: AppConfig): ConnectionOptions => ({
  url: config.redisUrl,
  ...sentinelOptions(config),
  maxRetriesPerRequest: null,
});
