import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { ReportOverdueService } from '@tricolor/core';
import { PeriodicSweep } from './periodic-sweep';

/**
 * Flags 社情 reports nobody looked at in time, on the reconcile loop's cadence instead of a timer
 * row per report: a report's deadline is a column, the sweep is one indexed query, and a flag is
 * at most one interval late. Several workers may sweep at once; each report is claimed under its
 * version and flagged once.
 */
@Injectable()
export class ReportSweep extends PeriodicSweep {
  protected readonly what = 'report sweep';

  constructor(
    config: AppConfig,
    private readonly overdue: ReportOverdueService,
  ) {
    super(config);
  }

  protected async sweep(now: Date): Promise<void> {
    const flagged = await this.overdue.sweep(now);
    if (flagged.length > 0) this.log.log(`flagged ${flagged.length} overdue 社情 report(s)`);
  }
}
