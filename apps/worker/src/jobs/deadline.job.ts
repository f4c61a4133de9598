import { Injectable } from '@nestjs/common';
import { Notifier, SendEventService, type TimerReaction } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { deferNotices, sendSystemEvent } from './system-event';

/**
 * A deadline passed. Blue and yellow review escalate (the transition notifies the new
 * handlers); a case awaiting acceptance or at red is flagged overdue and those who must act
 * are told.
 */
@Injectable()
export class DeadlineJob implements JobProcessor {
  readonly name = 'deadline' as const;

  constructor(
    private readonly events: SendEventService,
    private readonly notifier: Notifier,
  ) {}

  readonly react: TimerReaction = async (ctx) => {
    const { applied, changes } = await sendSystemEvent(this.events, ctx, 'DEADLINE_EXPIRED');
    const after = applied.after;
    if (after && after.tier === ctx.dispute.tier && after.overdue) {
      const notices = await (after.status === 'yellow.awaitingAcceptance'
        ? this.notifier.acceptanceOverdueNotices(ctx.m, after, ctx.now)
        : this.notifier.redOverdueNotices(ctx.m, after, ctx.now));
      deferNotices(this.notifier, ctx, notices);
    }
    return changes;
  };
}
