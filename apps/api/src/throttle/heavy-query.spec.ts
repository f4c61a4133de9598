import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@tricolor/config';
import { lastValueFrom, Subject } from 'rxjs';
import { Heavy, HeavyQueryInterceptor } from './heavy-query';
import { TooManyRequestsError } from './rate-limiter';

class Routes {
  @Heavy('stats')
  stats(): void {}

  @Heavy('text search', { when: (req) => req.query.text !== undefined })
  list(): void {}

  light(): void {}
}

const context = (handler: keyof Routes, userId: string, query: object = {}) =>
  ({
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => ({ user: { id: userId }, query }) }),
  }) as unknown as ExecutionContext;

describe('HeavyQueryInterceptor', () => {
  const interceptor = new HeavyQueryInterceptor(new Reflector(), {
    heavyQueryConcurrency: 1,
  } as AppConfig);
  const running = () => {
    const done = new Subject<string>();
    const next: CallHandler = { handle: () => done };
    return { done, next };
  };
  const start = (ctx: ExecutionContext, next: CallHandler): Promise<unknown> =>
    lastValueFrom(interceptor.intercept(ctx, next));

  it('refuses a user’s second heavy query while the first runs, naming it', async () => {
    const first = running();
    const answer = start(context('stats', 'u1'), first.next);
    expect(() => interceptor.intercept(context('stats', 'u1'), running().next)).toThrow(
      TooManyRequestsError,
    );
    try {
      interceptor.intercept(context('stats', 'u1'), running().next);
    } catch (error) {
      expect((error as Error).message).toMatch(/too many heavy queries at once \(stats\)/);
      expect((error as TooManyRequestsError).retryAfterSeconds).toBe(1);
    }
    // Another user is not held back; light routes are never counted.
    expect(() => interceptor.intercept(context('stats', 'u2'), running().next)).not.toThrow();
    expect(() => interceptor.intercept(context('light', 'u1'), running().next)).not.toThrow();
    first.done.next('ok');
    first.done.complete();
    await expect(answer).resolves.toBe('ok');
    // Finished: the slot is free again.
    expect(() => interceptor.intercept(context('stats', 'u1'), running().next)).not.toThrow();
  });

  it('frees the slot when the query fails, and counts a list only when it searches text', async () => {
    const failing = running();
    const answer = start(context('stats', 'u3'), failing.next);
    failing.done.error(new Error('boom'));
    await expect(answer).rejects.toThrow('boom');
    const held = running();
    const heldAnswer = start(context('stats', 'u3'), held.next);
    expect(() => interceptor.intercept(context('list', 'u3'), running().next)).not.toThrow();
    expect(() =>
      interceptor.intercept(context('list', 'u3', { text: 'water' }), running().next),
    ).toThrow(TooManyRequestsError);
    held.done.next('done');
    held.done.complete();
    await expect(heldAnswer).resolves.toBe('done');
  });
});
