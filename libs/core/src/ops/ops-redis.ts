import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import Redis from 'ioredis';
import { sentinelOptions } from '../timers/redis-connection';

/**
 * A small Redis connection for health checks and heartbeats. It fails commands fast while Redis
 * is away (one retry, bounded reconnect delay) and never logs "Unhandled error event".
 */
@Injectable()
export class OpsRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      ...sentinelOptions(config),
    });
    // Errors surface as failed checks; the reconnect loop goes on by itself.
    this.client.on('error', () => undefined);
  }

  /** The client, connecting it on first use (a MULTI does not connect a lazy client itself). */
  async connected(): Promise<Redis> {
    if (this.client.status === 'wait') await this.client.connect();
    return this.client;
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
