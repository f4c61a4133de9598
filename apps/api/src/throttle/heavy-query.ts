import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@tricolor/config';
import { defer, finalize, type Observable } from 'rxjs';
import type { AuthRequest } from '../auth';
import { ApiErrors } from '../http/api-errors.decorator';
import { TooManyRequestsError } from './rate-limiter';

const HEAVY = 'tricolor:heavy-query';

/**
 * What a heavy query is called in a refusal. `when` narrows it to some requests of the route
 * (a list is heavy only when it searches text).
 */
export interface HeavyQuery {
  name: string;
  when?: (req: { query: Record<string, unknown> }) => boolean;
}

/**
 * Marks a route as a heavy query (reads many rows, builds a file, replays a trail): one user
 * may have at most HEAVY_QUERY_CONCURRENCY of them running at once (README "Security").
 */
export function Heavy(
  name: string,
  options: { when?: HeavyQuery['when']; also429?: string } = {},
): MethodDecorator {
  const also = options.also429 ? `; or ${options.also429}` : '';
  return applyDecorators(
    SetMetadata(HEAVY, { name, when: options.when } satisfies HeavyQuery),
    ApiErrors([
      429,
      `This user already has HEAVY_QUERY_CONCURRENCY heavy queries running${also} ` +
        '(retry after `Retry-After` seconds)',
    ]),
  );
}

/**
 * Counts each user's heavy queries in flight and refuses one past the cap with a 429 naming
 * it. Counted in this process, not in Redis: the cap protects this process's event loop and
 * database pool, and an in-process count cannot leak a slot when a replica dies mid-query (a
 * user reaching N replicas gets N times the cap, each replica still bounded).
 */
@Injectable()
export class HeavyQueryInterceptor implements NestInterceptor {
  private readonly running = new Map<string, number>();
  private readonly cap: number;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.cap = config.heavyQueryConcurrency;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const heavy = this.reflector.get<HeavyQuery | undefined>(HEAVY, context.getHandler());
    const req = context
      .switchToHttp()
      .getRequest<AuthRequest & { query: Record<string, unknown> }>();
    if (!heavy || !req.user || (heavy.when && !heavy.when(req))) return next.handle();
    const userId = req.user.id;
    const inFlight = this.running.get(userId) ?? 0;
    if (inFlight >= this.cap) {
      throw new TooManyRequestsError(
        `too many heavy queries at once (${heavy.name}): at most ${this.cap} running per user; ` +
          'wait for the one running to finish, then try again in 1 s',
        1,
      );
    }
    this.running.set(userId, inFlight + 1);
    return defer(() => next.handle()).pipe(
      finalize(() => {
        const left = (this.running.get(userId) ?? 1) - 1;
        if (left > 0) this.running.set(userId, left);
        else this.running.delete(userId);
      }),
    );
  }
}
