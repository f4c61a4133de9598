import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { ReportOverdueService } from '@tricolor/core';

/**
 * Flags 社情 reports nobody looked at in time, on the reconcile loop's cadence (every
 * RECONCILE_INTERVAL) instead of a timer row per report: a report's deadline is a column, the
 * sweep is one indexed query, and a flag is at most one interval late. Several workers may
 * sweep at once; each report is claimed under its version and flagged once.
 */
@Injectable()
export class ReportSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(ReportSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly overdue: ReportOverdueService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.reconcileIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep, skipped while the previous one is still running. */
  tick(now = new Date()): Promise<void> {
    this.running ??= this.sweep(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(now: Date): Promise<void> {
    try {
      const flagged = await this.overdue.sweep(now);
      if (flagged.length > 0) this.log.log(`flagged ${flagged.length} overdue 社情 report(s)`);
    } catch (error) {
      this.log.warn(`report sweep failed (will retry): ${(error as Error).message}`);
    }
  }
}
