import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@tricolor/config';

/**
 * Work a worker does on the reconcile loop's cadence (every RECONCILE_INTERVAL) rather than on a
 * timer row of its own: never two at once in a process (a tick while one runs is skipped), a
 * failure logged and retried at the next tick, shutdown waiting for the one in hand.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly log = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  /** What the sweep does, for its failure line ("report sweep"). */
  protected abstract readonly what: string;

  protected constructor(private readonly config: AppConfig) {}

  /** One pass; what it throws is logged, and the next tick tries again. */
  protected abstract sweep(now: Date): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.reconcileIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass, skipped while the previous one is still running. */
  tick(now = new Date()): Promise<void> {
    this.running ??= this.once(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async once(now: Date): Promise<void> {
    try {
      await this.sweep(now);
    } catch (error) {
      this.log.warn(`${this.what} failed (will retry): ${(error as Error).message}`);
    }
  }
}
