import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { OpsRedis } from './ops-redis';
import { withTimeout } from './with-timeout';

export const HEARTBEAT_INTERVAL_MS = 5000;
/** A worker whose last beat is older than this is counted as gone. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS;

/**
 * Timer workers write a heartbeat (a sorted set member scored by time) while their BullMQ worker
 * runs; /health/ready counts the fresh ones when a worker is expected.
 */
@Injectable()
export class WorkerHeartbeats {
  /** This process's worker, in the set. */
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly key: string;

  constructor(
    config: AppConfig,
    private readonly redis: OpsRedis,
  ) {
    // Under the queue's prefix: one hash slot with the queue on a cluster when it is hash-tagged.
    this.key = `${config.redisPrefix}:workers`;
  }

  async beat(now = Date.now()): Promise<void> {
    await this.bounded(async (redis) =>
      redis
        .multi()
        .zadd(this.key, now, this.workerId)
        .zremrangebyscore(this.key, '-inf', now - 10 * HEARTBEAT_STALE_MS)
        .exec(),
    );
  }

  async leave(): Promise<void> {
    await this.bounded((redis) => redis.zrem(this.key, this.workerId));
  }

  async alive(now = Date.now()): Promise<number> {
    return this.bounded((redis) => redis.zcount(this.key, now - HEARTBEAT_STALE_MS, '+inf'));
  }

  // Connecting included: an unreachable Redis must not hold up a probe or a shutdown.
  private bounded<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
    return withTimeout(this.redis.connected().then(work), 1000, 'heartbeats');
  }
}
