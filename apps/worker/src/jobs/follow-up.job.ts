import { Injectable } from '@nestjs/common';
import { Notifier, SendEventService, type TimerReaction } from '@tricolor/core';
import type { JobProcessor } from './job-processor';
import { deferNotices, sendSystemEvent } from './system-event';

/** The follow-up visit (回访) falls due: the case moves from agreed to followUp. */
@Injectable()
export class FollowUpJob implements JobProcessor {
  readonly name = 'follow_up' as const;

  constructor(
    private readonly events: SendEventService,
    private readonly notifier: Notifier,
  ) {}

  readonly react: TimerReaction = async (ctx) => {
    const { applied, changes } = await sendSystemEvent(this.events, ctx, 'FOLLOW_UP_DUE');
    if (applied.after) {
      deferNotices(
        this.notifier,
        ctx,
        await this.notifier.reminderNotices(
          ctx.m,
          applied.after,
          'follow_up',
          ctx.row.dueAt,
          ctx.now,
        ),
      );
    }
    return changes;
  };
}
