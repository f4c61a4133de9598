import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig, type ThrottleRule } from '@tricolor/config';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/** A 429 that tells the client when to come back (the error filter sets `Retry-After`). */
export class TooManyRequestsError extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

export type ThrottleName = keyof AppConfig['throttle'];

/** Counts hits against the configured rules (THROTTLE_* variables) and refuses past them. */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  rule(name: ThrottleName): ThrottleRule {
    return this.config.throttle[name];
  }

  /** Counts one hit on `key`; throws 429 with Retry-After once the rule's limit is passed. */
  async hit(name: ThrottleName, key: string, what: string): Promise<void> {
    const rule = this.rule(name);
    const record = await this.storage.increment(key, rule.windowMs, rule.limit, rule.blockMs, name);
    if (record.isBlocked) {
      throw new TooManyRequestsError(
        `too many ${what}: try again in ${record.timeToBlockExpire} s`,
        record.timeToBlockExpire,
      );
    }
  }

  reset(name: ThrottleName, key: string): Promise<void> {
    return this.storage.reset(key, name);
  }
}
