import { Injectable, Logger } from '@nestjs/common';
import { CalendarEdits, type TimerJobData } from '@tricolor/core';
import type { Job } from 'bullmq';
import type { JobProcessor } from './job-processor';

/**
 * After an admin edits a calendar year: counts the open cases' working-time deadlines again,
 * one transaction per case (DEADLINE_RETIMED on each), away from the admin's request.
 */
@Injectable()
export class CalendarRetimeJob implements JobProcessor {
  readonly name = 'calendar_retime' as const;
  private readonly log = new Logger(CalendarRetimeJob.name);

  constructor(private readonly edits: CalendarEdits) {}

  async process(job: Job<TimerJobData>): Promise<unknown> {
    const year = job.data.year;
    if (typeof year !== 'number') {
      this.log.warn(`calendar_retime job ${job.id ?? '?'} names no year`);
      return { retimed: 0 };
    }
    const retimed = await this.edits.retimeYear(year);
    return { year, retimed: retimed.length };
  }
}
