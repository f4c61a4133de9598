import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { StatsRollupFold } from '@tricolor/core';
import { PeriodicSweep } from './periodic-sweep';

/**
 * Folds the closed-case changes the triggers on `disputes` wrote into the /stats roll-up, on the
 * reconcile loop's cadence. GET /stats reads the changes too, so a fold that is late or fails
 * makes it slower, never wrong. Several workers may run it: a fold that finds another one
 * running skips its turn.
 */
@Injectable()
export class StatsRollupSweep extends PeriodicSweep {
  protected readonly what = 'stats roll-up fold';

  constructor(
    config: AppConfig,
    private readonly rollup: StatsRollupFold,
  ) {
    super(config);
  }

  protected async sweep(): Promise<void> {
    const folded = await this.rollup.fold();
    if (folded > 0) this.log.debug(`folded ${folded} closed-case change(s) into the roll-up`);
  }
}
