import { Logger } from '@nestjs/common';
import type { AppConfig } from '@tricolor/config';
import { PeriodicSweep } from './periodic-sweep';

/** A sweep whose passes the test finishes or fails by hand. */
class HeldSweep extends PeriodicSweep {
  protected readonly what = 'held sweep';
  readonly passes: { now: Date; finish(): void; fail(error: Error): void }[] = [];

  constructor() {
    super({ reconcileIntervalMs: 60_000 } as AppConfig);
  }

  protected sweep(now: Date): Promise<void> {
    return new Promise((finish, fail) => this.passes.push({ now, finish: () => finish(), fail }));
  }
}

describe('a periodic sweep', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('skips a tick while its last pass still runs, then runs the next one', async () => {
    const sweep = new HeldSweep();
    const first = sweep.tick(new Date(1));
    const during = sweep.tick(new Date(2));
    expect(sweep.passes).toHaveLength(1);
    expect(during).toBe(first);
    sweep.passes[0].finish();
    await first;
    const next = sweep.tick(new Date(3));
    expect(sweep.passes.map((p) => p.now.getTime())).toEqual([1, 3]);
    sweep.passes[1].finish();
    await next;
  });

  it('logs a failed pass by name and tries again at the next tick', async () => {
    const sweep = new HeldSweep();
    const failing = sweep.tick();
    sweep.passes[0].fail(new Error('database went away'));
    await expect(failing).resolves.toBeUndefined();
    expect(warnings).toEqual(['held sweep failed (will retry): database went away']);
    const retry = sweep.tick();
    expect(sweep.passes).toHaveLength(2);
    sweep.passes[1].finish();
    await retry;
  });

  it('waits for the pass in hand when the worker shuts down', async () => {
    const sweep = new HeldSweep();
    void sweep.tick();
    let stopped = false;
    const stopping = sweep.onModuleDestroy().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    sweep.passes[0].finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
