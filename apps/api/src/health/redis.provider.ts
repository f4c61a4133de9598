import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import Redis from 'ioredis';
import { sentinelOptions } from '@tricolor/core';

export const REDIS = Symbol('REDIS');

/** One shared connection for commands; it keeps retrying while Redis is away. */
export const redisProvider: Provider = {
  provide: REDIS,
  inject: [AppConfig],
  useFactory: (config: AppConfig) =>
    new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      ...sentinelOptions(config),
      // Errors show as `redis: down`; without a listener ioredis prints raw, non-JSON lines.
    }).on('error', () => undefined),
};

@Injectable()
export class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
