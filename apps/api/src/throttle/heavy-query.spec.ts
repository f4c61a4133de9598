import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@tricolor/config';
import { EventEmitter } from 'node:events';
import { lastValueFrom, Subject } from 'rxjs';
import { Heavy, HEAVY_QUERY_MAX_WAIT_MS, HeavyQueryInterceptor } from './heavy-query';
import { TooManyRequestsError } from './rate-limiter';

class Routes {
  @Heavy('stats')
  stats(): void {}

  @Heavy('text search', { when: (req) => req.query.text !== undefined })
  list(): void {}

  light(): void {}
}

const context = (
  handler: keyof Routes,
  userId: string,
  query: object = {},
  res: EventEmitter = new EventEmitter(),
) =>
  ({
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({
      getRequest: () => ({ user: { id: userId }, query }),
      getResponse: () => res,
    }),
  }) as unknown as ExecutionContext;

/** A query that runs until the test ends it, and says whether it started. */
const query = () => {
  const done = new Subject<string>();
  let started = false;
  const next: CallHandler = {
    handle: () => {
      started = true;
      return done;
    },
  };
  const finish = (value: string) => {
    done.next(value);
    done.complete();
  };
  return { done, next, finish, started: () => started };
};

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('HeavyQueryInterceptor', () => {
  const make = (cap = 1, queue = 2) =>
    new HeavyQueryInterceptor(new Reflector(), {
      heavyQueryConcurrency: cap,
      heavyQueryQueue: queue,
    } as AppConfig);

  afterEach(() => jest.useRealTimers());

  it('makes a user’s heavy queries past the cap wait their turn, first come first served', async () => {
    const interceptor = make(1, 2);
    const start = (q: ReturnType<typeof query>) =>
      lastValueFrom(interceptor.intercept(context('stats', 'u1'), q.next));
    const [first, second, third] = [query(), query(), query()];
    const answers = [start(first), start(second), start(third)];
    await flush();
    expect([first.started(), second.started(), third.started()]).toEqual([true, false, false]);
    first.finish('one');
    await expect(answers[0]).resolves.toBe('one');
    await flush();
    expect([second.started(), third.started()]).toEqual([true, false]);
    second.finish('two');
    await flush();
    expect(third.started()).toBe(true);
    third.finish('three');
    await expect(Promise.all(answers)).resolves.toEqual(['one', 'two', 'three']);
  });

  it('refuses one past the queue with a 429 naming the query, with Retry-After', async () => {
    const interceptor = make(1, 1);
    const running = query();
    const answer = lastValueFrom(interceptor.intercept(context('stats', 'u2'), running.next));
    const waiting = query();
    const waited = lastValueFrom(interceptor.intercept(context('stats', 'u2'), waiting.next));
    let refusal: unknown;
    try {
      interceptor.intercept(context('stats', 'u2'), query().next);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect((refusal as Error).message).toMatch(/too many heavy queries at once \(stats\)/);
    expect((refusal as TooManyRequestsError).retryAfterSeconds).toBe(1);
    // Another user is not held back; light routes and plain lists are never counted.
    const theirs = query();
    void lastValueFrom(interceptor.intercept(context('stats', 'u3'), theirs.next));
    void lastValueFrom(interceptor.intercept(context('light', 'u2'), query().next));
    void lastValueFrom(interceptor.intercept(context('list', 'u2'), query().next));
    await flush();
    expect(theirs.started()).toBe(true);
    // A text search is heavy: the queue is still full.
    expect(() =>
      interceptor.intercept(context('list', 'u2', { text: 'water' }), query().next),
    ).toThrow(TooManyRequestsError);
    running.finish('ok');
    await expect(answer).resolves.toBe('ok');
    waiting.finish('next');
    await expect(waited).resolves.toBe('next');
  });

  it('hands the slot on when a query fails, and frees it when nothing waits', async () => {
    const interceptor = make(1, 1);
    const failing = query();
    const failed = lastValueFrom(interceptor.intercept(context('stats', 'u4'), failing.next));
    const after = query();
    const answer = lastValueFrom(interceptor.intercept(context('stats', 'u4'), after.next));
    failing.done.error(new Error('boom'));
    await expect(failed).rejects.toThrow('boom');
    await flush();
    expect(after.started()).toBe(true);
    after.finish('done');
    await expect(answer).resolves.toBe('done');
    // Nothing runs now: the next one starts at once.
    const fresh = query();
    void lastValueFrom(interceptor.intercept(context('stats', 'u4'), fresh.next));
    await flush();
    expect(fresh.started()).toBe(true);
  });

  it('drops a waiting request whose client went away, and one that waited too long', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const interceptor = make(1, 1);
    const running = query();
    void lastValueFrom(interceptor.intercept(context('stats', 'u5'), running.next));
    const res = new EventEmitter();
    const gone = query();
    const abandoned = lastValueFrom(
      interceptor.intercept(context('stats', 'u5', {}, res), gone.next),
    );
    res.emit('close');
    await expect(abandoned).rejects.toMatchObject({ status: 499 });
    // Its place is free again: another may wait, and is refused after HEAVY_QUERY_MAX_WAIT_MS.
    const patient = query();
    const waited = lastValueFrom(interceptor.intercept(context('stats', 'u5'), patient.next));
    jest.advanceTimersByTime(HEAVY_QUERY_MAX_WAIT_MS);
    await expect(waited).rejects.toBeInstanceOf(TooManyRequestsError);
    running.finish('ok');
    await flush();
    expect(gone.started()).toBe(false);
    expect(patient.started()).toBe(false);
  });
});
