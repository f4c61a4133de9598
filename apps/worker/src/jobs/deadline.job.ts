import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Notifier, SendEventService, TimerFiring, type TimerJobData } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { settle } from './fire-or-wait';
import { sendSystemEvent } from './system-event';

/**
 * A deadline passed. Blue and yellow review escalate (the transition notifies the new
 * handlers); a case awaiting acceptance or at red is flagged overdue and those who must act
 * are told.
 */
@Injectable()
export class DeadlineJob implements JobProcessor {
  readonly name = 'deadline' as const;

  constructor(
    private readonly firing: TimerFiring,
    private readonly events: SendEventService,
    private readonly notifier: Notifier,
  ) {}

  async process(job: Job<TimerJobData>, token: string | undefined) {
    const outcome = await this.firing.fire(job.data.timerId, async (ctx) => {
      const { applied, changes } = await sendSystemEvent(this.events, ctx, 'DEADLINE_EXPIRED');
      const after = applied.after;
      if (after && after.tier === ctx.dispute.tier && after.overdue) {
        await (after.status === 'yellow.awaitingAcceptance'
          ? this.notifier.acceptanceOverdue(ctx.m, after, ctx.now)
          : this.notifier.redOverdue(ctx.m, after, ctx.now));
      }
      return changes;
    });
    return settle(job, token, outcome);
  }
}
