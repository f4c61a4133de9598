import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { StatsRollupFold } from '@tricolor/core';

/**
 * Folds the closed-case changes the triggers on `disputes` wrote into the /stats roll-up, on the
 * reconcile loop's cadence (every RECONCILE_INTERVAL). GET /stats reads the changes too, so a
 * fold that is late or fails makes it slower, never wrong. Several workers may run it: a fold
 * that finds another one running skips its turn.
 */
@Injectable()
export class StatsRollupSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(StatsRollupSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly rollup: StatsRollupFold,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.reconcileIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One fold, skipped while the previous one is still running. */
  tick(): Promise<void> {
    this.running ??= this.fold().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async fold(): Promise<void> {
    try {
      const folded = await this.rollup.fold();
      if (folded > 0) this.log.debug(`folded ${folded} closed-case change(s) into the roll-up`);
    } catch (error) {
      this.log.warn(`stats roll-up fold failed (will retry): ${(error as Error).message}`);
    }
  }
}
