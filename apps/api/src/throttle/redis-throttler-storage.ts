import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@tricolor/config';
import Redis from 'ioredis';

/** @nestjs/throttler's storage record (its type is not exported from the package root). */
export interface ThrottleRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

// One round trip: count the hit in a fixed window; past the limit, start (or keep) a block.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

export const THROTTLE_REDIS = Symbol('THROTTLE_REDIS');

/**
 * @nestjs/throttler's storage on Redis, so every replica counts the same hits. Keys live under
 * `<REDIS_PREFIX>:throttle:`. If Redis cannot answer, requests are let through (logged): a Redis
 * outage must not lock every user out; the account check and the password still stand.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly log = new Logger('Throttle');
  private readonly prefix: string;

  constructor(
    @Inject(THROTTLE_REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.redisPrefix}:throttle:`;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottleRecord> {
    const base = `${this.prefix}${throttlerName}:${key}`;
    try {
      const [hits, ttlMs, blockedMs] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number];
      const isBlocked = blockedMs > 0 || hits > limit;
      return {
        totalHits: hits,
        timeToExpire: Math.max(1, Math.ceil(ttlMs / 1000)),
        isBlocked,
        timeToBlockExpire: isBlocked
          ? Math.max(1, Math.ceil(Math.max(blockedMs, ttlMs) / 1000))
          : 0,
      };
    } catch (error) {
      this.log.warn(`not counted (${(error as Error).message})`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /** Forgets a key's hits and block (a successful login clears its account's failures). */
  async reset(key: string, throttlerName: string): Promise<void> {
    const base = `${this.prefix}${throttlerName}:${key}`;
    await this.redis.del(`${base}:hits`, `${base}:block`).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
