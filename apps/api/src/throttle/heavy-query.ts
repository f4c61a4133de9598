import {
  applyDecorators,
  HttpException,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@tricolor/config';
import { defer, finalize, mergeMap, type Observable } from 'rxjs';
import type { AuthRequest } from '../auth';
import { ApiErrors } from '../http/api-errors.decorator';
import { TooManyRequestsError } from './rate-limiter';

const HEAVY = 'tricolor:heavy-query';

/**
 * How long a heavy query may wait for its turn before it is refused after all: a query that
 * hangs must not hold its user's queue (and the requests in it) for ever.
 */
export const HEAVY_QUERY_MAX_WAIT_MS = 30_000;

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
 * may have at most HEAVY_QUERY_CONCURRENCY of them running at once; more wait their turn, up
 * to HEAVY_QUERY_QUEUE of them, and one past that is a 429 (README "Security").
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
      'This user already has HEAVY_QUERY_CONCURRENCY heavy queries running and ' +
        `HEAVY_QUERY_QUEUE more waiting their turn${also} (retry after \`Retry-After\` seconds)`,
    ]),
  );
}

/** A request waiting for one of its user's running heavy queries to finish. */
interface Waiter {
  start: () => void;
  refuse: (error: Error) => void;
}

interface Lane {
  running: number;
  waiting: Waiter[];
}

/**
 * Counts each user's heavy queries in flight. Past the cap a query waits in its user's queue
 * (first come, first served) and starts when one of theirs finishes; past the queue's bound it
 * is refused with a 429 naming it. Waiting rather than refusing: a client that sends its next
 * request as soon as the last answered (a script, a console refreshing) would otherwise spin on
 * 429s, each a full pass through authentication and the access log that other users' requests
 * queue behind (issue 9, finding 6: ~350 refusals a second from one user on PostgreSQL). A
 * waiting request costs a promise and a timer.
 *
 * Counted in this process, not in Redis: the cap protects this process's event loop and
 * database pool, and an in-process count cannot leak a slot when a replica dies mid-query (a
 * user reaching N replicas gets N times the cap, each replica still bounded).
 */
@Injectable()
export class HeavyQueryInterceptor implements NestInterceptor {
  private readonly lanes = new Map<string, Lane>();
  private readonly cap: number;
  private readonly queue: number;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.cap = config.heavyQueryConcurrency;
    this.queue = config.heavyQueryQueue;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const heavy = this.reflector.get<HeavyQuery | undefined>(HEAVY, context.getHandler());
    const http = context.switchToHttp();
    const req = http.getRequest<AuthRequest & { query: Record<string, unknown> }>();
    if (!heavy || !req.user || (heavy.when && !heavy.when(req))) return next.handle();
    const userId = req.user.id;
    const lane = this.lanes.get(userId) ?? { running: 0, waiting: [] };
    this.lanes.set(userId, lane);
    if (lane.running < this.cap) {
      lane.running++;
      return this.runThenRelease(userId, lane, next);
    }
    if (lane.waiting.length >= this.queue) {
      throw new TooManyRequestsError(
        `too many heavy queries at once (${heavy.name}): at most ${this.cap} running and ` +
          `${this.queue} waiting per user; try again in 1 s`,
        1,
      );
    }
    const turn = this.waitForTurn(lane, heavy, http.getResponse<ClosingResponse>());
    // The slot a finished query hands over is this request's from then on: released as it ends.
    return defer(() => turn).pipe(mergeMap(() => this.runThenRelease(userId, lane, next)));
  }

  private runThenRelease(userId: string, lane: Lane, next: CallHandler): Observable<unknown> {
    return defer(() => next.handle()).pipe(finalize(() => this.release(userId, lane)));
  }

  /** Resolves once a running query hands this request its slot. */
  private waitForTurn(lane: Lane, heavy: HeavyQuery, res: ClosingResponse): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        res.off?.('close', gone);
        const at = lane.waiting.indexOf(waiter);
        if (at >= 0) lane.waiting.splice(at, 1);
      };
      const waiter: Waiter = {
        start: () => {
          leave();
          resolve();
        },
        refuse: (error) => {
          leave();
          reject(error);
        },
      };
      // A client that gave up waiting gives its place up too (499: nginx's "client closed").
      const gone = () =>
        waiter.refuse(new HttpException('the client closed the request while it waited', 499));
      const timer = setTimeout(
        () =>
          waiter.refuse(
            new TooManyRequestsError(
              `too many heavy queries at once (${heavy.name}): waited ` +
                `${HEAVY_QUERY_MAX_WAIT_MS / 1000} s for this user's running ones; try again in 1 s`,
              1,
            ),
          ),
        HEAVY_QUERY_MAX_WAIT_MS,
      );
      timer.unref?.();
      res.once?.('close', gone);
      lane.waiting.push(waiter);
    });
  }

  /** A query ended: its slot goes to the user's next waiting one, or is freed. */
  private release(userId: string, lane: Lane): void {
    const next = lane.waiting[0];
    if (next) {
      next.start();
      return;
    }
    lane.running--;
    if (lane.running <= 0 && lane.waiting.length === 0) this.lanes.delete(userId);
  }
}

/** The response as far as waiting needs it: 'close' when the client went away. */
interface ClosingResponse {
  once?: (event: 'close', listener: () => void) => unknown;
  off?: (event: 'close', listener: () => void) => unknown;
}
