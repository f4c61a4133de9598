import { Logger } from '@nestjs/common';
import type { AppConfig } from '@tricolor/config';
import Redis from 'ioredis';
import { sentinelOptions } from './redis-connection';

/**
 * BullMQ loses jobs if Redis evicts keys. Production refuses any policy but `noeviction`;
 * elsewhere a warning is enough. A Redis that cannot be reached is only warned about: the
 * database is the record, and the reconciler catches up when Redis returns.
 */
export async function checkRedisPolicy(
  config: AppConfig,
  log = new Logger('Redis'),
): Promise<void> {
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    ...sentinelOptions(config),
  });
  // The failure is reported below; without a listener ioredis prints raw, non-JSON lines.
  redis.on('error', () => undefined);
  let policy: string | undefined;
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch (error) {
    log.warn(`could not read Redis maxmemory-policy: ${(error as Error).message}`);
    return;
  } finally {
    redis.disconnect();
  }
  if (policy === 'noeviction') return;
  const message = `Redis maxmemory-policy is "${policy}", but timers need "noeviction"`;
  if (config.nodeEnv === 'production') throw new Error(message);
  log.warn(message);
}
