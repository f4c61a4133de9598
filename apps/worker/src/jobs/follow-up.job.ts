import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Notifier, SendEventService, TimerFiring, type TimerJobData } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { settle } from './fire-or-wait';
import { sendSystemEvent } from './system-event';

/** The follow-up visit (回访) falls due: the case moves from agreed to followUp. */
@Injectable()
export class FollowUpJob implements JobProcessor {
  readonly name = 'follow_up' as const;

  constructor(
    private readonly firing: TimerFiring,
    private readonly events: SendEventService,
    private readonly notifier: Notifier,
  ) {}

  async process(job: Job<TimerJobData>, token: string | undefined) {
    const outcome = await this.firing.fire(job.data.timerId, async (ctx) => {
      const { applied, changes } = await sendSystemEvent(this.events, ctx, 'FOLLOW_UP_DUE');
      if (applied.after) {
        await this.notifier.reminder(ctx.m, applied.after, 'follow_up', ctx.row.dueAt, ctx.now);
      }
      return changes;
    });
    return settle(job, token, outcome);
  }
}
