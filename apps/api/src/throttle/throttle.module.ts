import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@tricolor/config';
import Redis from 'ioredis';
import { HeavyQueryInterceptor } from './heavy-query';
import { RateLimiter } from './rate-limiter';
import { RedisThrottlerStorage, THROTTLE_REDIS } from './redis-throttler-storage';
import { WriteThrottleInterceptor } from './write-throttle.interceptor';

/** Login, write and per-case event limits and the per-user cap on heavy queries, counted in Redis (shared by every replica). */
@Global()
@Module({
  providers: [
    {
      provide: THROTTLE_REDIS,
      inject: [AppConfig],
      // Fail fast: a throttle that waits on an absent Redis would slow every request.
      useFactory: (config: AppConfig) =>
        new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 500 }),
    },
    RedisThrottlerStorage,
    { provide: ThrottlerStorage, useExisting: RedisThrottlerStorage },
    RateLimiter,
    { provide: APP_INTERCEPTOR, useClass: WriteThrottleInterceptor },
    { provide: APP_INTERCEPTOR, useClass: HeavyQueryInterceptor },
  ],
  exports: [RateLimiter, ThrottlerStorage],
})
export class ThrottleModule {}
